import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatFileNumber, RETENTION_REVIEW_STATE_LABELS, type RetentionReview, type RetentionReviewState } from '@ccas/shared';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageTitle } from '../../../components/page-title';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { loadedItems } from '../../../lib/pagination';
import { useArchiveFiles } from '../api/archive-files';
import { useDataProtectionSettings } from '../api/data-protection-settings';
import { useDueFiles } from '../api/list-due-files';
import { DueFilesTable } from '../components/due-files-table';
import { PostponeDialog } from '../components/postpone-dialog';

/** "Archivage": the direction reviews the files with no contact for the tenant's delay, archives or postpones them. */
export function RetentionPage() {
  const headingId = useId();
  const [state, setState] = useState<RetentionReviewState>('due');
  const files = useDueFiles(state);
  const items = loadedItems(files.data);
  const settings = useDataProtectionSettings();
  const archive = useArchiveFiles();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [toArchive, setToArchive] = useState<RetentionReview[] | null>(null);
  const [toPostpone, setToPostpone] = useState<RetentionReview | null>(null);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setSelected((current) => (items.every((file) => current.has(file.beneficiaryId)) ? new Set() : new Set(items.map((file) => file.beneficiaryId))));
  const chosen = items.filter((file) => selected.has(file.beneficiaryId));

  const closeArchive = () => {
    setToArchive(null);
    archive.reset();
  };
  const confirmArchive = () => {
    if (!toArchive) return;
    archive.mutate(
      toArchive.map((file) => file.beneficiaryId),
      {
        onSuccess: ({ archived }) => {
          notifications.show({
            color: 'teal',
            message: archived.length === 1 ? `Dossier ${formatFileNumber(toArchive[0].fileNumber)} archivé et anonymisé.` : `${archived.length} dossiers archivés et anonymisés.`,
          });
          setSelected(new Set());
          closeArchive();
        },
      },
    );
  };
  const months = settings.data?.retentionMonths;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Archivage des dossiers</PageTitle>
        <Text c="dimmed" maw={760}>
          Dossiers sans aucun contact depuis plus de {months ?? '…'} mois, relevés chaque nuit. Archiver un dossier l’anonymise définitivement : nom,
          coordonnées, foyer, notes et textes libres sont effacés ; seules restent les informations utiles aux statistiques (dates, catégories,
          démarches, rendez-vous, niveaux). Si le dossier doit être gardé, reportez son archivage en indiquant pourquoi.
        </Text>
      </div>
      <Stack component="section" aria-labelledby={headingId} gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id={headingId}>
            {state === 'due' ? 'Dossiers à archiver' : 'Archivages reportés'}
          </Title>
          <SegmentedControl
            aria-label="Liste affichée"
            value={state}
            onChange={(value) => {
              setState(value as RetentionReviewState);
              setSelected(new Set());
            }}
            data={Object.entries(RETENTION_REVIEW_STATE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Group>
        {state === 'due' && items.length > 0 && (
          <Group>
            <Button color="red.9" disabled={chosen.length === 0} onClick={() => setToArchive(chosen)}>
              Archiver la sélection{chosen.length ? ` (${chosen.length})` : ''}
            </Button>
          </Group>
        )}
        <QueryStatus
          query={files}
          count={items.length}
          loadingLabel="Chargement des dossiers"
          errorTitle="Liste indisponible"
          empty={<Text c="dimmed">{state === 'due' ? 'Aucun dossier à archiver pour le moment.' : 'Aucun archivage reporté.'}</Text>}
        />
        {items.length > 0 && (
          <DueFilesTable
            files={items}
            labelledBy={headingId}
            postponed={state === 'postponed'}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onArchive={(file) => setToArchive([file])}
            onPostpone={setToPostpone}
          />
        )}
        <MoreButton query={files} />
      </Stack>
      <ConfirmDialog
        opened={toArchive !== null}
        title={toArchive?.length === 1 ? `Archiver le dossier ${formatFileNumber(toArchive[0].fileNumber)} ?` : `Archiver ${toArchive?.length ?? 0} dossiers ?`}
        confirmLabel="Archiver et anonymiser"
        onConfirm={confirmArchive}
        onClose={closeArchive}
        pending={archive.isPending}
        error={archive.error}
        errorTitle="Archivage impossible"
      >
        {toArchive?.length === 1 ? 'Les données personnelles de ce dossier' : `Les données personnelles de ces ${toArchive?.length ?? 0} dossiers`} seront
        effacées définitivement : ce n’est pas réversible. Les statistiques restent justes.
      </ConfirmDialog>
      <PostponeDialog file={toPostpone} onClose={() => setToPostpone(null)} />
    </Stack>
  );
}
