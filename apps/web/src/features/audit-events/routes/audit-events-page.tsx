import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { PageTitle } from '../../../components/page-title';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { errorMessage } from '../../../lib/forms';
import { loadedItems } from '../../../lib/pagination';
import { useExportAuditEvents } from '../api/export-audit-events';
import { type AuditEventFilters, useAuditEvents } from '../api/list-audit-events';
import { AuditEventFilterForm } from '../components/audit-event-filters';
import { AuditEventsTable } from '../components/audit-events-table';
import { ChainVerification } from '../components/chain-verification';

/** "Journal d'audit": who read or changed what in the CCAS, its CSV export and the integrity check. */
export function AuditEventsPage() {
  const headingId = useId();
  const [filters, setFilters] = useState<AuditEventFilters>({});
  const events = useAuditEvents(filters);
  const items = loadedItems(events.data);
  const exportCsv = useExportAuditEvents();

  const onExport = () =>
    exportCsv.mutate(filters, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Journal exporté (CSV).' }),
      onError: (error) => notifications.show({ color: 'red', title: 'Export impossible', message: errorMessage(error) }),
    });

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Journal d'audit</PageTitle>
        <Text c="dimmed">
          Chaque consultation, modification, export, connexion et refus d'accès est enregistré, sans possibilité de modification : chaque événement est
          chaîné au précédent.
        </Text>
      </div>
      <ChainVerification />
      <AuditEventFilterForm onApply={setFilters} />
      <Stack component="section" aria-labelledby={headingId} gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id={headingId}>
            Événements
          </Title>
          <Button variant="default" onClick={onExport} loading={exportCsv.isPending}>
            Exporter (CSV)
          </Button>
        </Group>
        <QueryStatus
          query={events}
          count={items.length}
          loadingLabel="Chargement du journal"
          errorTitle="Journal d'audit indisponible"
          empty={<Text c="dimmed">Aucun événement ne correspond à ces filtres.</Text>}
        />
        {items.length > 0 && <AuditEventsTable events={items} labelledBy={headingId} />}
        <MoreButton query={events} />
      </Stack>
    </Stack>
  );
}
