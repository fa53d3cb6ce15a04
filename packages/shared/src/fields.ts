import { z } from 'zod';

/** Free text as typed (only surrounding spaces trimmed); an empty field means "not known". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** A calendar date `YYYY-MM-DD` (birth dates, due dates): no time, no time zone. */
export const IsoDate = z.iso.date();

/** A past calendar date from 1900 on (birth dates). */
export const PastDate = IsoDate.refine((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10), {
  message: 'La date doit être comprise entre 1900 et aujourd’hui.',
});

/** An instant with its offset, e.g. `2026-11-28T14:30:00+01:00`. */
export const Instant = z.iso.datetime({ offset: true });

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
