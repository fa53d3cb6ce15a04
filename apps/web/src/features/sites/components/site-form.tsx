import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type SiteDetail, SiteInput } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ApiError } from '../../../lib/api-client';
import { focusFirstError, showFieldErrors, textOrNull, validateWith } from '../../../lib/forms';
import { useCreateSite } from '../api/create-site';
import { useUpdateSite } from '../api/update-site';

interface SiteValues {
  name: string;
  address: string;
}

const toInput = (values: SiteValues) => ({ name: values.name, address: textOrNull(values.address) });

/** Adds a site, or renames one and changes its address. */
export function SiteForm(props: { site?: SiteDetail; onDone: (message: string) => void; onCancel: () => void }) {
  const { site, onDone, onCancel } = props;
  const create = useCreateSite();
  const update = useUpdateSite();
  const mutation = site ? update : create;
  const form = useForm<SiteValues>({
    initialValues: { name: site?.name ?? '', address: site?.address ?? '' },
    validate: validateWith<SiteValues>(SiteInput, { toInput, messages: { name: 'Indiquez le nom du site.' } }),
  });

  // Two sites of the same name (accents and capitals aside) are refused: say so on the field.
  const onError = (error: Error) =>
    error instanceof ApiError && error.status === 409 ? form.setErrors({ name: error.message }) : showFieldErrors(form.setErrors, error);

  const submit = (values: SiteValues) => {
    const body = SiteInput.parse(toInput(values));
    if (site) {
      update.mutate({ id: site.id, body }, { onSuccess: (saved) => onDone(`Site « ${saved.name} » enregistré.`), onError });
    } else {
      create.mutate(body, { onSuccess: (saved) => onDone(`Site « ${saved.name} » ajouté.`), onError });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md">
        <TextInput label="Nom" description="Antenne, pôle, espace France Services…" withAsterisk autoComplete="off" maxLength={150} data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Adresse" autoComplete="off" maxLength={300} {...form.getInputProps('address')} />
        {mutation.error && !conflict && <ErrorAlert error={mutation.error} title="Non enregistré" />}
        <FormActions submitLabel={site ? 'Enregistrer' : 'Ajouter le site'} saving={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
