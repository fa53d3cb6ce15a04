import { ActionIcon, Button, Group, SimpleGrid, type SimpleGridProps, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  legend: string;
  count: number;
  /** The fields of row `index`, laid out on a grid of `cols` columns. */
  renderRow: (index: number) => ReactNode;
  cols: SimpleGridProps['cols'];
  /** The remove button's accessible name, e.g. `Retirer l'action n° 1`: the row's fields are numbered the same way. */
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  /** The shared schema's limit: no row is added beyond it. */
  max: number;
  /** Shown while there is no row. */
  emptyText?: string;
}

/** A list the user lengthens and shortens in a form (actions to follow, income sources): one row of fields each, with its ✕. */
export function RepeatedFields({ legend, count, renderRow, cols, removeLabel, onRemove, addLabel, onAdd, max, emptyText }: Props) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        {legend}
      </Text>
      {count === 0 && emptyText && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {Array.from({ length: count }, (_row, index) => (
        <Group key={index} align="flex-start" wrap="nowrap">
          <SimpleGrid cols={cols} spacing="sm" style={{ flex: 1 }}>
            {renderRow(index)}
          </SimpleGrid>
          <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={removeLabel(index)} onClick={() => onRemove(index)}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="sm" style={{ alignSelf: 'flex-start' }} disabled={count >= max} onClick={onAdd}>
        {addLabel}
      </Button>
    </Stack>
  );
}
