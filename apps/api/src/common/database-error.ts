/** SQLSTATE of a row that conflicts with another under an exclusion constraint. */
export const EXCLUSION_VIOLATION = '23P01';
/** SQLSTATE raised by the database on any write to an anonymised beneficiary file (migration 20261129080000_data_retention). */
export const FILE_ANONYMISED = 'CC410';
/**
 * SQLSTATE raised by `app_anonymise_beneficiary` when, under the file's row lock, the file is not
 * (or no longer) due for archiving (same migration): answered 409.
 */
export const FILE_NOT_DUE = 'CC409';

/**
 * Whether `error` is PostgreSQL refusing a statement with SQLSTATE `code` (on `constraint`, when
 * given and named in the error; any words of the message will do). Prisma 7 reports the codes it does not map itself (an exclusion
 * violation, 23P01, for one) as a known error (P2039, or P2010 from raw queries) carrying the driver
 * adapter's error in `meta.driverAdapterError.cause`; causes and meta are searched so that another
 * wrapping still matches.
 */
export function isDatabaseError(error: unknown, code: string, constraint?: string): boolean {
  const pending: unknown[] = [error];
  for (let depth = 0; pending.length && depth < 20; depth++) {
    const candidate = pending.shift();
    if (typeof candidate !== 'object' || candidate === null) continue;
    const fields = candidate as Record<string, unknown>;
    if ((fields.originalCode ?? fields.code) === code) {
      if (!constraint) return true;
      const message = [fields.originalMessage, fields.message, fields.constraint].filter((part) => typeof part === 'string').join(' ');
      return message === '' || message.includes(constraint);
    }
    pending.push(fields.cause, fields.meta, (fields.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return false;
}
