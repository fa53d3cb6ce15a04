import { Button, Group, Paper, SegmentedControl, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DataTable, ExportFormat } from '@ccas/shared';
import { errorMessage } from '../../../lib/forms';
import { type ReactNode, useState } from 'react';
import { BarsChart, type BarsOptions } from './charts';
import { DataTableView } from './data-table-view';


/**
 * A chart and the table behind it (horizontal bar charts grow with their rows, one line each): the table view gives every value to screen readers and to whoever
 * prefers figures (the chart itself is an image named after its title).
 */
export interface ChartCardProps {
  table: DataTable;
  chart: ReactNode;
  horizontal?: boolean;
  /** Offered to members who may export: the table as a file. */
  onDownload?: (format: ExportFormat) => Promise<void>;
}

export function ChartCard({ table, chart, horizontal = false, onDownload }: ChartCardProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [downloading, setDownloading] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setDownloading(format);
    try {
      await onDownload?.(format);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Téléchargement impossible', message: errorMessage(error) });
    } finally {
      setDownloading(null);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={table.title}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={3} size="h5">
          {table.title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {onDownload &&
            (['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                size="compact-xs"
                variant="default"
                loading={downloading === format}
                onClick={() => void download(format)}
              >
                {format.toUpperCase()}
                <VisuallyHidden> : télécharger « {table.title} »</VisuallyHidden>
              </Button>
            ))}
          <SegmentedControl
            size="xs"
            aria-label={`Affichage : ${table.title}`}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: 'Graphique' },
              { value: 'table', label: 'Tableau' },
            ]}
          />
        </Group>
      </Group>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Rien sur cette période.
        </Text>
      ) : view === 'chart' ? (
        <div role="img" aria-label={`Graphique : ${table.title}. Choisissez « Tableau » pour lire les valeurs.`} style={{ height: horizontal ? Math.max(200, table.rows.length * 30 + 50) : 260 }}>
          {chart}
        </div>
      ) : (
        <DataTableView table={table} />
      )}
    </Paper>
  );
}

/** A bar chart of a table's columns, in its card. */
export const BarsCard = ({ table, onDownload, ...options }: Omit<ChartCardProps, 'chart' | 'horizontal'> & BarsOptions) => (
  <ChartCard table={table} horizontal={options.horizontal} onDownload={onDownload} chart={<BarsChart table={table} {...options} />} />
);
