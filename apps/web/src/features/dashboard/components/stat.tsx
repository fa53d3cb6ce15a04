import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure of the dashboard, with its name and what it means. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" component="p">
        {label}
      </Text>
      <Text fw={700} fz={28} component="p" data-testid={`stat-${label}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" component="p">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
