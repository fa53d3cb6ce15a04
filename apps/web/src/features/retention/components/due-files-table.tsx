import { Anchor, Badge, Button, Checkbox, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { BENEFICIARY_STATUS_LABELS, formatFileNumber, type RetentionReview } from '@ccas/shared';
import { Link } from 'react-router';
import { formatDate, formatLongDate } from '../../../lib/dates';

interface DueFilesTableProps {
  files: RetentionReview[];
  labelledBy: string;
  /** The due list has selection and actions; the postponed one shows the reasons. */
  postponed: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onArchive: (file: RetentionReview) => void;
  onPostpone: (file: RetentionReview) => void;
}

/** The files to review: number (leading to the file), site, last contact, since when, and what to do. */
export function DueFilesTable({ files, labelledBy, postponed, selected, onToggle, onToggleAll, onArchive, onPostpone }: DueFilesTableProps) {
  const allSelected = files.length > 0 && files.every((file) => selected.has(file.beneficiaryId));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {!postponed && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label="Sélectionner tous les dossiers affichés"
                  checked={allSelected}
                  indeterminate={!allSelected && files.some((file) => selected.has(file.beneficiaryId))}
                  onChange={onToggleAll}
                />
              </Table.Th>
            )}
            <Table.Th scope="col">Dossier</Table.Th>
            <Table.Th scope="col">Site</Table.Th>
            <Table.Th scope="col">Dernier contact</Table.Th>
            <Table.Th scope="col">{postponed ? 'Reporté jusqu’au' : 'À archiver depuis le'}</Table.Th>
            {postponed && <Table.Th scope="col">Raison</Table.Th>}
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => {
            const number = formatFileNumber(file.fileNumber);
            return (
              <Table.Tr key={file.beneficiaryId}>
                {!postponed && (
                  <Table.Td>
                    <Checkbox aria-label={`Sélectionner le dossier ${number}`} checked={selected.has(file.beneficiaryId)} onChange={() => onToggle(file.beneficiaryId)} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/personnes/${file.beneficiaryId}`}>
                      {number}
                    </Anchor>
                    {file.status !== 'ACTIVE' && (
                      <Badge variant="light" color="gray">
                        {BENEFICIARY_STATUS_LABELS[file.status]}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{file.site?.name ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLongDate(file.lastContactAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{postponed ? formatDate(file.postponedUntil) : formatLongDate(file.dueSince)}</Table.Td>
                {postponed && (
                  <Table.Td>
                    <Text size="sm">{file.postponeReason}</Text>
                    {file.postponedBy && (
                      <Text size="xs" c="dimmed">
                        par {file.postponedBy.name}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" color="red.9" onClick={() => onArchive(file)} aria-label={`Archiver le dossier ${number}`}>
                      Archiver
                    </Button>
                    {!postponed && (
                      <Button size="xs" variant="default" onClick={() => onPostpone(file)} aria-label={`Reporter l’archivage du dossier ${number}`}>
                        Reporter
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
