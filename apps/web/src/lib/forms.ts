import { schemaResolver } from '@mantine/form';
import { PROBLEM_TYPES } from '@ccas/shared';
import { ApiError } from './api-client';

/** A shared zod schema, as Mantine's resolver reads it. */
export type FormSchema = Parameters<typeof schemaResolver>[0];

export interface ValidateOptions<Values> {
  /** Turns the form's values (strings for every text field) into the shape the schema reads. */
  toInput?: (values: Values) => unknown;
  /** Where an error on a schema path is shown, when the form names the field differently. */
  fieldOf?: (schemaPath: string) => string;
  /** Plain-French messages by form path (`*` for a list index), instead of the generic ones. */
  messages?: Record<string, string>;
}

/**
 * Validates a form with a shared zod schema: the API's own contract, so the form refuses exactly
 * what the API would.
 */
export function validateWith<Values>(schema: FormSchema, options: ValidateOptions<Values> = {}) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: Values) => {
    const errors: Record<string, string> = {};
    for (const [schemaPath, message] of Object.entries(resolve(options.toInput ? options.toInput(values) : values))) {
      const path = options.fieldOf ? options.fieldOf(schemaPath) : schemaPath;
      errors[path] ??= options.messages?.[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? String(message);
    }
    return errors;
  };
}

/** The field messages of a validation problem, keyed by form path (`identity.lastName`). */
export function problemFieldErrors(error: unknown, prefix = ''): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const errors: Record<string, string> = {};
  for (const { path, message } of error.problem.errors) {
    const normalized = path.replace(/^\//, '').replaceAll('/', '.');
    const key = prefix && normalized.startsWith(prefix) ? normalized.slice(prefix.length) : normalized;
    errors[key] = message;
  }
  return errors;
}

/** The sentence to show for a failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.problem.type === PROBLEM_TYPES.validation && error.problem.errors?.length) {
      return error.problem.detail ?? 'Certains champs sont à corriger.';
    }
    if (error.status === 403) return error.problem.detail ?? 'Votre rôle ne permet pas cette action.';
    return error.problem.detail ?? error.problem.title;
  }
  if (error instanceof Error && error.name !== 'ZodError') return error.message;
  return 'Une erreur inattendue est survenue. Réessayez dans quelques instants.';
}

/** Puts the API's field messages on the form's fields, and the focus on the first one. */
export function showFieldErrors(setErrors: (errors: Record<string, string>) => void, error: unknown): void {
  const errors = problemFieldErrors(error);
  setErrors(errors);
  focusFirstError(errors);
}

/** The choices of a Select from a shared table of French labels (`value → label`), in the table's order. */
export const labelOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** An empty text field is sent as null ("not known"); the shared schemas trim and do the same. */
export const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value);

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** An amount stored in euro cents, shown as `1 234,56 €`. */
export const formatCents = (cents: number): string => euros.format(cents / 100);

/**
 * After a refused submit, moves the focus to the first field in error (its message is then read out),
 * in the order of the page. Fields carry their form path in `data-path` (Mantine's getInputProps).
 */
export function focusFirstError(errors: Record<string, unknown>, _values?: unknown, event?: { currentTarget: EventTarget | null }): void {
  const paths = new Set(Object.keys(errors));
  const scope = event?.currentTarget instanceof HTMLElement ? event.currentTarget : document;
  const fields = Array.from(scope.querySelectorAll<HTMLElement>('[data-path]'));
  fields.find((field) => paths.has(field.dataset.path ?? ''))?.focus();
}
