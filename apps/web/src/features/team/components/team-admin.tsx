import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type ManagedMember, ROLE_LABELS } from '@ccas/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { useDialog } from '../../../components/use-dialog';
import { useMe } from '../../me/api/get-me';
import { useManagedMembers } from '../api/list-managed-members';
import { useUpdateMember } from '../api/update-member';
import { MemberForm } from './member-form';
import { MemberStatusBadge } from './member-status-badge';

type Dialog = { kind: 'invite' } | { kind: 'edit'; member: ManagedMember } | { kind: 'deactivate'; member: ManagedMember };

const fullName = (member: ManagedMember) => `${member.firstName} ${member.lastName}`;

/** The CCAS's team as its administrator keeps it: invitations, roles, sites, deactivation. */
export function TeamAdmin() {
  const members = useManagedMembers();
  const update = useUpdateMember();
  const { data: me } = useMe();
  const { dialog, setDialog, done } = useDialog<Dialog>();
  const deactivating = dialog?.kind === 'deactivate' ? dialog.member : null;

  const setActive = (member: ManagedMember, active: boolean) =>
    update.mutate(
      { id: member.id, body: { active } },
      {
        onSuccess: (saved) =>
          done(active ? `Le compte de ${fullName(saved)} est réactivé.` : `Le compte de ${fullName(saved)} est désactivé : plus aucun accès dès sa prochaine action.`),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          Invitez une personne par son adresse e-mail : elle rejoint l'équipe à sa première connexion avec cette adresse. Un compte désactivé perd tout
          accès immédiatement ; son historique est conservé.
        </Text>
        <Button variant="default" onClick={() => setDialog({ kind: 'invite' })}>
          Inviter une personne
        </Button>
      </Group>
      {dialog === null && <ErrorAlert error={update.error} title="Non enregistré" />}
      <QueryStatus query={members} count={members.data?.length} loadingLabel="Chargement de l'équipe" errorTitle="Équipe indisponible" />
      {members.isSuccess && members.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="Équipe">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nom</Table.Th>
                <Table.Th scope="col">Adresse e-mail</Table.Th>
                <Table.Th scope="col">Rôles</Table.Th>
                <Table.Th scope="col">Sites</Table.Th>
                <Table.Th scope="col">État</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => {
                const name = fullName(member);
                const deactivated = member.status === 'DEACTIVATED';
                return (
                  <Table.Tr key={member.id}>
                    <Table.Td>
                      {name}
                      {member.id === me?.id && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          (vous)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{member.email}</Table.Td>
                    <Table.Td>{member.roles.map((role) => ROLE_LABELS[role]).join(', ')}</Table.Td>
                    <Table.Td>
                      {member.sites.length ? (
                        member.sites.map((site) => site.name).join(', ')
                      ) : (
                        <Text span c="dimmed" size="sm">
                          Aucun site
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MemberStatusBadge status={member.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Modifier ${name}`} onClick={() => setDialog({ kind: 'edit', member })}>
                          Modifier
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={deactivated ? 'teal' : 'red'}
                          aria-label={`${deactivated ? 'Réactiver' : 'Désactiver'} ${name}`}
                          loading={deactivated && update.isPending && update.variables.id === member.id}
                          onClick={() => {
                            update.reset();
                            if (deactivated) setActive(member, true);
                            else setDialog({ kind: 'deactivate', member });
                          }}
                        >
                          {deactivated ? 'Réactiver' : 'Désactiver'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={dialog?.kind === 'invite' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? `Modifier « ${fullName(dialog.member)} »` : 'Inviter une personne'}
        size="lg"
      >
        {(dialog?.kind === 'invite' || dialog?.kind === 'edit') && (
          <MemberForm member={dialog.kind === 'edit' ? dialog.member : undefined} onDone={done} onCancel={() => setDialog(null)} />
        )}
      </Modal>

      <ConfirmDialog
        opened={deactivating !== null}
        title="Désactiver un compte"
        confirmLabel="Désactiver"
        onConfirm={() => deactivating && setActive(deactivating, false)}
        onClose={() => {
          update.reset();
          setDialog(null);
        }}
        pending={update.isPending}
        error={update.error}
        errorTitle="Non désactivé"
      >
        Désactiver le compte de {deactivating && fullName(deactivating)} ? La personne perd tout accès dès sa prochaine action ; ses dossiers, rendez-vous
        et son historique sont conservés. Vous pourrez réactiver le compte.
      </ConfirmDialog>
    </Stack>
  );
}
