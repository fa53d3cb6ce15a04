import { Alert, List, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { type Appointment, BusySlot, LOCATION_TYPE_LABELS, type LocationType, PROBLEM_TYPES } from '@ccas/shared';
import type { ReactNode } from 'react';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { isProblem } from '../../../lib/api-client';
import { formatTime, parisInstant, toParisDateAndTime } from '../../../lib/dates';
import { focusFirstError, labelOptions, textOrNull } from '../../../lib/forms';
import { useSites } from '../../sites/api/list-sites';
import { useTeamMembers } from '../../team/api/list-team-members';
import { useMotifs } from '../api/list-motifs';

export interface AppointmentValues {
  agentIds: string[];
  siteId: string | null;
  motifId: string | null;
  locationType: LocationType;
  date: string | null;
  time: string;
  durationMinutes: number | string;
  note: string;
}

/** The next quarter hour: where a new appointment starts unless a slot was chosen. */
export function nextQuarterHour(now = new Date()): Date {
  const next = new Date(now);
  next.setSeconds(0, 0);
  next.setMinutes(Math.floor(now.getMinutes() / 15) * 15 + 15);
  return next;
}

/** A new appointment's values: the slot chosen in the agenda (or the next quarter hour), the first motif's defaults. */
export function newAppointmentValues(slot: { agentIds: string[]; siteId: string | null; startsAt: Date }): AppointmentValues {
  const { date, time } = toParisDateAndTime(slot.startsAt);
  return { agentIds: slot.agentIds, siteId: slot.siteId, motifId: null, locationType: 'public_office', date, time, durationMinutes: '', note: '' };
}

export function appointmentValues(appointment: Appointment): AppointmentValues {
  const { date, time } = toParisDateAndTime(appointment.startsAt);
  return {
    agentIds: appointment.agents.map((agent) => agent.id),
    siteId: appointment.site.id,
    motifId: appointment.motif.id,
    locationType: appointment.locationType,
    date,
    time,
    durationMinutes: (Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000,
    note: appointment.note ?? '',
  };
}

/** The fields as the API reads them (CreateAppointmentInput without the person, or an update's changes). */
export const appointmentFields = (values: AppointmentValues) => ({
  agentIds: values.agentIds,
  siteId: values.siteId ?? '',
  motifId: values.motifId ?? '',
  locationType: values.locationType,
  startsAt: values.date && /^\d{2}:\d{2}$/.test(values.time) ? parisInstant(values.date, values.time) : '',
  durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
  note: textOrNull(values.note),
});

export const useAppointmentForm = (initialValues: AppointmentValues) =>
  useForm<AppointmentValues>({
    initialValues,
    validate: {
      agentIds: (ids) => (ids.length === 0 ? 'Choisissez au moins un agent.' : null),
      siteId: (id) => (id ? null : 'Choisissez le site.'),
      motifId: (id) => (id ? null : 'Choisissez le motif.'),
      date: (date) => (date ? null : 'Indiquez la date.'),
      time: (time) => (/^\d{2}:\d{2}$/.test(time) ? null : 'Indiquez l’heure (hh:mm).'),
      durationMinutes: (minutes) => (minutes === '' || (Number(minutes) >= 5 && Number(minutes) <= 720) ? null : 'Entre 5 et 720 minutes.'),
    },
  });
export type AppointmentFormState = ReturnType<typeof useAppointmentForm>;

interface Props {
  form: AppointmentFormState;
  submitLabel: string;
  saving: boolean;
  error: Error | null;
  onSubmit: (values: AppointmentValues) => void;
  onCancel: () => void;
  /** Above the fields: who the appointment is for. */
  children?: ReactNode;
}

/** Agents, site, motif (its duration and place fill in), date, time, duration and a practical note. */
export function AppointmentForm({ form, submitLabel, saving, error, onSubmit, onCancel, children }: Props) {
  const team = useTeamMembers();
  const sites = useSites();
  const motifs = useMotifs();
  const agents = (team.data ?? []).filter((member) => member.roles.includes('AGENT')).map((member) => ({ value: member.id, label: `${member.firstName} ${member.lastName}` }));

  const chooseMotif = (motifId: string | null) => {
    form.setFieldValue('motifId', motifId);
    const motif = motifs.data?.find((entry) => entry.id === motifId);
    if (motif) {
      form.setFieldValue('durationMinutes', motif.durationMinutes);
      form.setFieldValue('locationType', motif.locationType);
    }
  };

  return (
    <form onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate>
      <Stack gap="sm">
        {children}
        <Select
          label="Motif"
          withAsterisk
          searchable
          data={(motifs.data ?? []).map((motif) => ({ value: motif.id, label: motif.label }))}
          placeholder={motifs.isPending ? 'Chargement…' : 'Choisir'}
          {...form.getInputProps('motifId')}
          onChange={chooseMotif}
        />
        <MultiSelect label="Agent(s)" withAsterisk searchable data={agents} {...form.getInputProps('agentIds')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label="Site" withAsterisk data={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))} {...form.getInputProps('siteId')} />
          <Select label="Lieu" withAsterisk allowDeselect={false} data={labelOptions(LOCATION_TYPE_LABELS)} {...form.getInputProps('locationType')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <DateField label="Date" withAsterisk allowDeselect={false} clearable={false} {...form.getInputProps('date')} />
          <TimeInput label="Heure" withAsterisk {...form.getInputProps('time')} />
          <NumberInput label="Durée (minutes)" min={5} max={720} step={5} allowDecimal={false} allowNegative={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <Textarea
          label="Note pratique"
          description="Visible par l’accueil et les agents (pièces à apporter, interprète…). Rien de confidentiel."
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        {error && <SaveError error={error} />}
        <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

const Conflicts = BusySlot.array();

/** A refusal; a taken slot says which agent is busy and when. */
function SaveError({ error }: { error: Error }) {
  if (isProblem(error, PROBLEM_TYPES.slotTaken)) {
    const conflicts = Conflicts.safeParse((error.problem as Record<string, unknown>).conflicts);
    return (
      <Alert color="red" title="Créneau déjà pris">
        <Text size="sm">{error.problem.detail}</Text>
        {conflicts.success && (
          <List size="sm" mt="xs">
            {conflicts.data.map((slot) => (
              <List.Item key={`${slot.agent.id}-${slot.startsAt}`}>
                {slot.agent.name} : {slot.kind === 'absence' ? 'absent·e' : 'déjà en rendez-vous'} de {formatTime(slot.startsAt)} à {formatTime(slot.endsAt)}
              </List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  return <ErrorAlert error={error} title="Rendez-vous non enregistré" />;
}
