import type { Team, TestMember } from './support/team';
import type { TestApp } from './support/test-app';

/** Helpers shared by the appointment test files: Paris wall-clock times, files, motifs, bookings. */

const DAY = 86_400_000;

/** The instant at which Paris clocks show `date` (YYYY-MM-DD) `time` (HH:MM), DST included. */
export function paris(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const shown = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(guess))
    .reduce<Record<string, string>>((parts, part) => ({ ...parts, [part.type]: part.value }), {});
  const offset = Date.parse(`${shown.year}-${shown.month}-${shown.day}T${shown.hour}:${shown.minute}:00Z`) - guess;
  return new Date(guess - offset).toISOString();
}

/** The calendar day (YYYY-MM-DD) `days` from today: each test books on days of its own. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

export const addMinutes = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

export async function createFile(as: TestMember, lastName = 'Test'): Promise<string> {
  const identity = { lastName, firstName: 'Alix', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  return (await as.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
}

export interface MotifRef {
  id: string;
  label: string;
  durationMinutes: number;
  locationType: string;
}

/** The tenant's motifs by label. */
export async function motifsOf(as: TestMember): Promise<Record<string, MotifRef>> {
  const { body } = await as.get('/api/v1/appointment-motifs').expect(200);
  return Object.fromEntries(body.items.map((motif: MotifRef) => [motif.label, motif]));
}

/** What a booking sends, with overridable fields. */
export const booking = (team: Team, beneficiaryId: string, motifId: string, startsAt: string, overrides: Record<string, unknown> = {}) => ({
  beneficiaryId,
  agentIds: [team.agent.id],
  siteId: team.siteIds[0],
  motifId,
  startsAt,
  durationMinutes: 30,
  ...overrides,
});

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.owner.query<{ n: number }>(sql, params);
  return rows[0].n;
}
