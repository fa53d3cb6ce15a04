import { Card, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CreateProcedureInput } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { showFieldErrors } from '../../../lib/forms';
import { useCreateProcedure } from '../api/create-procedure';
import { ProcedureForm, procedureInput, type ProcedureValues, useProcedureForm } from './procedure-form';

interface Props {
  beneficiaryId: string;
  /** The front desk logs orientations only. */
  orientationOnly: boolean;
  onClose: () => void;
}

/** Logs a procedure done for or with the person of the file ("Nouvelle démarche"). */
export function NewProcedure({ beneficiaryId, orientationOnly, onClose }: Props) {
  const create = useCreateProcedure();
  const form = useProcedureForm(beneficiaryId, orientationOnly);

  const submit = (values: ProcedureValues) =>
    create.mutate(CreateProcedureInput.parse(procedureInput(beneficiaryId, values)), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Démarche enregistrée.' });
        onClose();
      },
      onError: (error) => showFieldErrors(form.setErrors, error),
    });

  return (
    <Card withBorder padding="lg" component="section" aria-label="Nouvelle démarche">
      <Title order={3} size="h5" mb="sm">
        Nouvelle démarche
      </Title>
      <ProcedureForm form={form} orientationOnly={orientationOnly} saving={create.isPending} onSubmit={submit} onCancel={onClose}>
        <ErrorAlert error={create.error} title="Démarche non enregistrée" />
      </ProcedureForm>
    </Card>
  );
}
