import { Table } from '@mantine/core';
import type { Cell, DataTable } from '@ccas/shared';

const numberFormat = new Intl.NumberFormat('fr-FR');
const shown = (value: Cell) => (value === null ? '—' : typeof value === 'number' ? numberFormat.format(value) : value);

/** A table of figures: names in the first column, values right-aligned, "—" where there is none. */
export function DataTableView({ table }: { table: DataTable }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label={table.title} striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, index) => (
            <Table.Tr key={index}>
              {row.map((value, column) => (
                <Table.Td key={column} style={{ textAlign: column === 0 ? 'left' : 'right' }}>
                  {shown(value)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
