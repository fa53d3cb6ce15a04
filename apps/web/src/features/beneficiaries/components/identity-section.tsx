import { type Beneficiary, SEX_LABELS, UpdateIdentityInput } from '@ccas/shared';
import { FieldList } from '../../../components/field-list';
import { formatDate } from '../../../lib/dates';
import { type CloseReason, EditableSection } from './editable-section';
import { IdentityFields, type IdentityValues } from './identity-fields';
import { SectionForm, useSectionForm } from './section-form';

export function IdentitySection({ beneficiary, canEdit }: { beneficiary: Beneficiary; canEdit: boolean }) {
  const { identity } = beneficiary;
  return (
    <EditableSection
      title="Identité"
      canEdit={canEdit}
      view={
        <FieldList
          items={[
            { label: 'Nom', value: identity.lastName },
            { label: 'Prénom', value: identity.firstName },
            { label: 'Nom de naissance', value: identity.birthName },
            { label: 'Alias', value: identity.alias },
            { label: 'Date de naissance', value: formatDate(identity.birthDate) },
            { label: 'Sexe', value: identity.sex ? SEX_LABELS[identity.sex] : null },
            { label: 'Nationalité', value: identity.nationality },
          ]}
        />
      }
      renderForm={(close) => <IdentityForm beneficiary={beneficiary} close={close} />}
    />
  );
}

function IdentityForm({ beneficiary, close }: { beneficiary: Beneficiary; close: (reason: CloseReason) => void }) {
  const { identity } = beneficiary;
  const initialValues: IdentityValues = {
    lastName: identity.lastName ?? '',
    firstName: identity.firstName ?? '',
    birthName: identity.birthName ?? '',
    alias: identity.alias ?? '',
    birthDate: identity.birthDate,
    sex: identity.sex,
    nationality: identity.nationality ?? '',
  };
  const { form, frame } = useSectionForm({ beneficiary, section: 'identity', close, schema: UpdateIdentityInput, initialValues });

  return (
    <SectionForm {...frame}>
      <IdentityFields inputProps={(field) => form.getInputProps(field)} withNationality autoFocus />
    </SectionForm>
  );
}
