import { List, NumberInput, Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import {
  type Beneficiary,
  type BeneficiarySituation,
  EMPLOYMENT_STATUS_LABELS,
  FAMILY_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  INCOME_KIND_LABELS,
  UpdateSituationInput,
} from '@ccas/shared';
import { FieldList } from '../../../components/field-list';
import { formatCents, labelOptions, textOrNull } from '../../../lib/forms';
import { type CloseReason, EditableSection } from './editable-section';
import { RepeatedFields } from './repeated-fields';
import { SectionForm, useSectionForm } from './section-form';

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
  const initialValues: SituationValues = {
    familyStatus: situation.familyStatus,
    housingStatus: situation.housingStatus,
    housingNote: situation.housingNote ?? '',
    employmentStatus: situation.employmentStatus,
    incomeSources: situation.incomeSources.map((source) => ({ kind: source.kind, amount: source.monthlyAmountCents / 100 })),
  };
  const { form, frame } = useSectionForm({
    beneficiary,
    section: 'situation',
    close,
    schema: UpdateSituationInput,
    initialValues,
    toInput: (values) => ({
      ...values,
      housingNote: textOrNull(values.housingNote),
      incomeSources: values.incomeSources.map((source) => ({ kind: source.kind, monthlyAmountCents: toCents(source.amount) })),
    }),
    fieldOf: (path) => path.replace(/\.monthlyAmountCents$/, '.amount'),
    messages: { 'incomeSources.*.kind': 'Choisissez le type de ressource.', 'incomeSources.*.amount': 'Indiquez un montant mensuel en euros.' },
  });

  return (
    <SectionForm {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select label="Situation familiale" placeholder="Non renseignée" data={labelOptions(FAMILY_STATUS_LABELS)} clearable autoFocus {...form.getInputProps('familyStatus')} />
        <Select label="Activité" placeholder="Non renseignée" data={labelOptions(EMPLOYMENT_STATUS_LABELS)} clearable {...form.getInputProps('employmentStatus')} />
        <Select label="Logement" placeholder="Non renseigné" data={labelOptions(HOUSING_STATUS_LABELS)} clearable {...form.getInputProps('housingStatus')} />
        <Textarea label="Précisions sur le logement" autosize minRows={1} maxRows={6} maxLength={2000} {...form.getInputProps('housingNote')} />
      </SimpleGrid>
      <RepeatedFields
        legend="Ressources mensuelles"
        emptyText="Aucune ressource indiquée."
        count={form.values.incomeSources.length}
        cols={{ base: 1, xs: 2 }}
        renderRow={(index) => (
          <>
            <Select label={`Ressource n° ${index + 1}`} placeholder="Type de ressource" data={labelOptions(INCOME_KIND_LABELS)} {...form.getInputProps(`incomeSources.${index}.kind`)} />
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
          </>
        )}
        removeLabel={(index) => `Retirer la ressource n° ${index + 1}`}
        onRemove={(index) => form.removeListItem('incomeSources', index)}
        addLabel="Ajouter une ressource"
        onAdd={() => form.insertListItem('incomeSources', { kind: null, amount: '' })}
        max={20}
      />
    </SectionForm>
  );
}
