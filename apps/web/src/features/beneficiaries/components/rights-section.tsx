import { Badge, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type Beneficiary, BENEFIT_LABELS, type BeneficiaryRights, LEGAL_PROTECTION_LABELS, UpdateRightsInput } from '@ccas/shared';
import { FieldList } from '../../../components/field-list';
import { labelOptions, textOrNull } from '../../../lib/forms';
import { type CloseReason, EditableSection } from './editable-section';
import { SectionForm, useSectionForm } from './section-form';

type Benefit = BeneficiaryRights['benefits'][number];

export function RightsSection({ beneficiary, rights, canEdit }: { beneficiary: Beneficiary; rights: BeneficiaryRights; canEdit: boolean }) {
  const protection = rights.legalProtection ? LEGAL_PROTECTION_LABELS[rights.legalProtection] : null;
  return (
    <EditableSection
      title="Droits et protection"
      canEdit={canEdit}
      view={
        <FieldList
          items={[
            {
              label: 'Prestations et aides connues',
              value:
                rights.benefits.length === 0 ? null : (
                  <Group gap={6} component="span">
                    {rights.benefits.map((benefit) => (
                      <Badge key={benefit} variant="outline" color="dark.6" tt="none" component="span">
                        {BENEFIT_LABELS[benefit]}
                      </Badge>
                    ))}
                  </Group>
                ),
            },
            { label: 'N° allocataire CAF', value: rights.cafNumber },
            { label: 'Identifiant France Travail', value: rights.franceTravailId },
            {
              label: 'Mesure de protection',
              value: protection && [protection, rights.legalProtectionDetail].filter(Boolean).join(' — '),
            },
          ]}
        />
      }
      renderForm={(close) => <RightsForm beneficiary={beneficiary} rights={rights} close={close} />}
    />
  );
}

interface RightsValues {
  benefits: Benefit[];
  cafNumber: string;
  franceTravailId: string;
  legalProtection: BeneficiaryRights['legalProtection'];
  legalProtectionDetail: string;
}

function RightsForm(props: { beneficiary: Beneficiary; rights: BeneficiaryRights; close: (reason: CloseReason) => void }) {
  const { beneficiary, rights, close } = props;
  const initialValues: RightsValues = {
    benefits: rights.benefits,
    cafNumber: rights.cafNumber ?? '',
    franceTravailId: rights.franceTravailId ?? '',
    legalProtection: rights.legalProtection,
    legalProtectionDetail: rights.legalProtectionDetail ?? '',
  };
  const { form, frame } = useSectionForm({
    beneficiary,
    section: 'rights',
    close,
    schema: UpdateRightsInput,
    initialValues,
    toInput: (values) => ({
      ...values,
      cafNumber: textOrNull(values.cafNumber),
      franceTravailId: textOrNull(values.franceTravailId),
      legalProtectionDetail: textOrNull(values.legalProtectionDetail),
    }),
  });

  return (
    <SectionForm {...frame}>
      <Checkbox.Group label="Prestations et aides connues" {...form.getInputProps('benefits')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
          {Object.entries(BENEFIT_LABELS).map(([value, label], index) => (
            <Checkbox key={value} value={value} label={label} autoFocus={index === 0} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="N° allocataire CAF" autoComplete="off" maxLength={20} {...form.getInputProps('cafNumber')} />
        <TextInput label="Identifiant France Travail" autoComplete="off" maxLength={20} {...form.getInputProps('franceTravailId')} />
        <Select
          label="Mesure de protection"
          placeholder="Non renseignée"
          data={labelOptions(LEGAL_PROTECTION_LABELS)}
          clearable
          {...form.getInputProps('legalProtection')}
        />
        <TextInput
          label="Précisions sur la mesure"
          description="Par exemple, le nom du mandataire"
          autoComplete="off"
          maxLength={300}
          {...form.getInputProps('legalProtectionDetail')}
        />
      </SimpleGrid>
    </SectionForm>
  );
}
