import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { APPOINTMENT_STATUS_LABELS, CANCELLED_STATUSES, LOCATION_TYPE_LABELS } from '@ccas/shared';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryStatus } from '../../../components/query-status';
import { formatLongDate, formatTime, parisInstant } from '../../../lib/dates';
import { useSites } from '../../sites/api/list-sites';
import { useAgenda } from '../api/list-agenda';

const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The front desk's printable list of a site's appointments for one day, in time order. */
export function SiteDayPage() {
  const { siteId = '', date = '' } = useParams();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
  const sites = useSites();
  const agenda = useAgenda(valid ? { from: parisInstant(date, '00:00'), to: parisInstant(nextDay(date), '00:00'), siteId } : null);
  const site = sites.data?.find((entry) => entry.id === siteId);
  const appointments = (agenda.data ?? [])
    .filter((appointment) => !CANCELLED_STATUSES.includes(appointment.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  if (!valid) return <PageTitle>Date invalide</PageTitle>;
  return (
    <>
      <Group justify="space-between" data-print="hide" mb="sm">
        <Anchor component={Link} to="/agenda">
          ← Agenda
        </Anchor>
        <Button onClick={() => window.print()}>Imprimer</Button>
      </Group>
      <PageTitle>{`Rendez-vous du ${formatLongDate(parisInstant(date, '12:00'))}${site ? ` — ${site.name}` : ''}`}</PageTitle>
      <QueryStatus
        query={agenda}
        count={appointments.length}
        loadingLabel="Chargement des rendez-vous"
        errorTitle="Liste indisponible"
        empty={<Text>Aucun rendez-vous ce jour-là.</Text>}
        loaderSize="md"
      />
      {appointments.length > 0 && (
        <Table aria-label="Rendez-vous du jour" withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Heure</Table.Th>
              <Table.Th scope="col">Personne</Table.Th>
              <Table.Th scope="col">Motif</Table.Th>
              <Table.Th scope="col">Avec</Table.Th>
              <Table.Th scope="col">Lieu</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
              <Table.Th scope="col">Statut</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appointments.map((appointment) => (
              <Table.Tr key={appointment.id}>
                <Table.Td>
                  {formatTime(appointment.startsAt)} – {formatTime(appointment.endsAt)}
                </Table.Td>
                <Table.Td>{appointment.beneficiary.name}</Table.Td>
                <Table.Td>{appointment.motif.label}</Table.Td>
                <Table.Td>{appointment.agents.map((agent) => agent.name).join(', ')}</Table.Td>
                <Table.Td>{LOCATION_TYPE_LABELS[appointment.locationType]}</Table.Td>
                <Table.Td>{appointment.note}</Table.Td>
                <Table.Td>{APPOINTMENT_STATUS_LABELS[appointment.status]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
