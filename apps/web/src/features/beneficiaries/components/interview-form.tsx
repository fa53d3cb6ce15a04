import { Alert, Checkbox, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  CreateInterviewInput,
  type Interview,
  INTERVIEW_CHANNEL_LABELS,
  INTERVIEW_THEME_SUGGESTIONS,
  NOTE_VISIBILITY_LABELS,
  type NoteVisibility,
} from '@ccas/shared';
import type { ReactNode } from 'react';
import { DateField } from '../../../components/date-field';
import { parisInstant, toParisDateAndTime } from '../../../lib/dates';
import { focusFirstError, labelOptions, textOrNull, validateWith } from '../../../lib/forms';
import { RepeatedFields } from './repeated-fields';
import { FormActions } from '../../../components/form-actions';

export interface InterviewValues {
  date: string | null;
  time: string;
  channel: Interview['channel'] | null;
  durationMinutes: number | string;
  themes: string[];
  summary: string;
  note: string;
  noteVisibility: NoteVisibility;
  followUpActions: { label: string; dueOn: string | null; done: boolean }[];
}

/** A new interview starts now, face to face, with a private note. */
export function newInterviewValues(now = new Date()): InterviewValues {
  const { date, time } = toParisDateAndTime(now);
  return {
    date,
    time,
    channel: 'IN_PERSON_PLANNED',
    durationMinutes: '',
    themes: [],
    summary: '',
    note: '',
    noteVisibility: 'PRIVATE',
    followUpActions: [],
  };
}

export function interviewValues(interview: Interview): InterviewValues {
  const { date, time } = toParisDateAndTime(interview.occurredAt);
  return {
    date,
    time,
    channel: interview.channel,
    durationMinutes: interview.durationMinutes ?? '',
    themes: interview.themes,
    summary: interview.summary ?? '',
    note: interview.note ?? '',
    noteVisibility: interview.noteVisibility ?? 'PRIVATE',
    followUpActions: interview.followUpActions.map((action) => ({ label: action.label, dueOn: action.dueOn, done: action.done })),
  };
}

/** The values as the API reads them (shape of CreateInterviewInput). */
export const interviewInput = (values: InterviewValues) => ({
  occurredAt: values.date && /^\d{2}:\d{2}$/.test(values.time) ? parisInstant(values.date, values.time) : '',
  channel: values.channel,
  durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
  themes: values.themes,
  summary: textOrNull(values.summary),
  note: textOrNull(values.note),
  noteVisibility: values.noteVisibility,
  followUpActions: values.followUpActions,
});

const validate = validateWith<InterviewValues>(CreateInterviewInput, {
  toInput: interviewInput,
  fieldOf: (path) => (path === 'occurredAt' ? 'date' : path),
  messages: {
    date: "Indiquez la date et l'heure de l'entretien.",
    channel: "Choisissez le canal de l'entretien.",
    durationMinutes: 'Indiquez une durée en minutes, entre 1 et 1440.',
    'themes.*': 'Un thème compte 60 caractères au plus.',
    'followUpActions.*.label': "Décrivez l'action, ou retirez-la.",
  },
});

const CHANNEL_OPTIONS = labelOptions(INTERVIEW_CHANNEL_LABELS);

/** The interview form's state; the caller keeps it to put the API's field messages on the fields. */
export const useInterviewForm = (initialValues: InterviewValues) => useForm<InterviewValues>({ initialValues, validate });
export type InterviewFormState = ReturnType<typeof useInterviewForm>;

interface Props {
  form: InterviewFormState;
  /** 'all' for the author (or a new interview); 'shared' for a manager: the note is not theirs to change. */
  editable: 'all' | 'shared';
  /** No note readable here (none, or someone else's private note): the note fields are not shown. */
  noteHidden?: boolean;
  withDone?: boolean;
  submitLabel: string;
  saving: boolean;
  onSubmit: (values: InterviewValues) => void;
  onCancel: () => void;
  /** Shown above the buttons (a refusal from the API). */
  children?: ReactNode;
}

/** The interview: when, how, about what, the summary, a note with a visible choice of readers, actions to follow. */
export function InterviewForm({ form, editable, noteHidden = false, withDone = false, submitLabel, saving, onSubmit, onCancel, children }: Props) {
  const notePrivate = form.values.noteVisibility === 'PRIVATE';

  return (
    <form onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <DateField label="Date" withAsterisk allowDeselect={false} clearable={false} {...form.getInputProps('date')} />
          <TimeInput label="Heure" withAsterisk {...form.getInputProps('time')} />
          <Select label="Canal" withAsterisk data={CHANNEL_OPTIONS} allowDeselect={false} autoFocus {...form.getInputProps('channel')} />
          <NumberInput label="Durée (minutes)" min={1} max={1440} allowDecimal={false} allowNegative={false} inputMode="numeric" {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TagsInput
          label="Thèmes"
          description="Choisissez dans la liste ou tapez vos propres mots, puis Entrée."
          data={[...INTERVIEW_THEME_SUGGESTIONS]}
          maxTags={12}
          splitChars={[',', ';']}
          clearable
          acceptValueOnBlur
          {...form.getInputProps('themes')}
        />
        <Textarea
          label="Synthèse"
          description="Lisible par les travailleurs sociaux et la direction du CCAS."
          autosize
          minRows={3}
          maxRows={16}
          maxLength={20000}
          {...form.getInputProps('summary')}
        />

        {noteHidden ? (
          <Alert color="gray" variant="light" title="Note">
            Une note privée, s'il y en a une, n'est lisible et modifiable que par l'auteur·e de l'entretien.
          </Alert>
        ) : (
          <Stack gap="xs">
            <Radio.Group
              label="Qui peut lire la note ?"
              description={editable === 'shared' ? "Seul·e l'auteur·e de l'entretien peut changer la note et sa visibilité." : undefined}
              {...form.getInputProps('noteVisibility')}
            >
              <Stack gap={6} mt={6}>
                {(Object.keys(NOTE_VISIBILITY_LABELS) as NoteVisibility[]).map((visibility) => (
                  <Radio key={visibility} value={visibility} label={NOTE_VISIBILITY_LABELS[visibility]} disabled={editable === 'shared'} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={notePrivate ? 'Note privée' : "Note d'équipe"}
              description={
                notePrivate
                  ? 'Vous seul·e pourrez la lire : ni vos collègues, ni la direction.'
                  : 'Vos collègues travailleurs sociaux et la direction du CCAS pourront la lire.'
              }
              autosize
              minRows={2}
              maxRows={16}
              maxLength={20000}
              disabled={editable === 'shared'}
              {...form.getInputProps('note')}
            />
          </Stack>
        )}

        <RepeatedFields
          legend="Actions à suivre"
          count={form.values.followUpActions.length}
          cols={{ base: 1, sm: withDone ? 3 : 2 }}
          renderRow={(index) => (
            <>
              <TextInput label={`Action n° ${index + 1}`} maxLength={300} autoComplete="off" {...form.getInputProps(`followUpActions.${index}.label`)} />
              <DateField label={`Échéance n° ${index + 1}`} {...form.getInputProps(`followUpActions.${index}.dueOn`)} />
              {withDone && <Checkbox mt={30} label="Faite" {...form.getInputProps(`followUpActions.${index}.done`, { type: 'checkbox' })} />}
            </>
          )}
          removeLabel={(index) => `Retirer l'action n° ${index + 1}`}
          onRemove={(index) => form.removeListItem('followUpActions', index)}
          addLabel="Ajouter une action à suivre"
          onAdd={() => form.insertListItem('followUpActions', { label: '', dueOn: null, done: false })}
          max={20}
        />

        {children}
        <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
