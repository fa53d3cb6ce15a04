import { ActionIcon, Button, Group, List, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Beneficiary,
  type BeneficiarySituation,
  EMPLOYMENT_STATUS_LABELS,
  FAMILY_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  INCOME_KIND_LABELS,
  UpdateSituationInput,
} from '@ccas/shared';
import { useState } from 'react';
import { FieldList } from '../../../components/field-list';
import { focusFirstError, formatCents, textOrNull, validateWith } from '../../../lib/forms';
import { type CloseReason, EditableSection } from './editable-section';
import { SectionForm, useSectionSave } from './section-form';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SituationSection({ beneficiary, situation, canEdit }: { beneficiary: Beneficiary; situation: BeneficiarySituation; canEdit: boolean }) {
  const total = situation.incomeSources.reduce((sum, source) => sum + source.monthlyAmountCents, 0);
  return (
    <EditableSection
      title="Situation familiale, logement et ressources"
      canEdit={canEdit}
      view={
        <FieldList
          items={[
            { label: 'Situation familiale', value: situation.familyStatus && FAMILY_STATUS_LABELS[situation.familyStatus] },
            { label: 'Logement', value: situation.housingStatus && HOUSING_STATUS_LABELS[situation.housingStatus] },
            { label: 'Précisions sur le logement', value: situation.housingNote },
            { label: 'Activité', value: situation.employmentStatus && EMPLOYMENT_STATUS_LABELS[situation.employmentStatus] },
            {
              label: 'Ressources mensuelles',
              value:
                situation.incomeSources.length === 0 ? null : (
                  <>
                    <List size="sm" spacing={2} listStyleType="none" ml={0} pl={0}>
                      {situation.incomeSources.map((source, index) => (
                        <List.Item key={index}>
                          {INCOME_KIND_LABELS[source.kind]} : {formatCents(source.monthlyAmountCents)}
                        </List.Item>
                      ))}
                    </List>
                    {situation.incomeSources.length > 1 && (
                      <Text size="sm" fw={600}>
                        Total : {formatCents(total)} par mois
                      </Text>
                    )}
                  </>
                ),
            },
          ]}
        />
      }
      renderForm={(close) => <SituationForm beneficiary={beneficiary} situation={situation} close={close} />}
    />
  );
}

interface SituationValues {
  familyStatus: BeneficiarySituation['familyStatus'];
  housingStatus: BeneficiarySituation['housingStatus'];
  housingNote: string;
  employmentStatus: BeneficiarySituation['employmentStatus'];
  /** Amounts typed in euros; the API keeps cents. */
  incomeSources: { kind: BeneficiarySituation['incomeSources'][number]['kind'] | null; amount: number | string }[];
}

const toCents = (amount: number | string) => (amount === '' ? Number.NaN : Math.round(Number(amount) * 100));

function SituationForm(props: { beneficiary: Beneficiary; situation: BeneficiarySituation; close: (reason: CloseReason) => void }) {
  const { beneficiary, situation, close } = props;
  const [version] = useState(beneficiary.version);
  const toInput = (values: SituationValues) => ({
    version,
    ...values,
    housingNote: textOrNull(values.housingNote),
    incomeSources: values.incomeSources.map((source) => ({ kind: source.kind, monthlyAmountCents: toCents(source.amount) })),
  });
  const form = useForm<SituationValues>({
    initialValues: {
      familyStatus: situation.familyStatus,
      housingStatus: situation.housingStatus,
      housingNote: situation.housingNote ?? '',
      employmentStatus: situation.employmentStatus,
      incomeSources: situation.incomeSources.map((source) => ({ kind: source.kind, amount: source.monthlyAmountCents / 100 })),
    },
    validate: validateWith<SituationValues>(UpdateSituationInput, {
      toInput,
      fieldOf: (path) => path.replace(/\.monthlyAmountCents$/, '.amount'),
      messages: { 'incomeSources.*.kind': 'Choisissez le type de ressource.', 'incomeSources.*.amount': 'Indiquez un montant mensuel en euros.' },
    }),
  });
  const { save, mutation } = useSectionSave(beneficiary.id, 'situation', close);

  return (
    <SectionForm
      onSubmit={form.onSubmit((values) => save(UpdateSituationInput.parse(toInput(values)), form.setErrors), focusFirstError)}
      onCancel={() => close('cancelled')}
      saving={mutation.isPending}
      error={mutation.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select label="Situation familiale" placeholder="Non renseignée" data={options(FAMILY_STATUS_LABELS)} clearable autoFocus {...form.getInputProps('familyStatus')} />
        <Select label="Activité" placeholder="Non renseignée" data={options(EMPLOYMENT_STATUS_LABELS)} clearable {...form.getInputProps('employmentStatus')} />
        <Select label="Logement" placeholder="Non renseigné" data={options(HOUSING_STATUS_LABELS)} clearable {...form.getInputProps('housingStatus')} />
        <Textarea label="Précisions sur le logement" autosize minRows={1} maxRows={6} maxLength={2000} {...form.getInputProps('housingNote')} />
      </SimpleGrid>
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={600} size="sm">
          Ressources mensuelles
        </Text>
        {form.values.incomeSources.length === 0 && (
          <Text size="sm" c="dimmed">
            Aucune ressource indiquée.
          </Text>
        )}
        {form.values.incomeSources.map((_source, index) => (
          <Group key={index} align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: 1 }}>
              <Select label={`Ressource n° ${index + 1}`} placeholder="Type de ressource" data={options(INCOME_KIND_LABELS)} {...form.getInputProps(`incomeSources.${index}.kind`)} />
              <NumberInput
                label={`Montant mensuel n° ${index + 1} (€)`}
                min={0}
                max={1_000_000}
                decimalScale={2}
                decimalSeparator=","
                thousandSeparator=" "
                hideControls
                inputMode="decimal"
                {...form.getInputProps(`incomeSources.${index}.amount`)}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Retirer la ressource n° ${index + 1}`}
              onClick={() => form.removeListItem('incomeSources', index)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('incomeSources', { kind: null, amount: '' })}
          disabled={form.values.incomeSources.length >= 20}
        >
          Ajouter une ressource
        </Button>
      </Stack>
    </SectionForm>
  );
}
