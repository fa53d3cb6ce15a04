import { Alert, Button, Card, Group, Modal, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type HouseholdMember, RELATION_LABELS } from '@ccas/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { QueryStatus } from '../../../components/query-status';
import { ageOn, formatDate } from '../../../lib/dates';
import { useDeleteHouseholdMember } from '../api/delete-household-member';
import { useHouseholdMembers } from '../api/list-household-members';
import { HouseholdMemberForm } from './household-member-form';

type Dialog = { kind: 'add' } | { kind: 'edit'; member: HouseholdMember } | { kind: 'remove'; member: HouseholdMember } | null;

const memberName = (member: HouseholdMember) => [member.firstName, member.lastName].filter(Boolean).join(' ');

/** The people the person lives with or is responsible for ("foyer"). */
export function HouseholdSection({ beneficiaryId, canEdit }: { beneficiaryId: string; canEdit: boolean }) {
  const headingId = useId();
  const members = useHouseholdMembers(beneficiaryId);
  const remove = useDeleteHouseholdMember(beneficiaryId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [stale, setStale] = useState(false);
  const removing = dialog?.kind === 'remove' ? dialog.member : null;

  const done = (message: string) => {
    setDialog(null);
    setStale(false);
    notifications.show({ color: 'teal', message });
  };
  const onStale = () => {
    setDialog(null);
    setStale(true);
  };

  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          Foyer
        </Title>
        {canEdit && (
          <Button variant="default" size="sm" onClick={() => setDialog({ kind: 'add' })}>
            Ajouter un membre du foyer
          </Button>
        )}
      </Group>
      {stale && (
        <Alert color="orange" variant="light" mb="md" title="Modification non enregistrée" role="alert">
          Ce membre du foyer a été modifié par quelqu'un d'autre pendant votre saisie. Vos changements n'ont pas été enregistrés ; la version à
          jour est affichée ci-dessous.
        </Alert>
      )}
      <QueryStatus
        query={members}
        count={members.data?.length}
        loadingLabel="Chargement du foyer"
        errorTitle="Foyer indisponible"
        empty={
          <Text c="dimmed" size="sm">
            Aucun membre du foyer enregistré.
          </Text>
        }
      />
      {members.isSuccess && members.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nom</Table.Th>
                <Table.Th scope="col">Lien</Table.Th>
                <Table.Th scope="col">Naissance</Table.Th>
                <Table.Th scope="col">Vit au foyer</Table.Th>
                {canEdit && (
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>{memberName(member)}</Table.Td>
                  <Table.Td>{RELATION_LABELS[member.relation]}</Table.Td>
                  <Table.Td>{member.birthDate ? `${formatDate(member.birthDate)} (${ageOn(member.birthDate)} ans)` : ''}</Table.Td>
                  <Table.Td>{member.livesInHousehold ? 'Oui' : 'Non'}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Modifier ${memberName(member)}`} onClick={() => setDialog({ kind: 'edit', member })}>
                          Modifier
                        </Button>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Retirer ${memberName(member)} du foyer`} onClick={() => setDialog({ kind: 'remove', member })}>
                          Retirer
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? 'Modifier un membre du foyer' : 'Ajouter un membre du foyer'}
        size="lg"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <HouseholdMemberForm
            beneficiaryId={beneficiaryId}
            member={dialog.kind === 'edit' ? dialog.member : undefined}
            onDone={done}
            onStale={onStale}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={removing !== null}
        title="Retirer du foyer"
        confirmLabel="Retirer"
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => done('Membre retiré du foyer.') })}
        onClose={() => setDialog(null)}
        pending={remove.isPending}
        error={remove.error}
        errorTitle="Non retiré"
      >
        Retirer {removing && memberName(removing)} du foyer ? Cette personne ne figurera plus dans le dossier.
      </ConfirmDialog>
    </Card>
  );
}
