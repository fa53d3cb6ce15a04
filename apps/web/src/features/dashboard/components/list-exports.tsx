import { Button, Group, Paper, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DashboardQuery, ExportFormat, ExportList } from '@ccas/shared';
import { useState } from 'react';
import { apiDownload, type DownloadProgress, queryString } from '../../../lib/api-client';
import { saveFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/forms';

const LISTS: { list: ExportList; label: string }[] = [
  { list: 'files', label: 'Dossiers ouverts' },
  { list: 'procedures', label: 'Démarches' },
  { list: 'appointments', label: 'Rendez-vous' },
];

const numberFormat = new Intl.NumberFormat('fr-FR');
const megabytes = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Where a running export is: rows of a CSV against the count announced, else the bytes received. */
function progressText(format: ExportFormat, progress: DownloadProgress): { text: string; share: number | null } {
  if (format === 'csv' && progress.totalRows !== null) {
    const rows = Math.max(0, progress.lines - 1);
    return { text: `${numberFormat.format(rows)} lignes sur ${numberFormat.format(progress.totalRows)}`, share: progress.totalRows ? rows / progress.totalRows : 1 };
  }
  const total = progress.totalRows === null ? '' : ` (${numberFormat.format(progress.totalRows)} lignes)`;
  return { text: `${megabytes.format(progress.bytes / 1_000_000)} Mo reçus${total}`, share: null };
}

/**
 * The whole lists behind the dashboard, for its filters: files opened, procedures, appointments, as
 * CSV or XLSX. Long lists stream; the progress shows while they arrive.
 */
export function ListExports({ query }: { query: DashboardQuery }) {
  const [running, setRunning] = useState<{ list: ExportList; format: ExportFormat; progress: DownloadProgress | null } | null>(null);

  const download = async (list: ExportList, format: ExportFormat) => {
    setRunning({ list, format, progress: null });
    try {
      const file = await apiDownload(`/exports/${list}${queryString({ ...query, format })}`, `${list}.${format}`, {}, (progress) =>
        setRunning({ list, format, progress }),
      );
      saveFile(file);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export impossible', message: errorMessage(error) });
    } finally {
      setRunning(null);
    }
  };
  const status = running?.progress ? progressText(running.format, running.progress) : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Listes à télécharger">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Listes à télécharger
        </Title>
        <Text size="sm" c="dimmed">
          Les dossiers ouverts, démarches et rendez-vous de la période, avec les filtres choisis. Aucune note n’y figure.
        </Text>
        {LISTS.map(({ list, label }) => (
          <Group key={list} gap="xs">
            <Text w={160}>{label}</Text>
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                size="compact-sm"
                variant="default"
                disabled={running !== null && (running.list !== list || running.format !== format)}
                loading={running?.list === list && running.format === format}
                onClick={() => void download(list, format)}
              >
                {format.toUpperCase()}
                <VisuallyHidden> : télécharger « {label} »</VisuallyHidden>
              </Button>
            ))}
          </Group>
        ))}
        {running && (
          <Stack gap={4}>
            <Progress value={status?.share === null || !status ? 100 : status.share * 100} striped animated={status?.share === null} aria-hidden />
            <Text size="sm" role="status">
              {status ? `Téléchargement en cours : ${status.text}` : 'Préparation du fichier…'}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
