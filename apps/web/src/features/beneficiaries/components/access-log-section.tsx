import { Stack, Table, Text, Title } from '@mantine/core';
import { ACCESS_TARGET_LABELS } from '@ccas/shared';
import { useId } from 'react';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { formatDateTime } from '../../../lib/dates';
import { loadedItems } from '../../../lib/pagination';
import { useAccessLog } from '../api/get-access-log';

const ACTION_LABELS: Record<string, string> = {
  read: 'Consultation',
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
  export: 'Export',
  denied: 'Accès refusé',
};

/** "Qui a consulté ce dossier": every read and write of the file, for its managers. */
export function AccessLogSection({ beneficiaryId }: { beneficiaryId: string }) {
  const headingId = useId();
  const log = useAccessLog(beneficiaryId);
  const entries = loadedItems(log.data);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <div>
        <Title order={2} size="h4" id={headingId}>
          Qui a consulté ce dossier
        </Title>
        <Text size="sm" c="dimmed">
          Chaque consultation et chaque modification du dossier est enregistrée dans le journal d'audit.
        </Text>
      </div>
      <QueryStatus
        query={log}
        count={entries.length}
        loadingLabel="Chargement des accès"
        errorTitle="Historique des accès indisponible"
        empty={<Text c="dimmed">Aucun accès enregistré.</Text>}
      />
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Qui</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Élément</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</Table.Td>
                  <Table.Td>{entry.actor?.name ?? 'Système'}</Table.Td>
                  <Table.Td>{ACTION_LABELS[entry.action] ?? entry.action}</Table.Td>
                  <Table.Td>{ACCESS_TARGET_LABELS[entry.target] ?? entry.target}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton query={log} />
    </Stack>
  );
}
