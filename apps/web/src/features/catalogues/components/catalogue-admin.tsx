import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CatalogueEntry, type CatalogueKind, CATALOGUE_KIND_LABELS, CATEGORY_LABELS } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { useDialog } from '../../../components/use-dialog';
import { RetirableRowActions, RetirementBadge } from '../../../components/retirement';
import { useCatalogueWithRetired } from '../api/list-catalogue';
import { useUpdateCatalogueEntry } from '../api/update-catalogue-entry';
import { CatalogueEntryForm } from './catalogue-entry-form';

/** The words of each catalogue, in the singular. */
const ENTRY_NOUN: Record<CatalogueKind, string> = { organism: 'un organisme', 'procedure-type': 'un type de démarche' };

type Dialog = { kind: 'add' } | { kind: 'rename'; entry: CatalogueEntry };

/** One catalogue as its administrator keeps it: every entry, retired ones included, to add, rename, retire or bring back. */
export function CatalogueAdmin({ kind }: { kind: CatalogueKind }) {
  const entries = useCatalogueWithRetired(kind);
  const update = useUpdateCatalogueEntry(kind);
  const { dialog, setDialog, done } = useDialog<Dialog>();

  const setRetired = (entry: CatalogueEntry, retired: boolean) =>
    update.mutate(
      { id: entry.id, body: { retired } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: retired ? `« ${saved.label} » retiré : il n'est plus proposé dans les démarches.` : `« ${saved.label} » remis en service.`,
          }),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          Une entrée retirée n'est plus proposée quand on note une démarche ; les démarches déjà notées la gardent.
        </Text>
        <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
          Ajouter {ENTRY_NOUN[kind]}
        </Button>
      </Group>
      <ErrorAlert error={update.error} title="Non enregistré" />
      <QueryStatus query={entries} loadingLabel="Chargement du catalogue" errorTitle="Catalogue indisponible" />
      {entries.isSuccess && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label={CATALOGUE_KIND_LABELS[kind]}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Libellé</Table.Th>
                <Table.Th scope="col">Catégorie</Table.Th>
                <Table.Th scope="col">État</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.label}</Table.Td>
                  <Table.Td>
                    {entry.category ? (
                      CATEGORY_LABELS[entry.category]
                    ) : (
                      <Text span c="dimmed" size="sm">
                        Aucune
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RetirementBadge retired={entry.retired} />
                  </Table.Td>
                  <Table.Td>
                    <RetirableRowActions
                      name={entry.label}
                      retired={entry.retired}
                      editLabel="Renommer"
                      onEdit={() => setDialog({ kind: 'rename', entry })}
                      onRetire={() => setRetired(entry, true)}
                      onRestore={() => setRetired(entry, false)}
                      pending={update.isPending && update.variables.id === entry.id}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'rename' ? `Renommer « ${dialog.entry.label} »` : `Ajouter ${ENTRY_NOUN[kind]}`}
      >
        {dialog && (
          <CatalogueEntryForm kind={kind} entry={dialog.kind === 'rename' ? dialog.entry : undefined} onDone={done} onCancel={() => setDialog(null)} />
        )}
      </Modal>
    </Stack>
  );
}
