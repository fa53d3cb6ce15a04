import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** Opaque keyset cursors: clients pass back what they were given, never build one. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor back; anything that is not exactly what `encodeCursor` gave is a 400. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const value = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (value.success) return value.data;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({ detail: 'Curseur de pagination invalide.' });
}

const sinceYear1900 = (value: string) => Date.parse(value) >= Date.UTC(1900, 0, 1);

/** The shapes of the cursors the API hands out. */
export const SeqCursor = z.strictObject({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
/** Ranked search results: deep pages mean the search should be refined, not paged through. */
export const OffsetCursor = z.strictObject({ offset: z.number().int().min(0).max(10_000) });
export const IdCursor = z.strictObject({ id: z.uuid() });
export const NameCursor = z.strictObject({ name: z.string().max(300), id: z.uuid() });
export const TimeCursor = z.strictObject({ at: z.iso.datetime().refine(sinceYear1900), id: z.uuid() });
