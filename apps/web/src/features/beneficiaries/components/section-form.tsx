import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Beneficiary, PROBLEM_TYPES } from '@ccas/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { isProblem } from '../../../lib/api-client';
import { focusFirstError, type FormSchema, showFieldErrors, type ValidateOptions, validateWith } from '../../../lib/forms';
import { type Section, type SectionBodies, useUpdateBeneficiarySection } from '../api/update-beneficiary-section';
import type { CloseReason } from './editable-section';
import { FormActions } from '../../../components/form-actions';

/**
 * Saving one section: on success the section closes, on a stale version it closes with the
 * explanation (the file is reloaded), on a validation refusal the messages land on the fields.
 */
function useSectionSave<S extends Section>(beneficiaryId: string, section: S, close: (reason: CloseReason) => void) {
  const mutation = useUpdateBeneficiarySection(beneficiaryId, section);
  const save = (body: SectionBodies[S], setErrors: (errors: Record<string, string>) => void) =>
    mutation.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Modifications enregistrées.' });
        close('saved');
      },
      onError: (error) => {
        if (isProblem(error, PROBLEM_TYPES.staleVersion)) close('stale');
        else showFieldErrors(setErrors, error);
      },
    });
  return { save, mutation };
}

interface SectionFormOptions<S extends Section, Values> extends Pick<ValidateOptions<Values>, 'fieldOf' | 'messages'> {
  beneficiary: Beneficiary;
  section: S;
  close: (reason: CloseReason) => void;
  /** The section's shared schema: the form refuses what the API would, and sends what the schema reads. */
  schema: FormSchema & { parse: (input: unknown) => SectionBodies[S] };
  initialValues: Values;
  /** The values as the schema reads them, but for the version (added here); the values themselves by default. */
  toInput?: (values: Values) => object;
}

/**
 * The state of a section's form and the props of its `SectionForm`: the same schema validates the
 * values and shapes the body that is saved, so the two cannot drift apart.
 */
export function useSectionForm<S extends Section, Values extends object>(options: SectionFormOptions<S, Values>) {
  const { beneficiary, section, close, schema, initialValues, toInput, fieldOf, messages } = options;
  // The version the form was opened on, not the latest: a change made by someone else meanwhile must be refused, not overwritten.
  const [version] = useState(beneficiary.version);
  const input = (values: Values) => ({ version, ...(toInput ? toInput(values) : values) });
  const form = useForm<Values>({ initialValues, validate: validateWith<Values>(schema, { toInput: input, fieldOf, messages }) });
  const { save, mutation } = useSectionSave(beneficiary.id, section, close);
  const frame = {
    onSubmit: form.onSubmit((values) => save(schema.parse(input(values)), form.setErrors), focusFirstError),
    onCancel: () => close('cancelled'),
    saving: mutation.isPending,
    error: mutation.error,
  };
  return { form, frame };
}

/** A section's form frame: the fields, the refusal if any, "Enregistrer" and "Annuler". */
export function SectionForm(props: {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  saving: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const refusal = props.error && !isProblem(props.error, PROBLEM_TYPES.staleVersion) ? props.error : null;
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="md">
        {props.children}
        {refusal ? <ErrorAlert error={refusal} title="Modifications non enregistrées" /> : null}
        <FormActions submitLabel="Enregistrer" saving={props.saving} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
