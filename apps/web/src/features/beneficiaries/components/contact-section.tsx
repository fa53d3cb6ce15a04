import { Badge } from '@mantine/core';
import { type Beneficiary, UpdateContactInput } from '@ccas/shared';
import { FieldList } from '../../../components/field-list';
import { ContactFields, contactInput, type ContactValues } from './contact-fields';
import { type CloseReason, EditableSection } from './editable-section';
import { SectionForm, useSectionForm } from './section-form';

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
  const { contact } = beneficiary;
  const initialValues: ContactValues = {
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    addressLine: contact.addressLine ?? '',
    postalCode: contact.postalCode ?? '',
    city: contact.city ?? '',
    domiciliation: contact.domiciliation,
  };
  const { form, frame } = useSectionForm({ beneficiary, section: 'contact', close, schema: UpdateContactInput, initialValues, toInput: contactInput });

  return (
    <SectionForm {...frame}>
      <ContactFields inputProps={(field, options) => form.getInputProps(field, options)} autoFocus />
    </SectionForm>
  );
}
