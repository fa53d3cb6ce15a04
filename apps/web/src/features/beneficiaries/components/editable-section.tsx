import { Alert, Button, Card, Group, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';

const focusOnMount = (node: HTMLElement | null) => node?.focus();

export type CloseReason = 'saved' | 'cancelled' | 'stale';

interface Props {
  title: string;
  canEdit: boolean;
  view: ReactNode;
  /** The section's form; it calls `close` when saved, cancelled or refused as stale. */
  renderForm: (close: (reason: CloseReason) => void) => ReactNode;
}

/** A section of a file: its data, and a "Modifier" button that turns it into its form. */
export function EditableSection({ title, canEdit, view, renderForm }: Props) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [stale, setStale] = useState(false);
  // Focus goes back where the user was: the "Modifier" button, or the explanation of a refusal.
  const [returning, setReturning] = useState(false);

  const close = (reason: CloseReason) => {
    setReturning(reason !== 'stale');
    setStale(reason === 'stale');
    setEditing(false);
  };

  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {canEdit && !editing && (
          <Button
            autoFocus={returning}
            variant="default"
            size="sm"
            aria-label={`Modifier : ${title}`}
            style={{ flexShrink: 0 }}
            onClick={() => {
              setStale(false);
              setEditing(true);
            }}
          >
            Modifier
          </Button>
        )}
      </Group>
      {stale && (
        <Alert ref={focusOnMount} tabIndex={-1} color="orange" variant="light" mb="md" title="Modification non enregistrée" role="alert">
          Ce dossier a été modifié par quelqu'un d'autre pendant votre saisie. Pour ne rien écraser, vos changements n'ont pas été enregistrés et
          la version à jour est affichée ci-dessous. Cliquez sur « Modifier » pour les refaire si besoin.
        </Alert>
      )}
      {editing ? renderForm(close) : view}
    </Card>
  );
}
