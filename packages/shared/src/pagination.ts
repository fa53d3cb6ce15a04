import { z } from 'zod';

/** Keyset pagination: every list answers `{ items, nextCursor }`; pass `nextCursor` back as `cursor`. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A yes/no filter of a list's query string (`?toDo=true`). */
export const QueryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };
