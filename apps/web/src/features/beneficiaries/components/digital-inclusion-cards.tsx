import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { DIGITAL_AUTONOMY_LEVEL_LABELS, type DigitalAssessment, REFERRAL_STATUS_LABELS, type Referral } from '@ccas/shared';
import { formatDateTime } from '../../../lib/dates';

/** A digital autonomy assessment, or the person's refusal of one, as the journal shows it. */
export function AssessmentCard({ assessment }: { assessment: DigitalAssessment }) {
  return (
    <Card withBorder component="article" padding="md" aria-label={`Diagnostic numérique du ${formatDateTime(assessment.occurredAt)}`}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5">
            Diagnostic numérique — {formatDateTime(assessment.occurredAt)}
          </Title>
          <Badge variant="light">{assessment.level ? DIGITAL_AUTONOMY_LEVEL_LABELS[assessment.level] : 'Refusé par la personne'}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Par {assessment.assessor.name}
        </Text>
        {assessment.declined && assessment.declineReason && <Text size="sm">{assessment.declineReason}</Text>}
        {assessment.reasons.length > 0 && (
          <List size="sm">
            {assessment.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** A referral to a partner and where it stands. */
export function ReferralCard({ referral }: { referral: Referral }) {
  return (
    <Card withBorder component="article" padding="md" aria-label={`Orientation du ${formatDateTime(referral.occurredAt)}`}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5">
            Orientation vers {referral.partner.name} — {formatDateTime(referral.occurredAt)}
          </Title>
          <Badge variant="light">{REFERRAL_STATUS_LABELS[referral.status]}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Par {referral.agent.name}
        </Text>
        {referral.reason && <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</Text>}
      </Stack>
    </Card>
  );
}
