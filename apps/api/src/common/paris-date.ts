import { DateTime } from 'luxon';

const TIME_ZONE = 'Europe/Paris';

/** The calendar day (`YYYY-MM-DD`) Paris clocks show at `at`. */
export const parisDate = (at: Date): string => DateTime.fromJSDate(at, { zone: TIME_ZONE }).toISODate()!;

/** `date` (`YYYY-MM-DD`) moved by whole months, clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export const addMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;

/** The instant Paris days start: `YYYY-MM-DD` at 00:00 in Paris (the period `[from, to + 1 day)` covers both days). */
export const parisMidnight = (date: string): Date => DateTime.fromISO(date, { zone: TIME_ZONE }).startOf('day').toJSDate();

/** The instant the Paris day after `date` starts. */
export const parisMidnightAfter = (date: string): Date => DateTime.fromISO(date, { zone: TIME_ZONE }).plus({ days: 1 }).startOf('day').toJSDate();
