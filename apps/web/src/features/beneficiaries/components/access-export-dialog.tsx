import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ACCESS_EXPORT_FORMAT_LABELS, type AccessExportFormat, type Beneficiary, PRIVATE_NOTES_RULE } from '@ccas/shared';
import { errorMessage } from '../../../lib/forms';
import { useDownloadAccessExport } from '../api/download-access-export';

const FORMATS: AccessExportFormat[] = ['html', 'json'];

/**
 * "Droit d'accès": the person's whole file to hand over to them, as a printable document or as data.
 * Others' private notes are left out, and the dialog says so before anything is downloaded; the
 * export is recorded in the file's history.
 */
export function AccessExportDialog({ beneficiary }: { beneficiary: Beneficiary }) {
  const [opened, { open, close }] = useDisclosure(false);
  const download = useDownloadAccessExport();
  const run = (format: AccessExportFormat) =>
    download.mutate(
      { beneficiary, format },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Export du droit d’accès téléchargé.' }),
        onError: (error) => notifications.show({ color: 'red', title: 'Export impossible', message: errorMessage(error) }),
      },
    );

  return (
    <>
      <Button variant="default" size="sm" onClick={open}>
        Droit d'accès
      </Button>
      <Modal opened={opened} onClose={close} title="Droit d'accès" size="lg">
        <Text mb="sm">
          Tout ce que le CCAS détient sur la personne, pour le lui remettre : dossier, foyer, entretiens, démarches, diagnostics numériques,
          orientations, rendez-vous et liste des consultations du dossier. L'export est enregistré dans l'historique des accès.
        </Text>
        <Text mb="md" size="sm" c="dimmed">
          {PRIVATE_NOTES_RULE}
        </Text>
        <Group justify="flex-end">
          {FORMATS.map((format) => (
            <Button key={format} variant={format === 'html' ? 'filled' : 'default'} onClick={() => run(format)} loading={download.isPending && download.variables?.format === format}>
              {ACCESS_EXPORT_FORMAT_LABELS[format]}
            </Button>
          ))}
        </Group>
      </Modal>
    </>
  );
}
