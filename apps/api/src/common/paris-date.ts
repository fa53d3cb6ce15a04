import { DateTime } from 'luxon';

const TIME_ZONE = 'Europe/Paris';

/** The calendar day (`YYYY-MM-DD`) Paris clocks show at `at`. */
export const parisDate = (at: Date): string => DateTime.fromJSDate(at, { zone: TIME_ZONE }).toISODate()!;

/** `date` (`YYYY-MM-DD`) moved by whole months, clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export const addMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;
