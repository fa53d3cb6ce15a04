import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { absReport, type DataTable, yearPeriod } from '@ccas/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../components/can';
import { PageTitle } from '../../../components/page-title';
import { QueryStatus } from '../../../components/query-status';
import { apiDownload } from '../../../lib/api-client';
import { todayInParis } from '../../../lib/dates';
import { saveFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/forms';
import { useDashboard } from '../api/get-dashboard';
import { DataTableView } from '../components/data-table-view';


function ReportTable({ table }: { table: DataTable }) {
  return (
    <Stack gap="xs" component="section" aria-label={table.title} className="abs-report-table">
      <Title order={2} size="h4">
        {table.title}
      </Title>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Rien sur ces deux années.
        </Text>
      ) : (
        <DataTableView table={table} />
      )}
    </Stack>
  );
}

/**
 * The yearly report of the "analyse des besoins sociaux": the year's figures beside the previous
 * year's, for the whole CCAS, printable, and as an Excel workbook.
 */
export function AbsReportPage() {
  const can = useCan();
  const thisYear = Number(todayInParis().slice(0, 4));
  // The ABS is written early in the year about the year before.
  const [year, setYear] = useState(thisYear - 1);
  const previous = useDashboard(yearPeriod(year - 1));
  const current = useDashboard(yearPeriod(year));
  const [downloading, setDownloading] = useState(false);
  const report = previous.data && current.data ? absReport(previous.data, current.data, year) : null;

  const download = async () => {
    setDownloading(true);
    try {
      saveFile(await apiDownload(`/exports/abs-report/${year}`, `rapport-abs-${year}.xlsx`));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Téléchargement impossible', message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <Group justify="space-between" data-print="hide" mb="sm">
        <Anchor component={Link} to="/tableau-de-bord">
          ← Tableau de bord
        </Anchor>
        <Group gap="sm" align="end">
          <Select
            label="Année"
            allowDeselect={false}
            value={String(year)}
            onChange={(value) => setYear(Number(value))}
            data={[0, 1, 2].map((back) => String(thisYear - back))}
            w={120}
          />
          {can('export:run') && (
            <Button variant="default" onClick={() => void download()} loading={downloading}>
              Télécharger (XLSX)
            </Button>
          )}
          <Button onClick={() => window.print()}>Imprimer</Button>
        </Group>
      </Group>
      <PageTitle>{report?.title ?? `Analyse des besoins sociaux — activité ${year}`}</PageTitle>
      <QueryStatus query={previous.isError ? previous : current} loadingLabel="Calcul du rapport" errorTitle="Rapport indisponible" loaderSize="md" />
      {report && (
        <Stack gap="xl">
          <Text c="dimmed">Chiffres de toute la structure, sans aucune donnée personnelle ; dates en heure de Paris.</Text>
          <ReportTable table={report.summary} />
          {report.tables.map((table) => (
            <ReportTable key={table.title} table={table} />
          ))}
        </Stack>
      )}
    </>
  );
}
