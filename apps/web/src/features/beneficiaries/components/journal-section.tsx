import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CreateInterviewInput, type TimelineItem } from '@ccas/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { showFieldErrors } from '../../../lib/forms';
import { useCreateInterview } from '../api/create-interview';
import { useTimeline } from '../api/get-timeline';
import { InterviewCard } from './interview-card';
import { ProcedureCard } from './procedure-card';
import { InterviewForm, interviewInput, newInterviewValues, type InterviewValues, useInterviewForm } from './interview-form';

/** The file's journal: interviews (later appointments and procedures), newest first. */
export function JournalSection({ beneficiaryId, canWrite }: { beneficiaryId: string; canWrite: boolean }) {
  const headingId = useId();
  const timeline = useTimeline(beneficiaryId);
  const [writing, setWriting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const wasWriting = useRef(false);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    if (!writing && wasWriting.current) newButton.current?.focus();
    wasWriting.current = writing;
  }, [writing]);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4" id={headingId}>
          Journal
        </Title>
        {canWrite && !writing && (
          <Button ref={newButton} onClick={() => setWriting(true)}>
            Nouvel entretien
          </Button>
        )}
      </Group>

      {writing && (
        <Card withBorder padding="lg" component="section" aria-label="Nouvel entretien">
          <Title order={3} size="h5" mb="sm">
            Nouvel entretien
          </Title>
          <NewInterview beneficiaryId={beneficiaryId} onClose={() => setWriting(false)} />
        </Card>
      )}

      {timeline.isPending && <Loader size="sm" aria-label="Chargement du journal" />}
      {timeline.isError && <ErrorAlert error={timeline.error} title="Journal indisponible" />}
      {timeline.isSuccess && items.length === 0 && (
        <Text c="dimmed">Aucun entretien pour le moment.{canWrite ? ' « Nouvel entretien » permet de noter le premier.' : ''}</Text>
      )}
      {items.map((item) => (
        <TimelineEntry key={`${item.kind}-${item.id}`} beneficiaryId={beneficiaryId} item={item} />
      ))}
      {timeline.hasNextPage && (
        <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          Afficher plus
        </Button>
      )}
    </Stack>
  );
}

function TimelineEntry({ beneficiaryId, item }: { beneficiaryId: string; item: TimelineItem }) {
  switch (item.kind) {
    case 'interview':
      return <InterviewCard beneficiaryId={beneficiaryId} interview={item.interview} />;
    case 'procedure':
      return <ProcedureCard procedure={item.procedure} />;
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
