import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { SiteDetail } from '@ccas/shared';
import { NotKnown } from '../../../components/field-list';
import { QueryStatus } from '../../../components/query-status';
import { useDialog } from '../../../components/use-dialog';
import { useSites } from '../api/list-sites';
import { SiteForm } from './site-form';

type Dialog = { kind: 'add' } | { kind: 'edit'; site: SiteDetail };

/** The CCAS's sites (antennes, pôles, France Services desks), as its administrator keeps them. */
export function SiteAdmin() {
  const sites = useSites();
  const { dialog, setDialog, done } = useDialog<Dialog>();


  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          Les lieux où la structure reçoit : chaque membre de l'équipe y est rattaché, les rendez-vous et les dossiers s'y rapportent.
        </Text>
        <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
          Ajouter un site
        </Button>
      </Group>
      <QueryStatus
        query={sites}
        count={sites.data?.length}
        loadingLabel="Chargement des sites"
        errorTitle="Sites indisponibles"
        empty={
          <Text c="dimmed" size="sm">
            Aucun site pour le moment.
          </Text>
        }
      />
      {sites.isSuccess && sites.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Sites">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nom</Table.Th>
                <Table.Th scope="col">Adresse</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.data.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Td>{site.name}</Table.Td>
                  <Table.Td>{site.address ?? <NotKnown />}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button size="xs" variant="default" aria-label={`Modifier ${site.name}`} onClick={() => setDialog({ kind: 'edit', site })}>
                        Modifier
                      </Button>
                    </Group>
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
        title={dialog?.kind === 'edit' ? `Modifier « ${dialog.site.name} »` : 'Ajouter un site'}
      >
        {dialog && <SiteForm site={dialog.kind === 'edit' ? dialog.site : undefined} onDone={done} onCancel={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
