import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Partner, PARTNER_KIND_LABELS } from '@ccas/shared';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { NotKnown } from '../../../components/field-list';
import { usePartners } from '../api/list-partners';
import { useUpdatePartner } from '../api/update-partner';
import { PartnerForm } from './partner-form';

type Dialog = { kind: 'add' } | { kind: 'edit'; partner: Partner } | { kind: 'retire'; partner: Partner } | null;

/** The tenant's directory of partners people are referred to ("orientations"), as its administrator keeps it. */
export function PartnerDirectory() {
  const partners = usePartners();
  const update = useUpdatePartner();
  const [dialog, setDialog] = useState<Dialog>(null);

  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
  };
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
      {partners.isPending && <Loader size="sm" aria-label="Chargement des partenaires" />}
      {partners.isError && <ErrorAlert error={partners.error} title="Partenaires indisponibles" />}
      {partners.isSuccess && partners.data.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun partenaire dans l'annuaire.
        </Text>
      )}
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
                    <Badge variant="light" tt="none" color={partner.retired ? 'gray' : 'teal'}>
                      {partner.retired ? 'Retiré' : 'Proposé'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" aria-label={`Modifier ${partner.name}`} onClick={() => setDialog({ kind: 'edit', partner })}>
                        Modifier
                      </Button>
                      {partner.retired ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="teal"
                          aria-label={`Remettre en service ${partner.name}`}
                          loading={update.isPending && update.variables.id === partner.id}
                          onClick={() => setRetired(partner, false)}
                        >
                          Remettre en service
                        </Button>
                      ) : (
                        <Button size="xs" variant="subtle" color="red" aria-label={`Retirer ${partner.name}`} onClick={() => setDialog({ kind: 'retire', partner })}>
                          Retirer
                        </Button>
                      )}
                    </Group>
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
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <PartnerForm partner={dialog.kind === 'edit' ? dialog.partner : undefined} onDone={done} onCancel={() => setDialog(null)} />
        )}
      </Modal>

      <Modal opened={dialog?.kind === 'retire'} onClose={() => setDialog(null)} title="Retirer un partenaire" closeButtonProps={{ 'aria-label': 'Fermer' }}>
        {dialog?.kind === 'retire' && (
          <Stack>
            <Text>
              Retirer « {dialog.partner.name} » de l'annuaire ? Il ne sera plus proposé pour les orientations ; les orientations déjà notées le gardent.
            </Text>
            <ErrorAlert error={update.error} title="Non retiré" />
            <Group>
              <Button color="red.9" loading={update.isPending} onClick={() => setRetired(dialog.partner, true)}>
                Retirer
              </Button>
              <Button variant="default" onClick={() => setDialog(null)}>
                Annuler
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
