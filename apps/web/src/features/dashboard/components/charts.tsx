import type { Cell, DataTable } from '@ccas/shared';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// Colours dark enough on white (WCAG AA for the bars' labels and legend).
const COLOURS = ['var(--mantine-color-blue-8)', 'var(--mantine-color-teal-8)', 'var(--mantine-color-orange-8)', 'var(--mantine-color-grape-8)'];
const numberFormat = new Intl.NumberFormat('fr-FR');

/** The table's rows as recharts data: the first column names each row, the others are its series. */
const rowsOf = (table: DataTable, series: number[]) =>
  table.rows.map((row) => Object.fromEntries([['name', row[0]], ...series.map((column) => [table.columns[column], row[column] as Cell])]));

/**
 * Bars of one or more columns of a table (columns 1… by default), horizontal when the names are long.
 * The chart is decoration for sighted users; the table view carries the values (see ChartCard).
 */
export interface BarsOptions {
  /** The table's columns drawn as bars (1 by default). */
  series?: number[];
  horizontal?: boolean;
  stacked?: boolean;
}

export function BarsChart({ table, series = [1], horizontal = false, stacked = false }: { table: DataTable } & BarsOptions) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rowsOf(table, series)} layout={horizontal ? 'vertical' : 'horizontal'} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => numberFormat.format(value)} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tickFormatter={(value: number) => numberFormat.format(value)} />
          </>
        )}
        <Tooltip formatter={(value) => numberFormat.format(Number(value))} />
        {series.length > 1 && <Legend />}
        {series.map((column, index) => (
          <Bar key={column} dataKey={table.columns[column]} fill={COLOURS[index % COLOURS.length]} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Procedures per month: bars of those done in the person's place and the others, and the share's line. */
export function MonthlyProceduresChart({ table }: { table: DataTable }) {
  // Columns: month, total, in place, share (%), hours.
  const data = table.rows.map((row) => ({
    name: row[0],
    'Faites à la place': row[2],
    'Autres démarches': Number(row[1]) - Number(row[2]),
    'Part faite à la place (%)': row[3],
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} />
        <YAxis yAxisId="count" allowDecimals={false} />
        <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit=" %" />
        <Tooltip />
        <Legend />
        <Bar yAxisId="count" dataKey="Faites à la place" stackId="month" fill={COLOURS[0]} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="Autres démarches" stackId="month" fill={COLOURS[1]} isAnimationActive={false} />
        <Line yAxisId="share" dataKey="Part faite à la place (%)" stroke={COLOURS[2]} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
