import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventClass, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { LOCATION_TYPE_LABELS, type LocationType } from '@ccas/shared';

const TIME_ZONE = 'Europe/Paris';

/** What an agent's calendar shows of an appointment: no name, no note, no contact. */
export interface AgendaEvent {
  id: string;
  version: number;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  status: string;
  locationType: LocationType;
  siteName: string;
  motifLabel: string;
  person: { firstName: string | null; lastName: string | null };
}

/** "N. L." from the first and last names (nothing when neither is known). */
export function initials(person: AgendaEvent['person']): string {
  return [person.firstName, person.lastName]
    .map((name) => name?.trim().charAt(0).toLocaleUpperCase('fr-FR'))
    .filter((letter): letter is string => Boolean(letter))
    .map((letter) => `${letter}.`)
    .join(' ');
}

/**
 * The agent's appointments as iCalendar (RFC 5545): Paris wall-clock times with their VTIMEZONE,
 * one stable UID per appointment (its id) and SEQUENCE (its version), so a calendar application
 * updates an event in place when the appointment moves.
 */
export function agendaCalendar(serviceName: string, events: AgendaEvent[]): string {
  const calendar = ical({
    prodId: { company: 'CCAS', product: 'Agenda', language: 'FR' },
    name: `Mes rendez-vous — ${serviceName}`,
    // No calendar-wide zone name: DTSTAMP and LAST-MODIFIED stay in UTC as RFC 5545 requires; each
    // event carries TZID=Europe/Paris and the generator adds its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 15 * 60,
    x: [{ key: 'X-WR-TIMEZONE', value: TIME_ZONE }],
  });
  for (const event of events) {
    const who = initials(event.person);
    calendar.createEvent({
      id: `${event.id}@ccas`,
      sequence: event.version,
      timezone: TIME_ZONE,
      start: DateTime.fromJSDate(event.startsAt, { zone: TIME_ZONE }),
      end: DateTime.fromJSDate(event.endsAt, { zone: TIME_ZONE }),
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      summary: `RDV${who ? ` ${who}` : ''} — ${event.motifLabel}`,
      location: event.siteName,
      description: LOCATION_TYPE_LABELS[event.locationType],
      status: ICalEventStatus.CONFIRMED,
      class: ICalEventClass.PRIVATE,
    });
  }
  return calendar.toString();
}
