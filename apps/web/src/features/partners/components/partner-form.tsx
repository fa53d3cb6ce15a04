import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Partner, PARTNER_KIND_LABELS, PartnerInput, type PartnerKind } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ApiError } from '../../../lib/api-client';
import { focusFirstError, labelOptions, showFieldErrors, textOrNull, validateWith } from '../../../lib/forms';
import { useCreatePartner } from '../api/create-partner';
import { useUpdatePartner } from '../api/update-partner';

interface PartnerValues {
  name: string;
  kind: PartnerKind | null;
  address: string;
  contact: string;
  offer: string;
}

const KIND_OPTIONS = labelOptions(PARTNER_KIND_LABELS);

const toInput = (values: PartnerValues) => ({
  name: values.name,
  kind: values.kind,
  address: textOrNull(values.address),
  contact: textOrNull(values.contact),
  offer: textOrNull(values.offer),
});

/** Adds a partner to the directory, or changes its details. */
export function PartnerForm(props: { partner?: Partner; onDone: (message: string) => void; onCancel: () => void }) {
  const { partner, onDone, onCancel } = props;
  const create = useCreatePartner();
  const update = useUpdatePartner();
  const mutation = partner ? update : create;
  const form = useForm<PartnerValues>({
    initialValues: {
      name: partner?.name ?? '',
      kind: partner?.kind ?? null,
      address: partner?.address ?? '',
      contact: partner?.contact ?? '',
      offer: partner?.offer ?? '',
    },
    validate: validateWith<PartnerValues>(PartnerInput, {
      toInput,
      messages: { name: 'Indiquez le nom du partenaire.', kind: 'Choisissez le type de partenaire.' },
    }),
  });

  // Two partners of the same name (accents and capitals aside) are refused: say so on the field.
  const onError = (error: Error) =>
    error instanceof ApiError && error.status === 409 ? form.setErrors({ name: error.message }) : showFieldErrors(form.setErrors, error);

  const submit = (values: PartnerValues) => {
    const body = PartnerInput.parse(toInput(values));
    if (partner) {
      update.mutate({ id: partner.id, body }, { onSuccess: (saved) => onDone(`Partenaire « ${saved.name} » enregistré.`), onError });
    } else {
      create.mutate(body, { onSuccess: (saved) => onDone(`Partenaire « ${saved.name} » ajouté.`), onError });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Nom" withAsterisk autoComplete="off" maxLength={150} data-autofocus {...form.getInputProps('name')} />
          <Select label="Type" placeholder="Choisir" data={KIND_OPTIONS} withAsterisk {...form.getInputProps('kind')} />
          <TextInput label="Adresse" autoComplete="off" maxLength={300} {...form.getInputProps('address')} />
          <TextInput label="Contact" description="Nom, téléphone, e-mail, horaires…" autoComplete="off" maxLength={300} {...form.getInputProps('contact')} />
        </SimpleGrid>
        <Textarea
          label="Offre"
          description="Ce que le partenaire propose, dans ses mots : ateliers, aide individuelle, équipement…"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          {...form.getInputProps('offer')}
        />
        {mutation.error && !conflict && <ErrorAlert error={mutation.error} title="Non enregistré" />}
        <FormActions submitLabel={partner ? 'Enregistrer' : 'Ajouter le partenaire'} saving={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
