import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CreateInterviewInput, type TimelineItem } from '@ccas/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { showFieldErrors } from '../../../lib/forms';
import { loadedItems } from '../../../lib/pagination';
import { useCreateInterview } from '../api/create-interview';
import { useTimeline } from '../api/get-timeline';
import { AssessmentCard, ReferralCard } from './digital-inclusion-cards';
import { InterviewCard } from './interview-card';
import { ProcedureCard } from './procedure-card';
import { NewProcedure } from '../../procedures/components/new-procedure';
import { InterviewForm, interviewInput, newInterviewValues, type InterviewValues, useInterviewForm } from './interview-form';

type Writing = 'interview' | 'procedure' | null;

interface Props {
  beneficiaryId: string;
  canWrite: boolean;
  /** 'all' for a social worker, 'orientation' for the front desk, null when the member logs none. */
  procedures: 'all' | 'orientation' | null;
}

/** The file's journal: interviews and procedures (later appointments), newest first. */
export function JournalSection({ beneficiaryId, canWrite, procedures }: Props) {
  const headingId = useId();
  const timeline = useTimeline(beneficiaryId);
  const [writing, setWriting] = useState<Writing>(null);
  const interviewButton = useRef<HTMLButtonElement>(null);
  const procedureButton = useRef<HTMLButtonElement>(null);
  const lastWriting = useRef<Writing>(null);
  const items = loadedItems(timeline.data);

  // Back to the button that opened the form once it closes.
  useEffect(() => {
    if (!writing && lastWriting.current) (lastWriting.current === 'interview' ? interviewButton : procedureButton).current?.focus();
    lastWriting.current = writing;
  }, [writing]);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4" id={headingId}>
          Journal
        </Title>
        {!writing && (
          <Group gap="sm">
            {canWrite && (
              <Button ref={interviewButton} onClick={() => setWriting('interview')}>
                Nouvel entretien
              </Button>
            )}
            {procedures && (
              <Button ref={procedureButton} variant={canWrite ? 'light' : 'filled'} onClick={() => setWriting('procedure')}>
                Nouvelle démarche
              </Button>
            )}
          </Group>
        )}
      </Group>

      {writing === 'procedure' && (
        <NewProcedure beneficiaryId={beneficiaryId} orientationOnly={procedures === 'orientation'} onClose={() => setWriting(null)} />
      )}
      {writing === 'interview' && (
        <Card withBorder padding="lg" component="section" aria-label="Nouvel entretien">
          <Title order={3} size="h5" mb="sm">
            Nouvel entretien
          </Title>
          <NewInterview beneficiaryId={beneficiaryId} onClose={() => setWriting(null)} />
        </Card>
      )}

      <QueryStatus
        query={timeline}
        count={items.length}
        loadingLabel="Chargement du journal"
        errorTitle="Journal indisponible"
        empty={<Text c="dimmed">Rien dans le journal pour le moment.{canWrite ? ' « Nouvel entretien » permet de noter le premier entretien.' : ''}</Text>}
      />
      {items.map((item) => (
        <TimelineEntry key={`${item.kind}-${item.id}`} beneficiaryId={beneficiaryId} item={item} />
      ))}
      <MoreButton query={timeline} />
    </Stack>
  );
}

function TimelineEntry({ beneficiaryId, item }: { beneficiaryId: string; item: TimelineItem }) {
  switch (item.kind) {
    case 'interview':
      return <InterviewCard beneficiaryId={beneficiaryId} interview={item.interview} />;
    case 'procedure':
      return <ProcedureCard procedure={item.procedure} />;
    case 'assessment':
      return <AssessmentCard assessment={item.assessment} />;
    case 'referral':
      return <ReferralCard referral={item.referral} />;
  }
}

function NewInterview({ beneficiaryId, onClose }: { beneficiaryId: string; onClose: () => void }) {
  const create = useCreateInterview(beneficiaryId);
  const form = useInterviewForm(newInterviewValues());

  const submit = (values: InterviewValues) =>
    create.mutate(CreateInterviewInput.parse(interviewInput(values)), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Entretien enregistré.' });
        onClose();
      },
      onError: (error) => showFieldErrors(form.setErrors, error),
    });

  return (
    <InterviewForm form={form} editable="all" submitLabel="Enregistrer l'entretien" saving={create.isPending} onSubmit={submit} onCancel={onClose}>
      <ErrorAlert error={create.error} title="Entretien non enregistré" />
    </InterviewForm>
  );
}
