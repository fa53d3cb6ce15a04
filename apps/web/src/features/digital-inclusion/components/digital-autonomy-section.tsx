import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { assessmentDue, DIGITAL_AUTONOMY_LEVEL_LABELS, type DigitalAssessment, suggestsDigitalPartner } from '@ccas/shared';
import { useId, useState } from 'react';
import { QueryStatus } from '../../../components/query-status';
import { formatLongDate } from '../../../lib/dates';
import { useAssessments } from '../api/list-assessments';
import { AssessmentForm } from './assessment-form';
import { ReferralsBlock } from './referrals-block';

interface Props {
  beneficiaryId: string;
  /** Digital-inclusion:write: assess, and orient to partners. */
  canWrite: boolean;
}

/** The person's digital autonomy ("Autonomie numérique"): the current level, the yearly assessment, and the suggested partners. */
export function DigitalAutonomySection({ beneficiaryId, canWrite }: Props) {
  const headingId = useId();
  const assessments = useAssessments(beneficiaryId);
  const [assessing, setAssessing] = useState(false);

  const onSaved = (assessment: DigitalAssessment) => {
    setAssessing(false);
    notifications.show({
      color: 'teal',
      message: assessment.level ? `Diagnostic enregistré : ${DIGITAL_AUTONOMY_LEVEL_LABELS[assessment.level]}.` : 'Refus du diagnostic enregistré.',
    });
  };

  // Newest first: the latest (declined or not) decides whether to propose one; the latest answered one gives the level.
  const latest = assessments.data?.[0] ?? null;
  const current = assessments.data?.find((assessment) => !assessment.declined) ?? null;
  const due = assessments.isSuccess && assessmentDue(latest, new Date());

  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          Autonomie numérique
        </Title>
        {canWrite && assessments.isSuccess && !due && !assessing && (
          <Button variant="default" size="sm" onClick={() => setAssessing(true)}>
            Nouveau diagnostic
          </Button>
        )}
      </Group>
      <QueryStatus query={assessments} loadingLabel="Chargement du diagnostic numérique" errorTitle="Diagnostic numérique indisponible" />
      {assessments.isSuccess && (
        <Stack gap="sm">
          {current?.level ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Text>Niveau :</Text>
                <Badge variant="light" size="lg">
                  {DIGITAL_AUTONOMY_LEVEL_LABELS[current.level]}
                </Badge>
                <Text size="sm" c="dimmed">
                  Diagnostic du {formatLongDate(current.occurredAt)} par {current.assessor.name}
                </Text>
              </Group>
              {current.reasons.length > 0 && (
                <List size="sm">
                  {current.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              Aucun diagnostic
            </Text>
          )}
          {latest?.declined && (
            <Text size="sm">
              La personne n'a pas souhaité de diagnostic le {formatLongDate(latest.occurredAt)}
              {latest.declineReason ? ` : « ${latest.declineReason} »` : '.'}
            </Text>
          )}
          {canWrite && due && !assessing && (
            <Alert variant="light" color="blue" title="Diagnostic numérique à proposer">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {latest ? 'Le dernier diagnostic a plus d’un an.' : 'Aucun diagnostic n’a encore été fait.'} Quelques questions, deux ou trois minutes.
                </Text>
                <Button size="sm" onClick={() => setAssessing(true)}>
                  Proposer un diagnostic numérique
                </Button>
              </Stack>
            </Alert>
          )}
          {assessing && <AssessmentForm beneficiaryId={beneficiaryId} onSaved={onSaved} onCancel={() => setAssessing(false)} />}
          <ReferralsBlock beneficiaryId={beneficiaryId} canWrite={canWrite} suggestPartners={suggestsDigitalPartner(current?.level ?? null)} />
        </Stack>
      )}
    </Card>
  );
}
