import { Anchor, Table, Text } from '@mantine/core';
import { ACCESS_TARGET_LABELS, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditEvent, formatFileNumber } from '@ccas/shared';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates';

/** What an event is about: the file (linked, by number) or another kind of element, and which part. */
function Subject({ event }: { event: AuditEvent }) {
  const target = typeof event.details.target === 'string' ? event.details.target : null;
  const part = target ? (ACCESS_TARGET_LABELS[target] ?? target) : null;
  if (event.file) {
    return (
      <>
        <Anchor component={Link} to={`/personnes/${event.file.id}`}>
          Dossier {formatFileNumber(event.file.fileNumber)}
        </Anchor>
        {part && <Text size="sm" c="dimmed">{part}</Text>}
      </>
    );
  }
  if (!event.entityType) return part ? <>{part}</> : <Text span c="dimmed">—</Text>;
  return (
    <>
      {AUDIT_ENTITY_LABELS[event.entityType] ?? event.entityType}
      {part && <Text size="sm" c="dimmed">{part}</Text>}
    </>
  );
}

export function AuditEventsTable({ events, labelledBy }: { events: AuditEvent[]; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Membre</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Élément</Table.Th>
            <Table.Th scope="col">Adresse IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</Table.Td>
              <Table.Td>{event.actor?.name ?? 'Système'}</Table.Td>
              <Table.Td>{AUDIT_ACTION_LABELS[event.action]}</Table.Td>
              <Table.Td>
                <Subject event={event} />
              </Table.Td>
              <Table.Td>{event.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
