// Dates as French users read them: calendar dates `jj/mm/aaaa`, instants in Europe/Paris time.

export const TIME_ZONE = 'Europe/Paris';

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
const longDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A calendar date `YYYY-MM-DD` as `jj/mm/aaaa` (no time zone involved). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant as `jj/mm/aaaa hh:mm`, Paris time. */
export const formatDateTime = (instant: string): string => dateTimeFormat.format(new Date(instant));

/** An instant's time of day, `14:30`, Paris time. */
export const formatTime = (instant: string): string => toParisDateAndTime(instant).time;

/** An instant's day, e.g. `14 mars 2026`, Paris time. */
export const formatLongDate = (instant: string): string => longDateFormat.format(new Date(instant));

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parisWallClock(date: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Today's calendar date in Paris, `YYYY-MM-DD`. */
export function todayInParis(now = new Date()): string {
  const clock = parisWallClock(now);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** An instant split into Paris calendar date `YYYY-MM-DD` and time `HH:mm` (for date and time inputs). */
export function toParisDateAndTime(instant: Date | string): { date: string; time: string } {
  const clock = parisWallClock(new Date(instant));
  return { date: `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`, time: `${pad(clock.hour)}:${pad(clock.minute)}` };
}

/** Offset of Paris from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(utcMillis: number): number {
  const clock = parisWallClock(new Date(utcMillis));
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(utcMillis / 1000) * 1000) / 60_000);
}

/** A Paris wall-clock date and time as an instant with its offset, e.g. `2026-11-28T14:30:00+01:00`. */
export function parisInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset depends on the instant itself (daylight saving time): refine once.
  const offset = parisOffsetMinutes(wallAsUtc - parisOffsetMinutes(wallAsUtc) * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const absolute = Math.abs(offset);
  return `${date}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * An instant as a `Date` whose local fields (year … minute) are its Paris wall-clock time. Calendar
 * components compute with local dates: fed these, they show Paris time whatever the browser's zone.
 */
export function parisWallDate(instant: Date | string): Date {
  const clock = parisWallClock(new Date(instant));
  return new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
}

/** The instant a wall-clock `Date` of `parisWallDate` stands for. */
export const instantOfParisWall = (wall: Date): string =>
  parisInstant(`${pad(wall.getFullYear(), 4)}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`, `${pad(wall.getHours())}:${pad(wall.getMinutes())}`);

/** Age in whole years on today's Paris date. */
export function ageOn(birthDate: string, today = todayInParis()): number {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number);
  const [year, month, day] = today.split('-').map(Number);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

/**
 * Reads a date typed the French way: `14/03/1985`, `14-03-1985`, `14.03.1985`, `14031985`,
 * or ISO `1985-03-14`. Returns `YYYY-MM-DD`, or null when it is not a real date.
 */
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const french = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [0, 0, 0];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
