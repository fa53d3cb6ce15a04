import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PROBLEM_TYPES } from '@ccas/shared';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { isProblem } from '../../../lib/api-client';
import { showFieldErrors } from '../../../lib/forms';
import { type Section, type SectionBodies, useUpdateBeneficiarySection } from '../api/update-beneficiary-section';
import type { CloseReason } from './editable-section';

/**
 * Saving one section: on success the section closes, on a stale version it closes with the
 * explanation (the file is reloaded), on a validation refusal the messages land on the fields.
 */
export function useSectionSave<S extends Section>(beneficiaryId: string, section: S, close: (reason: CloseReason) => void) {
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
        <Group>
          <Button type="submit" loading={props.saving}>
            Enregistrer
          </Button>
          <Button variant="default" onClick={props.onCancel} disabled={props.saving}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
