import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FieldItem {
  label: string;
  value: ReactNode;
}

/** Read-only fields as a definition list; unknown values say so instead of leaving a hole. */
export function FieldList({ items }: { items: FieldItem[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="xs" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
            {item.value === null || item.value === undefined || item.value === '' ? <NotKnown /> : item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function NotKnown() {
  return (
    <Text span c="dimmed" fs="italic">
      Non renseigné
    </Text>
  );
}
