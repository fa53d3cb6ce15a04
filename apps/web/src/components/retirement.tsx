import { Badge, Button, Group } from '@mantine/core';

// An entry of an administered list (catalogue, partner directory) is retired rather than deleted:
// no longer offered, still shown where it was already used.

/** Whether the entry is still offered ("Proposé") or retired. */
export function RetirementBadge({ retired }: { retired: boolean }) {
  return (
    <Badge variant="light" tt="none" color={retired ? 'gray' : 'teal'}>
      {retired ? 'Retiré' : 'Proposé'}
    </Badge>
  );
}

interface RetirableRowActionsProps {
  /** The entry's name, said in the buttons' accessible names. */
  name: string;
  retired: boolean;
  /** The edit button's text, e.g. "Renommer". */
  editLabel: string;
  onEdit: () => void;
  onRetire: () => void;
  onRestore: () => void;
  /** A retire or restore of this entry is being saved. */
  pending: boolean;
}

/** The row's buttons: edit, then retire it or bring it back ("Remettre en service"). */
export function RetirableRowActions({ name, retired, editLabel, onEdit, onRetire, onRestore, pending }: RetirableRowActionsProps) {
  const action = retired ? 'Remettre en service' : 'Retirer';
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" aria-label={`${editLabel} ${name}`} onClick={onEdit}>
        {editLabel}
      </Button>
      <Button size="xs" variant="subtle" color={retired ? 'teal' : 'red'} aria-label={`${action} ${name}`} loading={pending} onClick={retired ? onRestore : onRetire}>
        {action}
      </Button>
    </Group>
  );
}
