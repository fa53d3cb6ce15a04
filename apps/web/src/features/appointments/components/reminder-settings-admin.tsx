import { Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type AppointmentSettings, AppointmentSettingsInput } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { useAppointmentSettings, useSaveAppointmentSettings } from '../api/appointment-settings';

/** The tenant's appointment reminders: by email, by SMS, how long before. */
export function ReminderSettingsAdmin() {
  const settings = useAppointmentSettings();
  return (
    <Stack gap="md">
      <Text c="dimmed" maw={640}>
        Un rappel part avant chaque rendez-vous prévu, vers les personnes qui ont donné leur accord et leur adresse e-mail ou leur numéro de
        portable. Un rendez-vous déplacé ou annulé leur est aussi signalé.
      </Text>
      <QueryStatus query={settings} loadingLabel="Chargement des réglages" errorTitle="Réglages indisponibles" />
      {settings.data && <ReminderSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
    </Stack>
  );
}

function ReminderSettingsForm({ settings }: { settings: AppointmentSettings }) {
  const save = useSaveAppointmentSettings();
  const form = useForm<AppointmentSettings>({
    initialValues: settings,
    validate: validateWith(AppointmentSettingsInput, { messages: { reminderHoursBefore: 'Entre 1 et 168 heures (une semaine).' } }),
  });
  const submit = (values: AppointmentSettings) =>
    save.mutate(AppointmentSettingsInput.parse(values), {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Réglages des rappels enregistrés.' }),
      onError: (error) => showFieldErrors(form.setErrors, error),
    });

  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md" maw={480}>
        <Checkbox label="Rappel par e-mail" {...form.getInputProps('reminderEmail', { type: 'checkbox' })} />
        <Checkbox label="Rappel par SMS" {...form.getInputProps('reminderSms', { type: 'checkbox' })} />
        <NumberInput
          label="Délai du rappel (heures avant le rendez-vous)"
          description="48 heures par défaut."
          min={1}
          max={168}
          allowDecimal={false}
          {...form.getInputProps('reminderHoursBefore')}
        />
        <ErrorAlert error={save.error} title="Réglages non enregistrés" />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer les réglages
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
