import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { CONSENT_LABELS, type Procedure, PROCEDURE_MODE_LABELS, PROCEDURE_OUTCOME_LABELS, PROCEDURE_REASON_LABELS } from '@ccas/shared';
import { formatDateTime } from '../../../lib/dates';

/** A procedure done for or with the person, as the journal shows it. */
export function ProcedureCard({ procedure }: { procedure: Procedure }) {
  return (
    <Card withBorder component="article" padding="md" aria-label={`Démarche du ${formatDateTime(procedure.occurredAt)}`}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5">
            Démarche : {procedure.procedureType.label} — {formatDateTime(procedure.occurredAt)}
          </Title>
          <Badge variant={procedure.toDo ? 'filled' : 'light'}>{PROCEDURE_OUTCOME_LABELS[procedure.outcome]}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {procedure.organism.label} · {PROCEDURE_MODE_LABELS[procedure.mode]} · par {procedure.agent.name}
          {procedure.durationMinutes ? ` · ${procedure.durationMinutes} min` : ''}
        </Text>
        {procedure.reasons.length > 0 && (
          <Text size="sm">Pourquoi : {procedure.reasons.map((reason) => PROCEDURE_REASON_LABELS[reason]).join(', ')}</Text>
        )}
        <Text size="sm">
          Consentement : {CONSENT_LABELS[procedure.consent]}
          {procedure.mandateReference ? ` (${procedure.mandateReference})` : ''}
        </Text>
        {procedure.note && <Text style={{ whiteSpace: 'pre-wrap' }}>{procedure.note}</Text>}
      </Stack>
    </Card>
  );
}
