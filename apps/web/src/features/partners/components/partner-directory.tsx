import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type Partner, PARTNER_KIND_LABELS } from '@ccas/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { NotKnown } from '../../../components/field-list';
import { QueryStatus } from '../../../components/query-status';
import { useDialog } from '../../../components/use-dialog';
import { RetirableRowActions, RetirementBadge } from '../../../components/retirement';
import { usePartners } from '../api/list-partners';
import { useUpdatePartner } from '../api/update-partner';
import { PartnerForm } from './partner-form';

type Dialog = { kind: 'add' } | { kind: 'edit'; partner: Partner } | { kind: 'retire'; partner: Partner };

/** The tenant's directory of partners people are referred to ("orientations"), as its administrator keeps it. */
export function PartnerDirectory() {
  const partners = usePartners();
  const update = useUpdatePartner();
  const { dialog, setDialog, done } = useDialog<Dialog>();
  const retiring = dialog?.kind === 'retire' ? dialog.partner : null;

  const setRetired = (partner: Partner, retired: boolean) =>
    update.mutate(
      { id: partner.id, body: { retired } },
      {
        onSuccess: (saved) =>
          done(retired ? `« ${saved.name} » retiré : il n'est plus proposé pour les orientations.` : `« ${saved.name} » remis en service.`),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          Les partenaires vers qui orienter les personnes. Un partenaire retiré n'est plus proposé pour les orientations ; les orientations déjà notées le
          gardent.
        </Text>
        <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
          Ajouter un partenaire
        </Button>
      </Group>
      {dialog === null && <ErrorAlert error={update.error} title="Non enregistré" />}
      <QueryStatus
        query={partners}
        count={partners.data?.length}
        loadingLabel="Chargement des partenaires"
        errorTitle="Partenaires indisponibles"
        empty={
          <Text c="dimmed" size="sm">
            Aucun partenaire dans l'annuaire.
          </Text>
        }
      />
      {partners.isSuccess && partners.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Partenaires">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nom</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Contact</Table.Th>
                <Table.Th scope="col">État</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.data.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Td>{partner.name}</Table.Td>
                  <Table.Td>{PARTNER_KIND_LABELS[partner.kind]}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{partner.contact ?? <NotKnown />}</Table.Td>
                  <Table.Td>
                    <RetirementBadge retired={partner.retired} />
                  </Table.Td>
                  <Table.Td>
                    <RetirableRowActions
                      name={partner.name}
                      retired={partner.retired}
                      editLabel="Modifier"
                      onEdit={() => setDialog({ kind: 'edit', partner })}
                      onRetire={() => setDialog({ kind: 'retire', partner })}
                      onRestore={() => setRetired(partner, false)}
                      pending={partner.retired && update.isPending && update.variables.id === partner.id}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? `Modifier « ${dialog.partner.name} »` : 'Ajouter un partenaire'}
        size="lg"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <PartnerForm partner={dialog.kind === 'edit' ? dialog.partner : undefined} onDone={done} onCancel={() => setDialog(null)} />
        )}
      </Modal>

      <ConfirmDialog
        opened={retiring !== null}
        title="Retirer un partenaire"
        confirmLabel="Retirer"
        onConfirm={() => retiring && setRetired(retiring, true)}
        onClose={() => setDialog(null)}
        pending={update.isPending}
        error={update.error}
        errorTitle="Non retiré"
      >
        Retirer « {retiring?.name} » de l'annuaire ? Il ne sera plus proposé pour les orientations ; les orientations déjà notées le gardent.
      </ConfirmDialog>
    </Stack>
  );
}
