import { Alert } from '@mantine/core';
import { errorMessage } from '../lib/forms';

/** A failed request, said in French, announced to screen readers. */
export function ErrorAlert({ error, title = 'Action impossible' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
