import { Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type CatalogueEntry, type CatalogueKind, CATEGORY_LABELS, type Category, CreateCatalogueEntryInput } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ApiError } from '../../../lib/api-client';
import { focusFirstError, labelOptions, showFieldErrors, validateWith } from '../../../lib/forms';
import { useCreateCatalogueEntry } from '../api/create-catalogue-entry';
import { useUpdateCatalogueEntry } from '../api/update-catalogue-entry';

interface EntryValues {
  label: string;
  category: Category | null;
}

const CATEGORY_OPTIONS = labelOptions(CATEGORY_LABELS);

/** Adds an entry to a catalogue, or renames and recategorises one. */
export function CatalogueEntryForm(props: { kind: CatalogueKind; entry?: CatalogueEntry; onDone: (message: string) => void; onCancel: () => void }) {
  const { kind, entry, onDone, onCancel } = props;
  const create = useCreateCatalogueEntry(kind);
  const update = useUpdateCatalogueEntry(kind);
  const mutation = entry ? update : create;
  const form = useForm<EntryValues>({
    initialValues: { label: entry?.label ?? '', category: entry?.category ?? null },
    validate: validateWith<EntryValues>(CreateCatalogueEntryInput, { messages: { label: 'Indiquez le libellé.' } }),
  });

  // The same label twice (accents and capitals aside) is refused: say so on the field.
  const onError = (error: Error) =>
    error instanceof ApiError && error.status === 409 ? form.setErrors({ label: error.message }) : showFieldErrors(form.setErrors, error);

  const submit = (values: EntryValues) => {
    const body = CreateCatalogueEntryInput.parse(values);
    if (entry) {
      update.mutate({ id: entry.id, body }, { onSuccess: (saved) => onDone(`« ${saved.label} » enregistré.`), onError });
    } else {
      create.mutate(body, { onSuccess: (saved) => onDone(`« ${saved.label} » ajouté.`), onError });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md">
        <TextInput label="Libellé" withAsterisk autoComplete="off" maxLength={120} data-autofocus {...form.getInputProps('label')} />
        <Select label="Catégorie" placeholder="Aucune" data={CATEGORY_OPTIONS} clearable {...form.getInputProps('category')} />
        {mutation.error && !conflict && <ErrorAlert error={mutation.error} title="Non enregistré" />}
        <FormActions submitLabel={entry ? 'Enregistrer' : 'Ajouter'} saving={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
