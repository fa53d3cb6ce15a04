import { Anchor, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Appointment, APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '@ccas/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/forms';
import { loadedItems } from '../../../lib/pagination';
import { useAppointmentsToDo } from '../api/list-to-do';
import { useSetAppointmentStatus } from '../api/set-appointment-status';

/** "Rendez-vous à compléter": the agent's past appointments still "Prévu", until given a status. */
export function AppointmentsToDo() {
  const headingId = useId();
  const toDo = useAppointmentsToDo();
  const items = loadedItems(toDo.data);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h4" id={headingId}>
        Rendez-vous à compléter
      </Title>
      <QueryStatus
        query={toDo}
        count={items.length}
        loadingLabel="Chargement des rendez-vous à compléter"
        errorTitle="Rendez-vous à compléter indisponibles"
        empty={<Text c="dimmed">Tous vos rendez-vous passés ont un statut.</Text>}
      />
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby={headingId} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Personne</Table.Th>
                <Table.Th scope="col">Motif</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Statut à donner</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((appointment) => (
                <ToDoRow key={appointment.id} appointment={appointment} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton query={toDo} />
    </Stack>
  );
}

function ToDoRow({ appointment }: { appointment: Appointment }) {
  const setStatus = useSetAppointmentStatus();
  const give = (status: AppointmentStatus) =>
    setStatus.mutate(
      { appointment, status },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: `${appointment.beneficiary.name} : ${APPOINTMENT_STATUS_LABELS[status]}.` }),
        onError: (error) => notifications.show({ color: 'red', title: 'Statut non enregistré', message: errorMessage(error) }),
      },
    );
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/personnes/${appointment.beneficiary.id}`}>
          {appointment.beneficiary.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{appointment.motif.label}</Table.Td>
      <Table.Td>{formatDateTime(appointment.startsAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {(['SEEN', 'NO_SHOW'] as const).map((status) => (
            <Button key={status} size="xs" variant="default" loading={setStatus.isPending && setStatus.variables?.status === status} onClick={() => give(status)}>
              {APPOINTMENT_STATUS_LABELS[status]}
              <VisuallyHidden> : {appointment.beneficiary.name}, {formatDateTime(appointment.startsAt)}</VisuallyHidden>
            </Button>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
