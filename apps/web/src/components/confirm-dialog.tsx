import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** The question, naming what is about to be removed and what follows. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** The confirmed action is being saved. */
  pending: boolean;
  /** Why the confirmed action failed, if it did. */
  error: unknown;
  errorTitle: string;
}

/** Asks before a removal: the question, the failure if any, the red confirm button and "Annuler". */
export function ConfirmDialog({ opened, title, children, confirmLabel, onConfirm, onClose, pending, error, errorTitle }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && (
        <Stack>
          <Text>{children}</Text>
          <ErrorAlert error={error} title={errorTitle} />
          <Group>
            <Button color="red.9" loading={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
