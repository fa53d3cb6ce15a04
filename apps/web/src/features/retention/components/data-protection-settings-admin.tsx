import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { AUDIT_RETENTION_MONTHS, type DataProtectionSettings, DataProtectionSettingsInput, RETENTION_MONTHS } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { useDataProtectionSettings, useSaveDataProtectionSettings } from '../api/data-protection-settings';

/** The tenant's retention delays ("Conservation des données"), set by its administrator. */
export function DataProtectionSettingsAdmin() {
  const settings = useDataProtectionSettings();
  return (
    <Stack gap="md">
      <Text c="dimmed" maw={680}>
        Un dossier sans aucun contact (entretien, démarche, rendez-vous honoré, diagnostic, orientation) depuis ce délai est proposé à
        l’archivage. La direction vérifie la liste et confirme : l’archivage anonymise le dossier de façon définitive et garde seulement les
        informations statistiques. Le journal d’audit est ensuite purgé au-delà de sa durée de conservation.
      </Text>
      <QueryStatus query={settings} loadingLabel="Chargement des réglages" errorTitle="Réglages indisponibles" />
      {settings.data && <DataProtectionSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
    </Stack>
  );
}

function DataProtectionSettingsForm({ settings }: { settings: DataProtectionSettings }) {
  const save = useSaveDataProtectionSettings();
  const form = useForm<DataProtectionSettings>({
    initialValues: settings,
    validate: validateWith(DataProtectionSettingsInput, {
      messages: {
        retentionMonths: `Entre ${RETENTION_MONTHS.min} et ${RETENTION_MONTHS.max} mois.`,
        auditRetentionMonths: `Entre ${AUDIT_RETENTION_MONTHS.min} et ${AUDIT_RETENTION_MONTHS.max} mois.`,
      },
    }),
  });
  const submit = (values: DataProtectionSettings) =>
    save.mutate(DataProtectionSettingsInput.parse(values), {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Durées de conservation enregistrées. Elles s’appliquent dès la prochaine vérification quotidienne.' }),
      onError: (error) => showFieldErrors(form.setErrors, error),
    });

  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md" maw={520}>
        <NumberInput
          label="Durée sans contact avant archivage (mois)"
          description={`${RETENTION_MONTHS.default} mois par défaut, de ${RETENTION_MONTHS.min} à ${RETENTION_MONTHS.max} mois.`}
          min={RETENTION_MONTHS.min}
          max={RETENTION_MONTHS.max}
          allowDecimal={false}
          {...form.getInputProps('retentionMonths')}
        />
        <NumberInput
          label="Conservation du journal d’audit (mois)"
          description={`${AUDIT_RETENTION_MONTHS.default} mois par défaut (recommandation de la CNIL : 6 mois à 1 an, jusqu’à 3 ans si un besoin est documenté).`}
          min={AUDIT_RETENTION_MONTHS.min}
          max={AUDIT_RETENTION_MONTHS.max}
          allowDecimal={false}
          {...form.getInputProps('auditRetentionMonths')}
        />
        <ErrorAlert error={save.error} title="Durées non enregistrées" />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer les durées
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
