import { List, Modal, Stack, Text } from '@mantine/core';
import { INTERVIEW_CHANNEL_LABELS, INTERVIEW_FIELD_LABELS, type InterviewRevision } from '@ccas/shared';
import { QueryStatus } from '../../../components/query-status';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useInterviewHistory } from '../api/get-interview-history';

/** Who changed an interview, when, and what the shared fields held before (never a note's text). */
export function InterviewHistory({ beneficiaryId, interviewId, onClose }: { beneficiaryId: string; interviewId: string; onClose: () => void }) {
  const history = useInterviewHistory(beneficiaryId, interviewId);
  return (
    <Modal opened onClose={onClose} title="Historique des modifications" size="lg">
      <QueryStatus
        query={history}
        count={history.data?.length}
        loadingLabel="Chargement de l'historique"
        errorTitle="Historique indisponible"
        empty={<Text c="dimmed">Cet entretien n'a pas été modifié depuis sa saisie.</Text>}
      />
      {history.isSuccess && history.data.length > 0 && (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {history.data.map((revision) => (
            <li key={revision.id}>
              <Text fw={600}>
                {formatDateTime(revision.revisedAt)} — {revision.revisedBy.name}
              </Text>
              <Text size="sm">Modifié : {revision.changedFields.map((field) => INTERVIEW_FIELD_LABELS[field] ?? field).join(', ')}</Text>
              <PreviousValues revision={revision} />
            </li>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

function PreviousValues({ revision }: { revision: InterviewRevision }) {
  const entries = Object.entries(revision.previous)
    .map(([field, value]) => [field, describe(field, value)] as const)
    .filter(([, text]) => text !== null);
  if (entries.length === 0) return null;
  return (
    <List size="sm" c="dimmed" mt={4}>
      {entries.map(([field, text]) => (
        <List.Item key={field}>
          {INTERVIEW_FIELD_LABELS[field] ?? field} avant : {text}
        </List.Item>
      ))}
    </List>
  );
}

/** A former value in words; notes are never part of the history. */
function describe(field: string, value: unknown): string | null {
  if (field === 'note' || field === 'noteVisibility') return null;
  if (value === null || value === undefined || value === '') return 'vide';
  if (field === 'occurredAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'channel' && typeof value === 'string') return INTERVIEW_CHANNEL_LABELS[value as keyof typeof INTERVIEW_CHANNEL_LABELS] ?? value;
  if (field === 'durationMinutes' && typeof value === 'number') return `${value} min`;
  if (field === 'themes' && Array.isArray(value)) return value.length ? value.join(', ') : 'aucun';
  if (field === 'followUpActions' && Array.isArray(value)) {
    return value.length
      ? value
          .map((action: { label?: string; dueOn?: string | null }) => [action.label, action.dueOn && `(échéance ${formatDate(action.dueOn)})`].filter(Boolean).join(' '))
          .join(' ; ')
      : 'aucune';
  }
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return null;
}
