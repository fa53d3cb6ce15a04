import { Badge } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Beneficiary, UpdateContactInput } from '@ccas/shared';
import { useState } from 'react';
import { FieldList } from '../../../components/field-list';
import { focusFirstError, validateWith } from '../../../lib/forms';
import { ContactFields, contactInput, type ContactValues } from './contact-fields';
import { type CloseReason, EditableSection } from './editable-section';
import { SectionForm, useSectionSave } from './section-form';

export function ContactSection({ beneficiary, canEdit }: { beneficiary: Beneficiary; canEdit: boolean }) {
  const { contact } = beneficiary;
  const cityLine = [contact.postalCode, contact.city].filter(Boolean).join(' ');
  return (
    <EditableSection
      title="Coordonnées"
      canEdit={canEdit}
      view={
        <FieldList
          items={[
            { label: 'Téléphone', value: contact.phone },
            { label: 'E-mail', value: contact.email },
            {
              label: contact.domiciliation ? 'Adresse de domiciliation' : 'Adresse',
              value: [contact.addressLine, cityLine].filter(Boolean).join('\n'),
            },
            {
              label: 'Domiciliation',
              value: contact.domiciliation ? (
                <Badge color="blue.9" variant="filled" tt="none">
                  Domicilié·e au CCAS
                </Badge>
              ) : (
                'Non'
              ),
            },
          ]}
        />
      }
      renderForm={(close) => <ContactForm beneficiary={beneficiary} close={close} />}
    />
  );
}

function ContactForm({ beneficiary, close }: { beneficiary: Beneficiary; close: (reason: CloseReason) => void }) {
  const [version] = useState(beneficiary.version);
  const { contact } = beneficiary;
  const form = useForm<ContactValues>({
    initialValues: {
      phone: contact.phone ?? '',
      email: contact.email ?? '',
      addressLine: contact.addressLine ?? '',
      postalCode: contact.postalCode ?? '',
      city: contact.city ?? '',
      domiciliation: contact.domiciliation,
    },
    validate: validateWith<ContactValues>(UpdateContactInput, { toInput: (values) => ({ version, ...contactInput(values) }) }),
  });
  const { save, mutation } = useSectionSave(beneficiary.id, 'contact', close);

  return (
    <SectionForm
      onSubmit={form.onSubmit((values) => save(UpdateContactInput.parse({ version, ...contactInput(values) }), form.setErrors), focusFirstError)}
      onCancel={() => close('cancelled')}
      saving={mutation.isPending}
      error={mutation.error}
    >
      <ContactFields inputProps={(field, options) => form.getInputProps(field, options)} autoFocus />
    </SectionForm>
  );
}
