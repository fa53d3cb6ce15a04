import type pg from 'pg';
import type { AppointmentStatus } from '@ccas/shared';
import { DEMO_ACCOUNTS } from './accounts';
import { DAY, DEMO_BENEFICIARY, generator, workingTime } from './beneficiaries';

/**
 * About three hundred appointments per demo tenant, from twelve months ago to four weeks ahead, in its agents'
 * agendas at its sites, with realistic statuses (one in eight missed, a few cancelled, the last days' still to be
 * given a status), and one agent's weekly Wednesday afternoon off. The database refuses any overlap of an agent's
 * appointments and absences, so times are drawn against each agent's busy periods. Drawn by a seeded generator;
 * dates are relative to the seeding day, times are Paris wall-clock times.
 */

type DemoTenant = { id: string; sites: readonly { id: string }[] };
interface FileRow { id: string; first_name: string | null; last_name: string | null; status: string; created_at: Date; last_contact_at: Date | null; site_id: string | null; referents: string[] }
interface Motif { id: string; label: string; duration_minutes: number; location_type: string }
interface Row {
  beneficiary_id: string; site_id: string; motif_id: string; location_type: string; starts_at: Date; ends_at: Date; note: string | null;
  status: AppointmentStatus; status_changed_at: Date | null; status_changed_by: string | null; created_by: string; created_at: Date; agents: string[];
}

const MINUTE = 60_000;
// Motif label (seeded by the migration), weight.
const MOTIFS: [string, number][] = [
  ['Suivi de l’accompagnement', 30], ['Aide aux démarches en ligne', 18], ['Premier accueil', 12], ['Demande d’aide financière', 12],
  ['Entretien téléphonique', 10], ['Domiciliation', 7], ['Visite à domicile', 6], ['Entretien en visio', 3],
];
// Practical notes, as the front desk writes them.
const NOTES: Record<string, string[]> = {
  'Premier accueil': ['Venir avec une pièce d’identité et un justificatif de domicile.', 'Interprète en arabe prévu.', 'Orienté·e par l’assistante sociale du collège.'],
  'Aide aux démarches en ligne': ['Apporter ses identifiants France Travail si possible.', 'Venir avec son téléphone portable (code de vérification).', 'Renouvellement de titre de séjour : apporter le récépissé.'],
  'Demande d’aide financière': ['Apporter le dernier avis d’imposition et les trois derniers relevés de compte.', 'Facture d’électricité impayée à apporter.', 'Dossier à présenter en commission du mois.'],
  'Suivi de l’accompagnement': ['Faire le point sur la demande de logement social.', 'Rappeler la veille, la personne oublie souvent.', 'Point sur le dossier MDPH.'],
  'Visite à domicile': ['Troisième étage sans ascenseur.', 'Sonner chez la gardienne, interphone en panne.'],
  'Entretien téléphonique': ['Appeler sur le portable de sa fille.', 'Joignable plutôt le matin.'],
  Domiciliation: ['Renouvellement annuel de l’attestation.', 'Récupérer le courrier en attente.'],
  'Entretien en visio': ['Lien envoyé par SMS la veille.'],
};
// Half-hour grid of the working day, Paris time: mornings 9:00–12:00, afternoons 13:30–17:00.
const STARTS = [540, 570, 600, 630, 660, 690, 810, 840, 870, 900, 930, 960];
/** Karim Benali (CCAS de Villeneuve) is off every Wednesday afternoon; Camille Durand was on leave a week in spring. */
const WEEKLY_ABSENT = 'agent2@villeneuve.test';
const ON_LEAVE = 'agent@villeneuve.test';

/** Inserts the tenant's absences and appointments inside the caller's transaction (files already inserted); returns their numbers. */
export async function seedDemoAppointments(client: pg.Client, tenant: DemoTenant, memberships: ReadonlyMap<string, string>, now = new Date()) {
  const random = generator(`${tenant.id}/appointments`);
  const accounts = DEMO_ACCOUNTS.filter((a) => a.tenantId === tenant.id);
  const idOf = (email: string) => memberships.get(email) ?? fail(email);
  const agents = accounts.filter((a) => a.roles.includes('AGENT')).map((a) => ({ id: idOf(a.email), email: a.email, siteId: a.siteIds[0] ?? tenant.sites[0].id }));
  const frontDesk = accounts.find((a) => a.roles.includes('ACCUEIL'));
  const frontDeskId = frontDesk ? idOf(frontDesk.email) : undefined;
  const motifs = new Map((await client.query<Motif>('SELECT id, label, duration_minutes, location_type FROM appointment_motifs WHERE tenant_id = $1', [tenant.id])).rows.map((m) => [m.label, m]));
  const motif = (label: string) => motifs.get(label) ?? fail(`motif ${label}`);
  const { rows: files } = await client.query<FileRow>(
    `SELECT b.id, b.first_name, b.last_name, b.status, b.created_at, b.last_contact_at, b.site_id,
            coalesce(array_agg(r.membership_id) FILTER (WHERE r.membership_id IS NOT NULL), '{}') AS referents
     FROM beneficiaries b LEFT JOIN beneficiary_referents r ON r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id
     WHERE b.tenant_id = $1 GROUP BY b.tenant_id, b.id ORDER BY b.file_number`, [tenant.id]);
  const isFixed = (f: FileRow) => tenant.id === DEMO_BENEFICIARY.tenantId && f.last_name === DEMO_BENEFICIARY.lastName && f.first_name === DEMO_BENEFICIARY.firstName;

  // Each agent's busy periods, so that nothing drawn overlaps (the exclusion constraint would refuse it).
  const busy = new Map(agents.map((agent) => [agent.id, [] as [number, number][]]));
  const isFree = (ids: string[], from: Date, to: Date) =>
    ids.every((id) => !(busy.get(id) ?? []).some(([start, end]) => start < to.getTime() && from.getTime() < end));
  const take = (ids: string[], from: Date, to: Date) => ids.forEach((id) => busy.get(id)?.push([from.getTime(), to.getTime()]));

  // Absences first: the weekly Wednesday afternoon off and a week of leave.
  const absences: { membership_id: string; starts_at: Date; ends_at: Date; repeats_weekly_until: string | null; label: string }[] = [];
  const weekly = agents.find((agent) => agent.email === WEEKLY_ABSENT);
  if (weekly) {
    const firstWednesday = parisDay(now, -360, 3);
    const until = parisDay(now, 180, 3);
    absences.push({ membership_id: weekly.id, starts_at: parisTime(firstWednesday, 13 * 60 + 30), ends_at: parisTime(firstWednesday, 17 * 60 + 30), repeats_weekly_until: until, label: 'Temps partiel (mercredi après-midi)' });
    for (let day = firstWednesday; day <= until; day = addDays(day, 7)) take([weekly.id], parisTime(day, 13 * 60 + 30), parisTime(day, 17 * 60 + 30));
  }
  const onLeave = agents.find((agent) => agent.email === ON_LEAVE);
  if (onLeave) {
    const monday = parisDay(now, -200, 1);
    const leave: [Date, Date] = [parisTime(monday, 0), parisTime(addDays(monday, 5), 0)];
    absences.push({ membership_id: onLeave.id, starts_at: leave[0], ends_at: leave[1], repeats_weekly_until: null, label: 'Congés' });
    take([onLeave.id], ...leave);
  }

  const rows: Row[] = [];
  const fixed = files.find(isFixed);
  if (fixed) {
    const referent = idOf(DEMO_BENEFICIARY.referentEmail);
    rows.push(...fixedAppointments(fixed, referent, frontDeskId ?? referent, motif, now));
    for (const row of rows) take(row.agents, row.starts_at, row.ends_at);
  }

  const people = files.filter((f) => !isFixed(f)).map((file) => ({
    file,
    weight: random.pick([1, 1, 1, 2, 2, 3, 4]),
    from: Math.max(file.created_at.getTime(), now.getTime() - 365 * DAY),
    // Active files keep coming; the others stopped at their last contact.
    to: file.status === 'ACTIVE' ? now.getTime() + 29 * DAY : (file.last_contact_at ?? file.created_at).getTime(),
  }));
  const target = random.int(280, 340);
  const weights = MOTIFS.reduce((sum, [, weight]) => sum + weight, 0);
  for (let tries = 0; rows.length < target + (fixed ? 2 : 0) && tries < 50_000; tries++) {
    // A year back, busier lately like the procedures; and the next four weeks, well filled.
    const offset = random.chance(0.25) ? random.int(0, 28) : random.int(-365, -1);
    if (offset < 0 && random.int(0, 99) >= (100 * (1 + 0.8 * (1 + offset / 365))) / 1.8) continue;
    const day = parisDay(now, offset, null);
    if (isWeekend(day)) continue;
    const agent = random.pick(agents);
    let roll = random.int(0, weights - 1);
    const label = (MOTIFS.find(([, weight]) => (roll -= weight) < 0) ?? MOTIFS[0])[0];
    const chosen = motif(label);
    const startsAt = parisTime(day, random.pick(STARTS));
    const endsAt = new Date(startsAt.getTime() + chosen.duration_minutes * MINUTE);
    // A few home visits are made in pairs.
    const partner = label === 'Visite à domicile' && random.chance(0.25) ? agents.find((other) => other.id !== agent.id) : undefined;
    const agentIds = partner ? [agent.id, partner.id] : [agent.id];
    if (!isFree(agentIds, startsAt, endsAt)) continue;
    const open = people.filter((p) => p.from <= startsAt.getTime() && startsAt.getTime() < p.to);
    if (!open.length) continue;
    // The agent's own caseload first.
    const theirs = open.filter((p) => p.file.referents.includes(agent.id));
    const pool = theirs.length && random.chance(0.7) ? theirs : open;
    roll = random.int(0, pool.reduce((sum, p) => sum + p.weight, 0) - 1);
    const person = pool.find((p) => (roll -= p.weight) < 0) ?? pool[0];
    take(agentIds, startsAt, endsAt);
    const byFrontDesk = frontDeskId && random.chance(0.6);
    const booked = Math.min(startsAt.getTime() - random.int(1, 21) * DAY - random.int(0, 480) * MINUTE, now.getTime() - random.int(1, 72) * 60 * MINUTE);
    const createdAt = new Date(Math.max(booked, Math.min(person.file.created_at.getTime(), startsAt.getTime() - 3_600_000)));
    const { status, changedAt, changedBy } = drawStatus(random, startsAt, endsAt, createdAt, now, agent.id, frontDeskId ?? agent.id);
    const notes = NOTES[label] ?? [];
    rows.push({
      beneficiary_id: person.file.id, site_id: agent.siteId, motif_id: chosen.id, location_type: chosen.location_type, starts_at: startsAt, ends_at: endsAt,
      note: notes.length && random.chance(0.3) ? random.pick(notes) : null, status, status_changed_at: changedAt, status_changed_by: changedBy,
      created_by: byFrontDesk ? frontDeskId : agent.id, created_at: createdAt, agents: agentIds,
    });
  }

  // Opening hours: the main site every weekday, the others on Tuesday and Thursday mornings.
  for (const [n, site] of tenant.sites.entries()) {
    const ranges = n === 0 ? [1, 2, 3, 4, 5].flatMap((day) => [[day, '09:00', '12:00'], [day, '13:30', '17:00']]) : [[2, '09:00', '12:30'], [4, '09:00', '12:30']];
    await client.query(
      `INSERT INTO site_opening_hours (tenant_id, site_id, weekday, opens_at, closes_at)
       SELECT $1, $2, r.weekday, r.opens_at::time, r.closes_at::time FROM jsonb_to_recordset($3) AS r(weekday int, opens_at text, closes_at text)`,
      [tenant.id, site.id, JSON.stringify(ranges.map(([weekday, opens_at, closes_at]) => ({ weekday, opens_at, closes_at })))],
    );
  }
  for (const absence of absences) {
    await client.query(
      'INSERT INTO absences (tenant_id, membership_id, starts_at, ends_at, repeats_weekly_until, label, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $2, $7)',
      [tenant.id, absence.membership_id, absence.starts_at, absence.ends_at, absence.repeats_weekly_until, absence.label, new Date(absence.starts_at.getTime() - 14 * DAY)],
    );
  }
  const columns = ['id', 'tenant_id', 'beneficiary_id', 'site_id', 'motif_id', 'location_type', 'starts_at', 'ends_at', 'note', 'status', 'status_changed_at', 'status_changed_by', 'created_by', 'created_at', 'updated_at'] as const;
  const { rows: ids } = await client.query<{ id: string }>('SELECT uuidv7() AS id FROM generate_series(1, $1)', [rows.length]);
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200).map((row, n) => ({ ...row, id: ids[start + n].id, tenant_id: tenant.id, updated_at: row.status_changed_at ?? row.created_at }));
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map((column) => `$${values.push(row[column])}`).join(', ')})`);
    await client.query(`INSERT INTO appointments (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
    const agentValues: unknown[] = [];
    const agentTuples = batch.flatMap((row) => row.agents.map((agentId) => `($${agentValues.push(tenant.id)}, $${agentValues.push(row.id)}, $${agentValues.push(agentId)})`));
    await client.query(`INSERT INTO appointment_agents (tenant_id, appointment_id, membership_id) VALUES ${agentTuples.join(', ')}`, agentValues);
  }
  // Reminders of past or cancelled appointments will never leave: what the reminders job would decide.
  await client.query(
    `UPDATE appointment_notifications n SET state = 'SKIPPED', skip_reason = CASE WHEN a.status IN ('EXCUSED', 'REVOKED') THEN 'cancelled' ELSE 'past' END
       FROM appointments a
      WHERE n.tenant_id = $1 AND a.tenant_id = n.tenant_id AND a.id = n.appointment_id AND n.state = 'PENDING'
        AND (a.status IN ('EXCUSED', 'REVOKED') OR a.starts_at < $2)`,
    [tenant.id, now],
  );
  // Appointments the person came to are contacts.
  await client.query(
    `UPDATE beneficiaries b SET last_contact_at = greatest(b.last_contact_at, a.latest)
       FROM (SELECT beneficiary_id, max(starts_at) AS latest FROM appointments WHERE tenant_id = $1 AND status = 'SEEN' GROUP BY beneficiary_id) a
      WHERE b.tenant_id = $1 AND b.id = a.beneficiary_id`,
    [tenant.id],
  );
  return { appointments: rows.length, absences: absences.length };
}

/** Past appointments mostly honoured, one in eight missed, a few cancelled; the last days' partly still to do. */
function drawStatus(random: ReturnType<typeof generator>, startsAt: Date, endsAt: Date, createdAt: Date, now: Date, agentId: string, frontDeskId: string) {
  const roll = random.int(0, 99);
  const cancelledAt = () => new Date(Math.max(createdAt.getTime() + 3_600_000, Math.min(startsAt.getTime() - random.int(2, 72) * 3_600_000, now.getTime() - 3_600_000)));
  if (startsAt.getTime() > now.getTime()) {
    if (roll < 6) return { status: 'EXCUSED' as const, changedAt: cancelledAt(), changedBy: frontDeskId };
    if (roll < 8) return { status: 'REVOKED' as const, changedAt: cancelledAt(), changedBy: agentId };
    return { status: 'PLANNED' as const, changedAt: null, changedBy: null };
  }
  if (now.getTime() - startsAt.getTime() < 6 * DAY && random.chance(0.35)) return { status: 'PLANNED' as const, changedAt: null, changedBy: null };
  const noted = new Date(Math.min(endsAt.getTime() + random.int(5, 240) * MINUTE, now.getTime()));
  if (roll < 75) return { status: 'SEEN' as const, changedAt: noted, changedBy: agentId };
  if (roll < 88) return { status: 'NO_SHOW' as const, changedAt: noted, changedBy: agentId };
  if (roll < 96) return { status: 'EXCUSED' as const, changedAt: cancelledAt(), changedBy: frontDeskId };
  return { status: 'REVOKED' as const, changedAt: cancelledAt(), changedBy: agentId };
}

/** The fixed person: received on appointment at her first interview; excused herself from a follow-up since. */
function fixedAppointments(file: FileRow, referent: string, frontDesk: string, motif: (label: string) => Motif, now: Date): Row[] {
  const first = workingTime(now, 60, 120); // her first interview (demo beneficiaries)
  const excused = parisTime(parisDay(now, -26, 2), 14 * 60); // a Tuesday
  const row = (label: string, startsAt: Date, status: AppointmentStatus, changedAt: Date, changedBy: string, note: string | null): Row => {
    const chosen = motif(label);
    return {
      beneficiary_id: file.id, site_id: file.site_id ?? fail('site of the fixed person'), motif_id: chosen.id, location_type: chosen.location_type,
      starts_at: startsAt, ends_at: new Date(startsAt.getTime() + chosen.duration_minutes * MINUTE), note, status, status_changed_at: changedAt,
      status_changed_by: changedBy, created_by: frontDesk, created_at: new Date(startsAt.getTime() - 8 * DAY), agents: [referent],
    };
  };
  return [
    row('Premier accueil', first, 'SEEN', new Date(first.getTime() + 50 * MINUTE), referent, 'Facture d’électricité et échéancier du fournisseur à apporter.'),
    row('Suivi de l’accompagnement', excused, 'EXCUSED', new Date(excused.getTime() - 2 * DAY), frontDesk, null),
  ];
}

const parisClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
/** The instant Paris clocks show `minutes` after midnight on `day` (YYYY-MM-DD), daylight saving included. */
function parisTime(day: string, minutes: number): Date {
  const guess = Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE;
  const parts = Object.fromEntries(parisClock.formatToParts(new Date(guess)).map((part) => [part.type, part.value]));
  const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess - (shown - guess));
}

/** The Paris day `offset` days from `now`, or the given `weekday` (1 = Monday) of its week. */
function parisDay(now: Date, offset: number, weekday: number | null): string {
  const date = new Date(`${parisClock.format(new Date(now.getTime() + offset * DAY)).slice(0, 10)}T12:00:00Z`);
  if (weekday !== null) date.setUTCDate(date.getUTCDate() + weekday - (date.getUTCDay() || 7));
  return date.toISOString().slice(0, 10);
}

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function fail(message: string): never {
  throw new Error(`demo appointments: ${message}`);
}
