import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Appointment,
  APPOINTMENT_STATUS_LABELS,
  type AppointmentStatus,
  APPOINTMENT_STATUS_TRANSITIONS,
  ATTENDANCE_STATUSES,
  LOCATION_TYPE_LABELS,
  formatFileNumber,
} from '@ccas/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../components/can';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatTime } from '../../../lib/dates';
import { useSetAppointmentStatus } from '../api/set-appointment-status';
import { useUpdateAppointment } from '../api/update-appointment';
import { AppointmentForm, appointmentFields, type AppointmentValues, appointmentValues, useAppointmentForm } from './appointment-form';

const STATUS_COLORS: Record<AppointmentStatus, string> = { PLANNED: 'blue', SEEN: 'teal', NO_SHOW: 'red', EXCUSED: 'gray', REVOKED: 'gray' };

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {APPOINTMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The statuses one may give now: whether the person came only once it has started. */
const nextStatuses = (appointment: Appointment, now = Date.now()): AppointmentStatus[] =>
  APPOINTMENT_STATUS_TRANSITIONS[appointment.status].filter((status) => !ATTENDANCE_STATUSES.includes(status) || Date.parse(appointment.startsAt) <= now);

const STATUS_ACTIONS: Record<AppointmentStatus, string> = {
  SEEN: 'Honoré',
  NO_SHOW: 'Absence non excusée',
  EXCUSED: 'Annulé par la personne',
  REVOKED: 'Annulé par le service',
  PLANNED: 'Remettre à « Prévu »',
};

/** An appointment opened from an agenda or a file: what, when, who; its status; moving it. */
export function AppointmentDetails({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const setStatus = useSetAppointmentStatus();
  const update = useUpdateAppointment();
  const form = useAppointmentForm(appointmentValues(appointment));
  const manage = can('appointment:manage');

  if (editing) {
    const submit = (values: AppointmentValues) =>
      update.mutate(
        { appointment, changes: { version: appointment.version, ...appointmentFields(values) } },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: `Rendez-vous déplacé au ${formatDateTime(saved.startsAt)}.` });
            onClose();
          },
        },
      );
    return (
      <AppointmentForm form={form} submitLabel="Enregistrer les changements" saving={update.isPending} error={update.error} onSubmit={submit} onCancel={() => setEditing(false)}>
        <Text fw={600}>{appointment.beneficiary.name}</Text>
      </AppointmentForm>
    );
  }

  const changeStatus = (status: AppointmentStatus) =>
    setStatus.mutate(
      { appointment, status },
      { onSuccess: () => notifications.show({ color: 'teal', message: `Rendez-vous : ${APPOINTMENT_STATUS_LABELS[status]}.` }) },
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Anchor component={Link} to={`/personnes/${appointment.beneficiary.id}`} fw={600}>
          {appointment.beneficiary.name} ({formatFileNumber(appointment.beneficiary.fileNumber)})
        </Anchor>
        <AppointmentStatusBadge status={appointment.status} />
      </Group>
      <Text>
        {formatDateTime(appointment.startsAt)} – {formatTime(appointment.endsAt)} · {appointment.motif.label}
      </Text>
      <Text size="sm">
        {LOCATION_TYPE_LABELS[appointment.locationType]} · {appointment.site.name} · avec {appointment.agents.map((agent) => agent.name).join(', ')}
      </Text>
      {appointment.note && <Text size="sm">Note : {appointment.note}</Text>}
      {appointment.statusChangedBy && appointment.statusChangedAt && (
        <Text size="xs" c="dimmed">
          Statut donné par {appointment.statusChangedBy.name} le {formatDateTime(appointment.statusChangedAt)}
        </Text>
      )}
      <ErrorAlert error={setStatus.error} title="Statut non enregistré" />
      {manage && (
        <Group gap="xs">
          {nextStatuses(appointment).map((status) => (
            <Button key={status} variant={status === 'SEEN' ? 'filled' : 'default'} loading={setStatus.isPending && setStatus.variables?.status === status} onClick={() => changeStatus(status)}>
              {STATUS_ACTIONS[status]}
            </Button>
          ))}
          {appointment.status === 'PLANNED' && (
            <Button variant="subtle" onClick={() => setEditing(true)}>
              Déplacer ou modifier
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
