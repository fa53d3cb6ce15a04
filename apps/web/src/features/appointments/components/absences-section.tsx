import { Button, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type AbsenceOccurrence } from '@ccas/shared';
import { useId, useState } from 'react';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, parisInstant, todayInParis } from '../../../lib/dates';
import { focusFirstError, textOrNull } from '../../../lib/forms';
import { useCreateAbsence, useDeleteAbsence } from '../api/absence-mutations';
import { useAbsences } from '../api/list-absences';

interface AbsenceValues {
  date: string | null;
  from: string;
  to: string;
  repeatsWeeklyUntil: string | null;
  label: string;
}

const EIGHT_WEEKS = 56 * 86_400_000;

/** "Mes absences": declaring when one is away (once, or every week until a date); booking is refused then. */
export function AbsencesSection({ agentId }: { agentId: string }) {
  const headingId = useId();
  // The window is fixed when the section opens.
  const [now] = useState(() => Date.now());
  const absences = useAbsences({ from: new Date(now).toISOString(), to: new Date(now + EIGHT_WEEKS).toISOString(), agentId });
  const create = useCreateAbsence();
  const remove = useDeleteAbsence();
  const form = useForm<AbsenceValues>({
    initialValues: { date: todayInParis(), from: '14:00', to: '17:00', repeatsWeeklyUntil: null, label: '' },
    validate: {
      date: (date) => (date ? null : 'Indiquez la date.'),
      from: (time) => (/^\d{2}:\d{2}$/.test(time) ? null : 'Heure hh:mm.'),
      to: (time, values) => (/^\d{2}:\d{2}$/.test(time) && time > values.from ? null : 'La fin doit suivre le début.'),
    },
  });

  const submit = (values: AbsenceValues) =>
    create.mutate(
      {
        membershipId: agentId,
        startsAt: parisInstant(values.date!, values.from),
        endsAt: parisInstant(values.date!, values.to),
        repeatsWeeklyUntil: values.repeatsWeeklyUntil,
        label: textOrNull(values.label),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Absence enregistrée.' });
          form.reset();
        },
      },
    );

  // One line per absence: its next occurrence and how many follow in the coming weeks.
  const byAbsence = new Map<string, AbsenceOccurrence[]>();
  for (const occurrence of absences.data ?? []) byAbsence.set(occurrence.absenceId, [...(byAbsence.get(occurrence.absenceId) ?? []), occurrence]);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h4" id={headingId}>
        Mes absences
      </Title>
      <ErrorAlert error={absences.error ?? remove.error} title="Absences indisponibles" />
      {byAbsence.size === 0 ? (
        <Text c="dimmed">Aucune absence dans les huit prochaines semaines.</Text>
      ) : (
        <List>
          {[...byAbsence.values()].map(([first, ...others]) => (
            <List.Item key={first.absenceId}>
              <Group gap="xs">
                <Text size="sm">
                  {formatDateTime(first.startsAt)} – {formatDateTime(first.endsAt)}
                  {first.label ? ` (${first.label})` : ''}
                  {others.length > 0 ? `, puis ${others.length} fois d’ici huit semaines` : ''}
                </Text>
                <Button size="xs" variant="subtle" color="red.9" onClick={() => remove.mutate(first.absenceId)} aria-label={`Supprimer l’absence du ${formatDateTime(first.startsAt)}`}>
                  Supprimer
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate aria-label="Déclarer une absence">
        <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="sm">
          <DateField label="Le" withAsterisk clearable={false} {...form.getInputProps('date')} />
          <TimeInput label="De" withAsterisk {...form.getInputProps('from')} />
          <TimeInput label="À" withAsterisk {...form.getInputProps('to')} />
          <DateField label="Chaque semaine jusqu’au" {...form.getInputProps('repeatsWeeklyUntil')} />
          <TextInput label="Motif (facultatif)" maxLength={120} placeholder="Formation, permanence…" {...form.getInputProps('label')} />
        </SimpleGrid>
        <ErrorAlert error={create.error} title="Absence non enregistrée" />
        <Group mt="sm">
          <Button type="submit" variant="default" loading={create.isPending}>
            Déclarer l’absence
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
