import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import { useCan } from '../../../components/can';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { formatDateTime } from '../../../lib/dates';
import { loadedItems } from '../../../lib/pagination';
import { useFileAppointments } from '../api/list-file-appointments';
import { AppointmentDetails, AppointmentStatusBadge } from './appointment-details';
import { nextQuarterHour } from './appointment-form';
import { NewAppointment } from './new-appointment';

interface Props {
  person: { id: string; name: string };
  /** NO_SHOW appointments of the person, as the file counts them. */
  noShowCount: number;
}

/** "Rendez-vous" on the file: the person's appointments, latest first, booking, no-shows. */
export function FileAppointmentsSection({ person, noShowCount }: Props) {
  const headingId = useId();
  const can = useCan();
  const appointments = useFileAppointments(person.id);
  const [booking, setBooking] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = loadedItems(appointments.data);
  const opened = items.find((appointment) => appointment.id === openId);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id={headingId}>
            Rendez-vous
          </Title>
          <Badge variant="light" color={noShowCount > 0 ? 'red' : 'gray'} data-testid="no-show-count">
            {noShowCount === 0 ? 'Aucune absence non excusée' : noShowCount === 1 ? '1 absence non excusée' : `${noShowCount} absences non excusées`}
          </Badge>
        </Group>
        {can('appointment:manage') && <Button onClick={() => setBooking(true)}>Prendre rendez-vous</Button>}
      </Group>
      <QueryStatus
        query={appointments}
        count={items.length}
        loadingLabel="Chargement des rendez-vous"
        errorTitle="Rendez-vous indisponibles"
        empty={<Text c="dimmed">Aucun rendez-vous.</Text>}
      />
      {items.length > 0 && (
        <Stack gap="xs">
          <Table aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Motif</Table.Th>
                <Table.Th scope="col">Avec</Table.Th>
                <Table.Th scope="col">Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((appointment) => (
                <Table.Tr key={appointment.id}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setOpenId(appointment.id)} td="underline" c="blue.9">
                      {formatDateTime(appointment.startsAt)}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{appointment.motif.label}</Table.Td>
                  <Table.Td>{appointment.agents.map((agent) => agent.name).join(', ')}</Table.Td>
                  <Table.Td>
                    <AppointmentStatusBadge status={appointment.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <MoreButton query={appointments} size="xs" />
        </Stack>
      )}

      <Modal opened={booking} onClose={() => setBooking(false)} title="Nouveau rendez-vous" size="lg">
        {booking && <NewAppointment person={person} slot={{ agentIds: [], siteId: null, startsAt: nextQuarterHour() }} onClose={() => setBooking(false)} />}
      </Modal>
      <Modal opened={opened !== undefined} onClose={() => setOpenId(null)} title="Rendez-vous" size="lg">
        {opened && <AppointmentDetails key={opened.id} appointment={opened} onClose={() => setOpenId(null)} />}
      </Modal>
    </Card>
  );
}
