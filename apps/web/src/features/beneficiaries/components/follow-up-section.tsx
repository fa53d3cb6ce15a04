import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { type Beneficiary, BENEFICIARY_STATUS_LABELS, type BeneficiaryFollowUp, ORIGIN_LABELS, UpdateFollowUpInput } from '@ccas/shared';
import { DateField } from '../../../components/date-field';
import { FieldList } from '../../../components/field-list';
import { formatDate, todayInParis } from '../../../lib/dates';
import { labelOptions, textOrNull } from '../../../lib/forms';
import { useSites } from '../../sites/api/list-sites';
import { BeneficiaryStatusBadge } from './beneficiary-status-badge';
import { type CloseReason, EditableSection } from './editable-section';
import { SectionForm, useSectionForm } from './section-form';

type FollowUp = NonNullable<Beneficiary['followUp']>;

export function FollowUpSection({ beneficiary, followUp, canEdit }: { beneficiary: Beneficiary; followUp: FollowUp; canEdit: boolean }) {
  const origin = followUp.origin ? ORIGIN_LABELS[followUp.origin] : null;
  const consent = followUp.consentDate
    ? `Recueilli le ${formatDate(followUp.consentDate)}${followUp.consentRecordedBy ? ` par ${followUp.consentRecordedBy.name}` : ''}`
    : 'Non recueilli';
  return (
    <EditableSection
      title="Suivi"
      canEdit={canEdit}
      view={
        <FieldList
          items={[
            { label: 'Statut du dossier', value: <BeneficiaryStatusBadge status={followUp.status} /> },
            { label: 'Site', value: beneficiary.site?.name },
            { label: 'Origine de la demande', value: origin && [origin, followUp.originDetail].filter(Boolean).join(' — ') },
            { label: 'Consentement au traitement des données', value: consent },
          ]}
        />
      }
      renderForm={(close) => <FollowUpForm beneficiary={beneficiary} followUp={followUp} close={close} />}
    />
  );
}

interface FollowUpValues {
  status: BeneficiaryFollowUp['status'];
  siteId: string | null;
  origin: BeneficiaryFollowUp['origin'];
  originDetail: string;
  consentDate: string | null;
}

function FollowUpForm(props: { beneficiary: Beneficiary; followUp: FollowUp; close: (reason: CloseReason) => void }) {
  const { beneficiary, followUp, close } = props;
  const sites = useSites();
  const initialValues: FollowUpValues = {
    status: followUp.status,
    siteId: followUp.siteId,
    origin: followUp.origin,
    originDetail: followUp.originDetail ?? '',
    consentDate: followUp.consentDate,
  };
  const { form, frame } = useSectionForm({
    beneficiary,
    section: 'follow-up',
    close,
    schema: UpdateFollowUpInput,
    initialValues,
    toInput: (values) => ({ ...values, originDetail: textOrNull(values.originDetail) }),
    messages: { status: 'Choisissez le statut du dossier.' },
  });
  const siteOptions = (sites.data ?? []).map((site) => ({ value: site.id, label: site.name }));
  // The file's current site stays selectable even if the list has not loaded yet.
  if (beneficiary.site && !siteOptions.some((option) => option.value === beneficiary.site!.id)) {
    siteOptions.push({ value: beneficiary.site.id, label: beneficiary.site.name });
  }

  return (
    <SectionForm {...frame}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Statut du dossier"
          data={labelOptions(BENEFICIARY_STATUS_LABELS)}
          allowDeselect={false}
          autoFocus
          {...form.getInputProps('status')}
        />
        <Select label="Site" placeholder="Aucun site" data={siteOptions} clearable {...form.getInputProps('siteId')} />
        <Select
          label="Origine de la demande"
          placeholder="Non renseignée"
          data={labelOptions(ORIGIN_LABELS)}
          clearable
          {...form.getInputProps('origin')}
        />
        <TextInput label="Précisions sur l'origine" description="Par exemple, le partenaire qui a orienté" autoComplete="off" maxLength={300} {...form.getInputProps('originDetail')} />
        <DateField
          label="Consentement au traitement des données recueilli le"
          description="Votre nom sera enregistré comme personne l'ayant recueilli."
          maxDate={todayInParis()}
          minDate="1900-01-01"
          {...form.getInputProps('consentDate')}
        />
      </SimpleGrid>
    </SectionForm>
  );
}
