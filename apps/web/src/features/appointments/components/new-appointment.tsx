import { Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type BeneficiarySummary, CreateAppointmentInput, displayName } from '@ccas/shared';
import { useState } from 'react';
import { PersonPicker } from '../../beneficiaries/components/person-picker';
import { useMe } from '../../me/api/get-me';
import { formatDateTime } from '../../../lib/dates';
import { useCreateAppointment } from '../api/create-appointment';
import { AppointmentForm, appointmentFields, type AppointmentValues, newAppointmentValues, useAppointmentForm } from './appointment-form';

interface Props {
  /** Booking from a file: the person is known. */
  person?: { id: string; name: string };
  slot: { agentIds: string[]; siteId: string | null; startsAt: Date };
  onClose: () => void;
}

/** Books an appointment: for the file's person, or first asks who it is for (from an agenda). */
export function NewAppointment({ person: known, slot, onClose }: Props) {
  const [person, setPerson] = useState(known ?? null);
  const create = useCreateAppointment();
  const { data: me } = useMe();
  // Without a site chosen (from a file), the member's own site.
  const form = useAppointmentForm(newAppointmentValues({ ...slot, siteId: slot.siteId ?? me?.sites[0]?.id ?? null }));

  if (!person) {
    return <PersonPicker onPick={(found: BeneficiarySummary) => setPerson({ id: found.id, name: displayName(found) })} />;
  }

  const submit = (values: AppointmentValues) =>
    create.mutate(CreateAppointmentInput.parse({ beneficiaryId: person.id, ...appointmentFields(values) }), {
      onSuccess: (appointment) => {
        notifications.show({ color: 'teal', message: `Rendez-vous enregistré le ${formatDateTime(appointment.startsAt)}.` });
        onClose();
      },
    });

  return (
    <AppointmentForm form={form} submitLabel="Enregistrer le rendez-vous" saving={create.isPending} error={create.error} onSubmit={submit} onCancel={onClose}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Pour
        </Text>
        <Text fw={600}>{person.name}</Text>
      </Group>
    </AppointmentForm>
  );
}
