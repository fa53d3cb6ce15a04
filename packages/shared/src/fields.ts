import { z } from 'zod';

/** An enumeration whose codes are the keys of its French labels: the two can never disagree. */
export const enumOf = <T extends Record<string, string>>(labels: T) =>
  z.enum(Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);

/**
 * A UUID written as text, any version, any case: ids kept as free text (an audit event's entity id)
 * are told apart from other references with it.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text as typed; only the NUL character, which no text field can hold, is refused. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\0'), { message: 'Le texte contient un caractère invalide.' });

/** Free text as typed (only surrounding spaces trimmed); an empty field means "not known". */
export const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const requiredText = (max: number) => text(max).min(1);

/** A calendar date `YYYY-MM-DD` (birth dates, due dates), from 1900 to 2999: no time, no time zone. */
export const IsoDate = z.iso.date().refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
  message: 'La date doit être comprise entre 1900 et 2999.',
});

/** A past calendar date from 1900 on (birth dates). */
export const PastDate = IsoDate.refine((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10), {
  message: 'La date doit être comprise entre 1900 et aujourd’hui.',
});

/** An instant with its offset, e.g. `2026-11-28T14:30:00+01:00`, from 1900 to 2999. */
export const Instant = z.iso.datetime({ offset: true }).refine((value) => Date.parse(value) >= Date.UTC(1900, 0, 1) && Date.parse(value) < Date.UTC(3000, 0, 1), {
  message: 'La date doit être comprise entre 1900 et 2999.',
});

/** Something that already happened (a day's margin for clocks and time zones). */
export const PastInstant = Instant.refine((value) => Date.parse(value) <= Date.now() + 24 * 3600 * 1000, {
  message: 'La date ne peut pas être dans le futur.',
});

/** Optimistic-concurrency version of a record, as read. */
export const Version = z.number().int().min(0).max(2_147_483_647);

/** French and international phone numbers as people write them: digits, spaces, dots, dashes, a leading +. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^(\+?[\d .()-]{6,30})?$/, { message: 'Numéro de téléphone invalide.' })
  .transform((value) => (value === '' ? null : value))
  .nullable();

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** A set of values from an enumeration, each at most once. */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'Une valeur est répétée.' });
