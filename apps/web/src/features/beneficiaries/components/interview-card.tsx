import { Alert, Badge, Button, Card, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Interview, INTERVIEW_CHANNEL_LABELS, PROBLEM_TYPES, UpdateInterviewInput } from '@ccas/shared';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { isProblem } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { showFieldErrors } from '../../../lib/forms';
import { useUpdateInterview } from '../api/update-interview';
import { InterviewForm, interviewInput, interviewValues, type InterviewValues, useInterviewForm } from './interview-form';
import { InterviewHistory } from './interview-history';

/** One interview of the journal; its author (or a manager, for the shared fields) may change it. */
export function InterviewCard({ beneficiaryId, interview }: { beneficiaryId: string; interview: Interview }) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [stale, setStale] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <Card withBorder component="article" padding="md" aria-label={`Entretien du ${formatDateTime(interview.occurredAt)}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={3} size="h5">
            {INTERVIEW_CHANNEL_LABELS[interview.channel]} — {formatDateTime(interview.occurredAt)}
          </Title>
          <Text size="sm" c="dimmed">
            Par {interview.author.name}
            {interview.durationMinutes ? ` · ${interview.durationMinutes} min` : ''}
          </Text>
        </div>
        {!editing && (
          <Group gap="xs">
            <Button size="xs" variant="subtle" onClick={() => setShowHistory(true)}>
              Historique
            </Button>
            {interview.editable !== 'none' && (
              <Button ref={editButton} size="xs" variant="default" onClick={() => {
                  setStale(false);
                  setEditing(true);
                }}>
                Modifier
              </Button>
            )}
          </Group>
        )}
      </Group>
      {stale && (
        <Alert color="orange" variant="light" mb="sm" title="Modification non enregistrée" role="alert">
          Cet entretien a été modifié par quelqu'un d'autre pendant votre saisie. Pour ne rien écraser, vos changements n'ont pas été enregistrés et
          la version à jour est affichée ci-dessous.
        </Alert>
      )}
      {editing && interview.editable !== 'none' ? (
        <InterviewEditor
          beneficiaryId={beneficiaryId}
          interview={interview}
          editable={interview.editable}
          onClose={(reason) => {
            setStale(reason === 'stale');
            setEditing(false);
          }}
        />
      ) : (
        <InterviewContent interview={interview} />
      )}
      {showHistory && <InterviewHistory beneficiaryId={beneficiaryId} interviewId={interview.id} onClose={() => setShowHistory(false)} />}
    </Card>
  );
}

function InterviewContent({ interview }: { interview: Interview }) {
  return (
    <Stack gap="sm">
      {interview.themes.length > 0 && (
        <Group gap={6}>
          <VisuallyHidden>Thèmes :</VisuallyHidden>
          {interview.themes.map((theme) => (
            <Badge key={theme} variant="outline" color="dark.6" tt="none">
              {theme}
            </Badge>
          ))}
        </Group>
      )}
      {interview.summary ? (
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{interview.summary}</Text>
      ) : (
        <Text c="dimmed" fs="italic" size="sm">
          Pas de synthèse.
        </Text>
      )}
      {interview.note !== null && interview.noteVisibility && (
        <Paper withBorder p="sm" bg={interview.noteVisibility === 'PRIVATE' ? 'yellow.0' : 'blue.0'}>
          <Text size="sm" fw={700} mb={4}>
            {interview.noteVisibility === 'PRIVATE' ? 'Note privée — visible par vous seul·e' : "Note d'équipe — visible par les travailleurs sociaux et la direction"}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{interview.note}</Text>
        </Paper>
      )}
      {interview.followUpActions.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Actions à suivre
          </Text>
          <List size="sm" spacing={2}>
            {interview.followUpActions.map((action, index) => (
              <List.Item key={index}>
                {action.done ? '✓ ' : ''}
                {action.label}
                {action.dueOn ? ` — échéance ${formatDate(action.dueOn)}` : ''}
                {action.done ? ' (faite)' : ''}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

function InterviewEditor(props: { beneficiaryId: string; interview: Interview; editable: 'all' | 'shared'; onClose: (reason: 'saved' | 'cancelled' | 'stale') => void }) {
  const { beneficiaryId, interview, editable, onClose } = props;
  const update = useUpdateInterview(beneficiaryId, interview.id);
  const [initial] = useState(() => interviewValues(interview));
  const form = useInterviewForm(initial);

  const submit = (values: InterviewValues) => {
    const before: Record<string, unknown> = interviewInput(initial);
    const after: Record<string, unknown> = interviewInput(values);
    // Only what changed is sent; the note and its visibility are the author's alone.
    const changed = Object.fromEntries(
      Object.entries(after).filter(
        ([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field]) && (editable === 'all' || (field !== 'note' && field !== 'noteVisibility')),
      ),
    );
    if (Object.keys(changed).length === 0) return onClose('cancelled');
    update.mutate(UpdateInterviewInput.parse({ version: interview.version, ...changed }), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Entretien modifié.' });
        onClose('saved');
      },
      onError: (error) => {
        if (isProblem(error, PROBLEM_TYPES.staleVersion)) onClose('stale');
        else showFieldErrors(form.setErrors, error);
      },
    });
  };

  return (
    <InterviewForm
      form={form}
      editable={editable}
      noteHidden={editable === 'shared' && interview.note === null}
      withDone
      submitLabel="Enregistrer"
      saving={update.isPending}
      onSubmit={submit}
      onCancel={() => onClose('cancelled')}
    >
      {update.error && !isProblem(update.error, PROBLEM_TYPES.staleVersion) && <ErrorAlert error={update.error} title="Entretien non modifié" />}
    </InterviewForm>
  );
}
