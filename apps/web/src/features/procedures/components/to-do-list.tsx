import { Anchor, Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Procedure, PROCEDURE_OUTCOME_LABELS } from '@ccas/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/forms';
import { loadedItems } from '../../../lib/pagination';
import { useCloseProcedure } from '../api/close-procedure';
import { useToDo } from '../api/list-to-do';

/** "Démarches à suivre": the agent's procedures waiting for documents or a follow-up, until closed. */
export function ToDoList() {
  const headingId = useId();
  const toDo = useToDo();
  const items = loadedItems(toDo.data);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h4" id={headingId}>
        Démarches à suivre
      </Title>
      <QueryStatus
        query={toDo}
        count={items.length}
        loadingLabel="Chargement des démarches à suivre"
        errorTitle="Démarches à suivre indisponibles"
        empty={<Text c="dimmed">Aucune démarche en attente : celles dont le résultat est « En attente de pièces » ou « À suivre » s'affichent ici.</Text>}
      />
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby={headingId} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Personne</Table.Th>
                <Table.Th scope="col">Organisme</Table.Th>
                <Table.Th scope="col">Démarche</Table.Th>
                <Table.Th scope="col">Résultat</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Action</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((procedure) => (
                <ToDoRow key={procedure.id} procedure={procedure} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton query={toDo} />
    </Stack>
  );
}

function ToDoRow({ procedure }: { procedure: Procedure }) {
  const close = useCloseProcedure();
  const onClose = () =>
    close.mutate(procedure, {
      onSuccess: () => notifications.show({ color: 'teal', message: `Démarche close : ${procedure.procedureType.label}.` }),
      onError: (error) => notifications.show({ color: 'red', title: 'Démarche non close', message: errorMessage(error) }),
    });

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/personnes/${procedure.beneficiary.id}?onglet=journal`}>
          {procedure.beneficiary.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{procedure.organism.label}</Table.Td>
      <Table.Td>{procedure.procedureType.label}</Table.Td>
      <Table.Td>
        <Badge variant="light">{PROCEDURE_OUTCOME_LABELS[procedure.outcome]}</Badge>
      </Table.Td>
      <Table.Td>{formatDateTime(procedure.occurredAt)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" onClick={onClose} loading={close.isPending} aria-label={`Clore : ${procedure.procedureType.label} — ${procedure.beneficiary.name}`}>
          Clore
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
