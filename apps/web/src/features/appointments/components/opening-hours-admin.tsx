import { Button, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type OpeningHours, OpeningHoursInput, type OpeningRange } from '@ccas/shared';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { useSites } from '../../sites/api/list-sites';
import { useOpeningHours, useSaveOpeningHours } from '../api/opening-hours';

const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

/** Each site's opening hours, chosen in a list: the front desk books inside them. */
export function OpeningHoursAdmin() {
  const sites = useSites();
  const [chosen, setChosen] = useState<string | null>(null);
  const siteId = chosen ?? sites.data?.[0]?.id ?? null;
  const hours = useOpeningHours(siteId);

  return (
    <Stack gap="md">
      <Text c="dimmed" maw={640}>
        Les heures où chaque site reçoit le public (heure de Paris). Un jour sans plage est fermé. Les rendez-vous restent possibles en dehors
        (visite à domicile, appel en soirée).
      </Text>
      <Select
        label="Site"
        allowDeselect={false}
        value={siteId}
        onChange={setChosen}
        data={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
        maw={360}
      />
      <QueryStatus query={hours} loadingLabel="Chargement des horaires" errorTitle="Horaires indisponibles" />
      {/* A new form per site and per saved week: its values start from what the API holds. */}
      {siteId && hours.data && <OpeningHoursForm key={`${siteId}:${JSON.stringify(hours.data.ranges)}`} siteId={siteId} hours={hours.data} />}
    </Stack>
  );
}

function OpeningHoursForm({ siteId, hours }: { siteId: string; hours: OpeningHours }) {
  const save = useSaveOpeningHours(siteId);
  const form = useForm<{ ranges: OpeningRange[] }>({
    initialValues: { ranges: hours.ranges },
    validate: validateWith(OpeningHoursInput, { messages: { 'ranges.*.closesAt': 'La fermeture doit suivre l’ouverture.' } }),
  });
  const { ranges } = form.values;

  const submit = (values: { ranges: OpeningRange[] }) =>
    save.mutate(OpeningHoursInput.parse(values), {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Horaires d’ouverture enregistrés.' }),
      onError: (error) => showFieldErrors(form.setErrors, error),
    });

  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="sm">
        {WEEKDAYS.map((day, dayIndex) => {
          const weekday = dayIndex + 1;
          const ofDay = ranges.map((range, index) => ({ range, index })).filter(({ range }) => range.weekday === weekday);
          return (
            <Fieldset key={day} legend={day} variant="unstyled">
              <Stack gap="xs">
                {ofDay.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Fermé
                  </Text>
                )}
                {ofDay.map(({ index }, n) => (
                  <Group key={index} gap="sm" align="end">
                    <TimeInput label={`${day}, plage ${n + 1} : ouverture`} {...form.getInputProps(`ranges.${index}.opensAt`)} />
                    <TimeInput label={`${day}, plage ${n + 1} : fermeture`} {...form.getInputProps(`ranges.${index}.closesAt`)} />
                    <Button variant="subtle" color="red" onClick={() => form.removeListItem('ranges', index)} aria-label={`Retirer la plage ${n + 1} du ${day.toLowerCase()}`}>
                      Retirer
                    </Button>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => form.insertListItem('ranges', { weekday, opensAt: '09:00', closesAt: '12:00' })}
                    aria-label={`Ajouter une plage le ${day.toLowerCase()}`}
                  >
                    Ajouter une plage
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <ErrorAlert error={save.error} title="Horaires non enregistrés" />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer les horaires
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
