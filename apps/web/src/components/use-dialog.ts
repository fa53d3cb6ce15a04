import { notifications } from '@mantine/notifications';
import { useState } from 'react';

/**
 * The one dialog a list keeps open at a time (add, edit, confirm…), and how it ends: `done` closes it
 * and says what was saved.
 */
export function useDialog<Dialog>() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
  };
  return { dialog, setDialog, done };
}
