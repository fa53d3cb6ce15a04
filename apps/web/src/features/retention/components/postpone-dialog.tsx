import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatFileNumber, PostponeRetentionInput, type RetentionReview } from '@ccas/shared';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate } from '../../../lib/dates';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { usePostponeFile } from '../api/postpone-file';

interface PostponeValues {
  reason: string;
  until: string | null;
}

/** "Reporter": keeps a due file until a day (6 months when left empty), with the reason. */
export function PostponeDialog({ file, onClose }: { file: RetentionReview | null; onClose: () => void }) {
  return (
    <Modal opened={file !== null} onClose={onClose} title={file ? `Reporter l’archivage du dossier ${formatFileNumber(file.fileNumber)}` : ''}>
      {file && <PostponeForm key={file.beneficiaryId} file={file} onDone={onClose} />}
    </Modal>
  );
}

function PostponeForm({ file, onDone }: { file: RetentionReview; onDone: () => void }) {
  const postpone = usePostponeFile();
  const toInput = (values: PostponeValues) => ({ beneficiaryId: file.beneficiaryId, reason: values.reason, ...(values.until ? { until: values.until } : {}) });
  const form = useForm<PostponeValues>({
    initialValues: { reason: '', until: null },
    validate: validateWith(PostponeRetentionInput, { toInput, messages: { reason: 'Indiquez la raison du report.' } }),
  });
  const submit = (values: PostponeValues) =>
    postpone.mutate(PostponeRetentionInput.parse(toInput(values)), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: `Archivage du dossier ${formatFileNumber(saved.fileNumber)} reporté au ${formatDate(saved.postponedUntil)}.` });
        onDone();
      },
      onError: (error) => showFieldErrors(form.setErrors, error),
    });
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack>
        <Textarea label="Raison du report" required autosize minRows={2} maxLength={500} data-autofocus {...form.getInputProps('reason')} />
        <DateField label="Reporter jusqu’au" description="Six mois par défaut, trois ans au plus." {...form.getInputProps('until')} />
        <ErrorAlert error={postpone.error} title="Report impossible" />
        <Group>
          <Button type="submit" loading={postpone.isPending}>
            Reporter
          </Button>
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
