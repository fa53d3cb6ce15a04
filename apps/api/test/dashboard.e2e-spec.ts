import ExcelJS from 'exceljs';
import pg, { Client } from 'pg';
import { Clock } from '../src/common/clock';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every indicator of the dashboard on a small hand-made CCAS: six files, nine appointments, seven
 * procedures, assessments and referrals around the first quarter of 2026 (Paris time, both ends
 * tested). The expected values are counted by hand from the dataset below.
 */

let t: TestApp;
let team: Team;
let other: Team;
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const files: Record<string, string> = {};
/** The owner's connection writing the dataset, inside the tenant (its triggers check it). */
let db: pg.PoolClient;
let catalogue: Record<string, string>;

async function insert(table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return rows[0].id;
}

/** A file at a site, with its status, opening and status-change instants, and its referent. */
async function file(key: string, site: 0 | 1, status: string, createdAt: string, referent?: TestMember, statusChangedAt = createdAt) {
  files[key] = await insert('beneficiaries', {
    tenant_id: team.tenantId, last_name: `Dossier${key}`, first_name: 'Test', site_id: team.siteIds[site], status, created_at: createdAt, status_changed_at: statusChangedAt,
  });
  if (referent) await db.query('INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id) VALUES ($1, $2, $3)', [team.tenantId, files[key], referent.id]);
}

async function appointment(key: string, startsAt: string, status: string, agents: TestMember[], site: 0 | 1) {
  const [{ id: motifId }] = (await db.query<{ id: string }>('SELECT id FROM appointment_motifs WHERE tenant_id = $1 LIMIT 1', [team.tenantId])).rows;
  const id = await insert('appointments', {
    tenant_id: team.tenantId, beneficiary_id: files[key], site_id: team.siteIds[site], motif_id: motifId, location_type: 'public_office',
    starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(), status, created_by: team.accueil.id,
  });
  for (const agent of agents) await db.query('INSERT INTO appointment_agents (tenant_id, appointment_id, membership_id) VALUES ($1, $2, $3)', [team.tenantId, id, agent.id]);
}

async function procedure(key: string, occurredAt: string, organism: string, type: string, mode: string, minutes: number | null, agent: TestMember) {
  await insert('procedures', {
    tenant_id: team.tenantId, beneficiary_id: files[key], agent_id: agent.id, occurred_at: occurredAt, organism_id: catalogue[`organism:${organism}`],
    procedure_type_id: catalogue[`procedure-type:${type}`], mode, consent: 'ORAL', duration_minutes: minutes, outcome: 'DONE',
  });
}

async function assessment(key: string, occurredAt: string, level: string | null, assessor: TestMember) {
  await insert('digital_assessments', {
    tenant_id: team.tenantId, beneficiary_id: files[key], assessor_id: assessor.id, occurred_at: occurredAt, declined: level === null,
    answers: level && '{}', level, score: level && 0, rule_version: level && 1, decline_reason: level ? null : 'Pas le temps aujourd’hui',
  });
}

async function referral(key: string, occurredAt: string, status: string, agent: TestMember, partnerId: string) {
  await insert('referrals', { tenant_id: team.tenantId, beneficiary_id: files[key], partner_id: partnerId, agent_id: agent.id, occurred_at: occurredAt, status });
}

beforeAll(async () => {
  t = await startTestApp();
  [team, other] = await Promise.all([createTeam(t), createTeam(t)]);
  db = await t.owner.connect();
  await db.query("SELECT set_config('app.tenant_id', $1, false)", [team.tenantId]);
  const { rows } = await db.query<{ kind: string; code: string; id: string }>('SELECT kind, code, id FROM catalogue_entries WHERE tenant_id = $1', [team.tenantId]);
  catalogue = Object.fromEntries(rows.map((entry) => [`${entry.kind}:${entry.code}`, entry.id]));
  const { agent: a, agent2: b } = team;

  // Files: F1 opened before the quarter, F4 archived in it, F5 opened just after it (00:30 in Paris on
  // 1 April), F6 just before its end (23:30 in Paris on 31 March, summer time).
  await file('F1', 0, 'ACTIVE', '2025-12-10T09:00:00Z', a);
  await file('F2', 0, 'ACTIVE', '2026-01-15T09:00:00Z', a);
  await file('F3', 1, 'ACTIVE', '2026-02-20T09:00:00Z', b);
  await file('F4', 0, 'ARCHIVED', '2025-06-01T09:00:00Z', a, '2026-03-10T09:00:00Z');
  await file('F5', 1, 'INACTIVE', '2026-03-31T22:30:00Z', b);
  await file('F6', 1, 'ACTIVE', '2026-03-31T21:30:00Z');

  await appointment('F1', '2026-01-10T09:00:00Z', 'SEEN', [a], 0);
  await appointment('F2', '2026-01-12T09:00:00Z', 'NO_SHOW', [a], 0);
  await appointment('F3', '2026-02-05T13:00:00Z', 'SEEN', [a, b], 1);
  await appointment('F3', '2026-02-06T08:00:00Z', 'EXCUSED', [b], 1);
  await appointment('F1', '2026-03-02T08:00:00Z', 'REVOKED', [a], 0);
  await appointment('F2', '2026-03-03T08:00:00Z', 'PLANNED', [b], 0);
  await appointment('F1', '2025-12-31T22:30:00Z', 'SEEN', [a], 0); // 23:30 on 31 December in Paris: before the quarter
  await appointment('F1', '2026-03-30T13:00:00Z', 'PLANNED', [a], 0); // today (the clock is set below), in the quarter
  await appointment('F3', '2026-04-02T08:00:00Z', 'PLANNED', [b], 1); // in the coming week
  await appointment('F2', '2026-04-06T07:00:00Z', 'PLANNED', [a], 0); // a week from today: not in the coming seven days

  await procedure('F1', '2026-01-05T10:00:00Z', 'CAF', 'RESOURCES_DECLARATION', 'A_LA_PLACE', 20, a);
  await procedure('F2', '2026-01-20T10:00:00Z', 'CAF', 'BENEFIT_APPLICATION', 'AVEC', 40, a);
  await procedure('F3', '2026-02-10T10:00:00Z', 'DGFIP', 'TAX_RETURN', 'A_LA_PLACE', 30, b);
  await procedure('F3', '2026-02-11T10:00:00Z', 'ANTS', 'IDENTITY', 'ORIENTATION', null, b);
  await procedure('F1', '2026-03-31T21:00:00Z', 'CAF', 'CERTIFICATE', 'A_LA_PLACE', 10, a); // 23:00 in Paris on 31 March
  await procedure('F1', '2026-03-31T22:30:00Z', 'CAF', 'CERTIFICATE', 'A_LA_PLACE', 10, a); // 00:30 in Paris on 1 April
  await procedure('F2', '2026-03-15T10:00:00Z', 'OTHER', 'OTHER', 'A_LA_PLACE', 15, a);

  await assessment('F2', '2026-01-15T10:00:00Z', 'A_ACCOMPAGNER', a);
  await assessment('F3', '2026-02-20T10:00:00Z', null, b); // declined: detected all the same
  await assessment('F1', '2025-11-01T10:00:00Z', 'ELOIGNE', a);
  await assessment('F1', '2026-03-01T10:00:00Z', 'AUTONOME_AVEC_AIDE', a); // better than before
  await assessment('F4', '2026-01-10T10:00:00Z', 'AUTONOME', a);
  await assessment('F4', '2026-02-01T10:00:00Z', 'A_ACCOMPAGNER', a); // worse
  await assessment('F5', '2026-03-05T10:00:00Z', 'ELOIGNE', b);
  await assessment('F5', '2026-04-02T10:00:00Z', 'AUTONOME', b); // after the quarter

  const partner = await insert('partners', { tenant_id: team.tenantId, name: 'Médiathèque', kind: 'LIBRARY' });
  await referral('F2', '2026-01-16T10:00:00Z', 'DONE', a, partner);
  await referral('F1', '2026-03-02T10:00:00Z', 'PROPOSED', a, partner);
  await referral('F3', '2026-02-21T10:00:00Z', 'DONE', b, partner);
  await referral('F1', '2025-12-01T10:00:00Z', 'DONE', a, partner);

  db.release(true);

  // Monday 30 March 2026, 10:00 in Paris.
  t.app.get(Clock).set(new Date('2026-03-30T08:00:00Z'));
});
afterAll(async () => {
  t.app.get(Clock).set(null);
  await t.close();
});

const dashboard = async (as: TestMember, query: Record<string, string> = {}) => (await as.get('/api/v1/dashboard').query({ ...Q1, ...query }).expect(200)).body;
const byId = (items: { id: string; label: string; count: number }[]) => Object.fromEntries(items.map((item) => [item.id, item.count]));
const statuses = (items: { status: string; count: number }[]) => Object.fromEntries(items.map((item) => [item.status, item.count]));

describe('the director’s dashboard', () => {
  it('counts files: active today, opened and archived in the period (Paris days), caseload per referent', async () => {
    const { files: figures } = await dashboard(team.manager);
    expect(figures).toEqual({
      active: 4,
      opened: 3,
      archived: 1,
      caseload: [
        { agent: { id: team.agent.id, name: 'Agent Test' }, files: 2 },
        { agent: { id: team.agent2.id, name: 'Agent2 Test' }, files: 1 },
      ],
    });
  });

  it('counts appointments by status, the no-show rate, per agent and site, and the coming week', async () => {
    const { appointments } = await dashboard(team.manager);
    expect(appointments.booked).toBe(7);
    expect(statuses(appointments.byStatus)).toEqual({ PLANNED: 2, SEEN: 2, NO_SHOW: 1, EXCUSED: 1, REVOKED: 1 });
    expect(appointments.noShowRate).toBeCloseTo(1 / 3);
    expect(appointments.perAgent).toEqual([
      { agent: { id: team.agent.id, name: 'Agent Test' }, booked: 5, seen: 2, noShow: 1 },
      { agent: { id: team.agent2.id, name: 'Agent2 Test' }, booked: 3, seen: 1, noShow: 0 },
    ]);
    expect(appointments.perSite).toEqual([
      { site: { id: team.siteIds[0], name: 'Hôtel de ville' }, booked: 5, seen: 1, noShow: 1 },
      { site: { id: team.siteIds[1], name: 'Antenne Nord' }, booked: 2, seen: 1, noShow: 0 },
    ]);
    expect(appointments.nextDays).toEqual([
      { date: '2026-03-30', planned: 1 },
      { date: '2026-03-31', planned: 0 },
      { date: '2026-04-01', planned: 0 },
      { date: '2026-04-02', planned: 1 },
      { date: '2026-04-03', planned: 0 },
      { date: '2026-04-04', planned: 0 },
      { date: '2026-04-05', planned: 0 },
    ]);
  });

  it('counts procedures per month, organism, type, category and mode, the share done in the person’s place and the hours', async () => {
    const { procedures } = await dashboard(team.manager);
    expect(procedures).toMatchObject({ total: 6, inPlace: 4, minutes: 115 });
    expect(procedures.inPlaceShare).toBeCloseTo(4 / 6);
    expect(procedures.perMonth).toEqual([
      { month: '2026-01', total: 2, inPlace: 1, inPlaceShare: 0.5, minutes: 60 },
      { month: '2026-02', total: 2, inPlace: 1, inPlaceShare: 0.5, minutes: 30 },
      { month: '2026-03', total: 2, inPlace: 2, inPlaceShare: 1, minutes: 25 },
    ]);
    expect(procedures.byOrganism[0]).toEqual({ id: catalogue['organism:CAF'], label: 'CAF', count: 3 });
    expect(byId(procedures.byOrganism)).toEqual({ [catalogue['organism:CAF']]: 3, [catalogue['organism:DGFIP']]: 1, [catalogue['organism:ANTS']]: 1, [catalogue['organism:OTHER']]: 1 });
    expect(byId(procedures.byType)).toEqual(
      Object.fromEntries(['RESOURCES_DECLARATION', 'BENEFIT_APPLICATION', 'TAX_RETURN', 'IDENTITY', 'CERTIFICATE', 'OTHER'].map((code) => [catalogue[`procedure-type:${code}`], 1])),
    );
    // The type's category (the organism's when the type has none): null for "Autre démarche" at "Autre organisme".
    expect(procedures.byCategory).toEqual(expect.arrayContaining([{ category: 'social', count: 2 }, { category: 'papiers', count: 2 }, { category: 'argent', count: 1 }, { category: null, count: 1 }]));
    expect(procedures.byCategory).toHaveLength(4);
    expect(procedures.byMode).toEqual([
      { mode: 'A_LA_PLACE', count: 4 },
      { mode: 'AVEC', count: 1 },
      { mode: 'ORIENTATION', count: 1 },
    ]);
  });

  it('measures digital inclusion: detection rate of opened files, latest levels, referrals, people who improved', async () => {
    const { digitalInclusion } = await dashboard(team.manager);
    expect(digitalInclusion).toMatchObject({ openedFiles: 3, assessedFiles: 2, referralsMade: 3, referralsCompleted: 2, improved: 1 });
    expect(digitalInclusion.detectionRate).toBeCloseTo(2 / 3);
    expect(digitalInclusion.levels).toEqual([
      { level: 'AUTONOME', people: 0 },
      { level: 'AUTONOME_AVEC_AIDE', people: 1 },
      { level: 'A_ACCOMPAGNER', people: 2 },
      { level: 'ELOIGNE', people: 1 },
    ]);
  });

  it('narrows every figure to a site (the file’s site for procedures and digital inclusion)', async () => {
    const figures = await dashboard(team.manager, { siteId: team.siteIds[0] });
    expect(figures.scope.site).toEqual({ id: team.siteIds[0], name: 'Hôtel de ville' });
    expect(figures.files).toMatchObject({ active: 2, opened: 1, archived: 1 });
    expect(figures.files.caseload).toEqual([{ agent: { id: team.agent.id, name: 'Agent Test' }, files: 2 }]);
    expect(figures.appointments.booked).toBe(5);
    expect(figures.procedures).toMatchObject({ total: 4, inPlace: 3, minutes: 85 });
    expect(figures.digitalInclusion).toMatchObject({ openedFiles: 1, assessedFiles: 1, referralsMade: 2, referralsCompleted: 1, improved: 1 });
    expect(figures.digitalInclusion.levels.map((level: { people: number }) => level.people)).toEqual([0, 1, 2, 0]);
  });

  it('narrows every figure to an agent: their files, appointments, procedures, assessments and referrals', async () => {
    const figures = await dashboard(team.manager, { agentId: team.agent2.id });
    expect(figures.scope).toMatchObject({ agent: { id: team.agent2.id, name: 'Agent2 Test' }, personal: false });
    expect(figures.files).toEqual({ active: 1, opened: 1, archived: 0, caseload: [{ agent: { id: team.agent2.id, name: 'Agent2 Test' }, files: 1 }] });
    expect(figures.appointments).toMatchObject({ booked: 3, noShowRate: 0 });
    expect(figures.appointments.perAgent).toEqual([{ agent: { id: team.agent2.id, name: 'Agent2 Test' }, booked: 3, seen: 1, noShow: 0 }]);
    expect(figures.procedures).toMatchObject({ total: 2, inPlace: 1, minutes: 30 });
    expect(figures.digitalInclusion).toMatchObject({ openedFiles: 1, assessedFiles: 1, detectionRate: 1, referralsMade: 1, referralsCompleted: 1, improved: 0 });
    expect(figures.digitalInclusion.levels.map((level: { people: number }) => level.people)).toEqual([0, 0, 0, 1]);
  });

  it('counts a period cut inside months: its days at both ends, its whole months between', async () => {
    // 12 January to 2 March: February whole, eighteen days of January and two of March.
    const figures = await dashboard(team.manager, { from: '2026-01-12', to: '2026-03-02' });
    expect(figures.procedures).toMatchObject({ total: 3, inPlace: 1, minutes: 70 });
    expect(figures.procedures.perMonth).toEqual([
      { month: '2026-01', total: 1, inPlace: 0, inPlaceShare: 0, minutes: 40 },
      { month: '2026-02', total: 2, inPlace: 1, inPlaceShare: 0.5, minutes: 30 },
    ]);
    expect(statuses(figures.appointments.byStatus)).toEqual({ PLANNED: 0, SEEN: 1, NO_SHOW: 1, EXCUSED: 1, REVOKED: 1 });
    expect(figures.appointments.perAgent).toEqual([
      { agent: { id: team.agent.id, name: 'Agent Test' }, booked: 3, seen: 1, noShow: 1 },
      { agent: { id: team.agent2.id, name: 'Agent2 Test' }, booked: 2, seen: 1, noShow: 0 },
    ]);
    // Inside one month: days only.
    const days = await dashboard(team.manager, { from: '2026-02-06', to: '2026-02-10', agentId: team.agent2.id });
    expect(days.procedures).toMatchObject({ total: 1, inPlace: 1, minutes: 30 });
    expect(days.appointments.booked).toBe(1);
  });

  it('gives nulls, not zeros, for rates with nothing to divide', async () => {
    const figures = await dashboard(team.manager, { from: '2024-01-01', to: '2024-01-31' });
    expect(figures.appointments).toMatchObject({ booked: 0, noShowRate: null });
    expect(figures.procedures).toMatchObject({ total: 0, inPlaceShare: null, perMonth: [] });
    expect(figures.digitalInclusion.detectionRate).toBeNull();
  });
});

describe('who sees which dashboard', () => {
  it('gives an agent their own figures only', async () => {
    const own = await dashboard(team.agent);
    expect(own.scope).toMatchObject({ agent: { id: team.agent.id }, personal: true });
    expect(own.procedures).toMatchObject({ total: 4, inPlace: 3 });
    expect(own.appointments.perAgent).toEqual([{ agent: { id: team.agent.id, name: 'Agent Test' }, booked: 5, seen: 2, noShow: 1 }]);
    expect((await dashboard(team.agent, { agentId: team.agent.id })).procedures.total).toBe(4);
    const refused = await team.agent.get('/api/v1/dashboard').query({ ...Q1, agentId: team.agent2.id }).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('is closed to the front desk and the administrator', async () => {
    await team.accueil.get('/api/v1/dashboard').query(Q1).expect(403);
    await team.admin.get('/api/v1/dashboard').query(Q1).expect(403);
  });

  it('never shows another tenant’s numbers, nor takes its sites or agents', async () => {
    const theirs = await dashboard(other.manager);
    expect(theirs.files).toMatchObject({ active: 0, opened: 0, archived: 0, caseload: [] });
    expect(theirs.appointments.booked).toBe(0);
    expect(theirs.procedures.total).toBe(0);
    expect(theirs.digitalInclusion).toMatchObject({ openedFiles: 0, referralsMade: 0 });
    await other.manager.get('/api/v1/dashboard').query({ ...Q1, siteId: team.siteIds[0] }).expect(404);
    await other.manager.get('/api/v1/dashboard').query({ ...Q1, agentId: team.agent.id }).expect(404);
  });

  it('audits each reading with its filters', async () => {
    await dashboard(team.manager, { siteId: team.siteIds[1] });
    const { rows } = await t.owner.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND entity_type = 'dashboard' ORDER BY seq DESC LIMIT 1",
      [team.tenantId, team.manager.id],
    );
    expect(rows[0].details).toEqual({ ...Q1, siteId: team.siteIds[1], agentId: null, personal: false });
  });

  it('refuses a period upside down, too long, or not a date, and unknown filters', async () => {
    for (const query of [{ from: '2026-03-31', to: '2026-01-01' }, { from: '2020-01-01', to: '2026-01-01' }, { from: '31/01/2026' }, { to: '' }, { siteId: 'nope' }, { limit: '10' }]) {
      const response = await team.manager.get('/api/v1/dashboard').query({ ...Q1, ...query }).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await team.manager.get('/api/v1/dashboard').expect(400);
  });
});

describe('exports of the tables behind the charts', () => {
  const exported = (as: TestMember, table: string, query: Record<string, string>) =>
    as.get(`/api/v1/exports/dashboard/${table}`).query({ ...Q1, ...query }).responseType('arraybuffer');

  it('gives CSV for French Excel: BOM, `;`, decimal commas, the same figures as the chart', async () => {
    const response = await exported(team.manager, 'procedures-per-month', { format: 'csv' }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="tableau-de-bord-procedures-per-month-2026-01-01-2026-03-31.csv"');
    const text = (response.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n').map((line) => line.split(';'))).toEqual([
      ['Mois', 'Démarches', 'Faites à la place', 'Part faite à la place (%)', 'Heures'],
      ['janvier 2026', '2', '1', '50', '1'],
      ['février 2026', '2', '1', '50', '0,5'],
      ['mars 2026', '2', '2', '100', '0,4'],
      [''],
    ]);
  });

  it('gives an XLSX workbook that reads back to the same table, for a site', async () => {
    const response = await exported(team.manager, 'appointments-per-agent', { format: 'xlsx', siteId: team.siteIds[1] }).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Rendez-vous par agent');
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Agent', 'Rendez-vous', 'Honorés', 'Absences non excusées'],
      ['Agent2 Test', 2, 1, 0],
      ['Agent Test', 1, 1, 0],
    ]);
  });

  it('audits each export with its table, format and filters', async () => {
    await exported(team.manager, 'caseload', { format: 'csv', agentId: team.agent.id }).expect(200);
    const { rows } = await t.owner.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND entity_type = 'dashboard' ORDER BY seq DESC LIMIT 1",
      [team.tenantId, team.manager.id],
    );
    expect(rows[0]).toEqual({ action: 'export', details: { ...Q1, siteId: null, agentId: team.agent.id, personal: false, table: 'caseload', format: 'csv' } });
  });

  it('is for those allowed to export, on their own tenant, with a known table and format', async () => {
    for (const member of [team.agent, team.accueil, team.admin]) await exported(member, 'caseload', { format: 'csv' }).expect(403);
    await exported(other.manager, 'caseload', { format: 'csv', siteId: team.siteIds[0] }).expect(404);
    const unknown = await exported(team.manager, 'salaries', { format: 'csv' }).expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const query of [{ format: 'pdf' }, { format: 'csv', from: '2026-04-01' }, { format: 'csv', limit: '1' }] as Record<string, string>[]) {
      const refused = await exported(team.manager, 'caseload', query).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('the yearly ABS report', () => {
  const report = (as: TestMember, year: string, query: Record<string, string> = {}) =>
    as.get(`/api/v1/exports/abs-report/${year}`).query(query).responseType('arraybuffer');
  /** A sheet's rows as arrays as wide as its header, empty cells as null. */
  const sheetRows = (sheet: ExcelJS.Worksheet) => {
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    return rows.map((row) => Array.from({ length: rows[0].length - 1 }, (_, index) => row[index + 1] ?? null));
  };

  it('sets the year beside the previous one, indicator by indicator and table by table, without naming anyone', async () => {
    const response = await report(team.manager, '2026').expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="rapport-abs-2026.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Synthèse 2026 et 2025', 'Démarches par mois', 'Démarches par façon de faire', 'Démarches par domaine', 'Démarches par organisme',
      'Démarches par type', 'Rendez-vous par statut', 'Rendez-vous par site', 'Niveaux d’autonomie numérique',
    ]);
    const summary = sheetRows(workbook.worksheets[0]);
    expect(summary[0]).toEqual(['Indicateur', '2025', '2026', 'Évolution']);
    // Opened: F1 and F4 in 2025; F2, F3, F6 and F5 (1 April) in 2026. Procedures: none in 2025, seven in 2026.
    expect(summary).toContainEqual(['Dossiers ouverts', 2, 4, '+100 %']);
    expect(summary).toContainEqual(['Démarches', 0, 7, null]);
    expect(summary).toContainEqual(['Démarches faites à la place de la personne', 0, 5, null]);
    // Appointments: P7 (31 December, seen) in 2025; the nine others in 2026 — one no-show among three with a known outcome.
    expect(summary).toContainEqual(['Rendez-vous', 1, 9, '+800 %']);
    expect(summary).toContainEqual(['Taux d’absence non excusée (%)', 0, 33.3, '+33,3 pts']);
    expect(summary).toContainEqual(['Part faite à la place (%)', null, 71.4, null]);
    const months = sheetRows(workbook.getWorksheet('Démarches par mois')!);
    expect(months[0]).toEqual(['Mois', 'Démarches 2025', 'Démarches 2026', 'Faites à la place 2025', 'Faites à la place 2026', 'Part faite à la place (%) 2025', 'Part faite à la place (%) 2026', 'Heures 2025', 'Heures 2026']);
    expect(months.map((row) => row[0])).toEqual(['Mois', 'janvier', 'février', 'mars', 'avril']);
    expect(months[4]).toEqual(['avril', null, 1, null, 1, null, 100, null, 0.2]);
    const everything = JSON.stringify(workbook.worksheets.map(sheetRows));
    expect(everything).not.toMatch(/Agent|Dossier F|DossierF/);
  });

  it('is audited once, for those allowed to export, for a sensible year', async () => {
    await report(team.manager, '2025').expect(200);
    const { rows } = await t.owner.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND action = 'export' ORDER BY seq DESC LIMIT 2",
      [team.tenantId, team.manager.id],
    );
    expect(rows[0].details).toEqual({ report: 'abs', year: 2025, format: 'xlsx' });
    expect(rows[1].details).not.toMatchObject({ report: 'abs', year: 2025 });
    for (const member of [team.agent, team.accueil, team.admin]) await report(member, '2026').expect(403);
    for (const year of ['1999', '2026.5', 'dernière']) await report(team.manager, year).expect(400);
    await report(team.manager, '2026', { format: 'pdf' }).expect(400);
  });
});

describe('exports of whole lists', () => {
  const exported = (as: TestMember, list: string, query: Record<string, string>) =>
    as.get(`/api/v1/exports/${list}`).query({ ...Q1, ...query }).responseType('arraybuffer');
  const csvRows = (body: Buffer) => body.toString('utf8').slice(1).split('\r\n').filter(Boolean).map((line) => line.split(';'));

  it('streams the period’s procedures as CSV, oldest first, structured facts only, announcing the count', async () => {
    const response = await exported(team.manager, 'procedures', { format: 'csv' }).expect(200);
    expect(response.headers['x-total-count']).toBe('6');
    expect(response.headers['content-disposition']).toBe('attachment; filename="procedures-2026-01-01-2026-03-31.csv"');
    const [header, ...rows] = csvRows(response.body);
    expect(header).toEqual(['Date', 'N° de dossier', 'Agent', 'Organisme', 'Type de démarche', 'Domaine', 'Façon de faire', 'Consentement', 'Durée (min)', 'Résultat']);
    expect(rows).toHaveLength(6);
    const fileNumber = (await t.owner.query<{ file_number: number }>('SELECT file_number FROM beneficiaries WHERE id = $1', [files.F1])).rows[0].file_number;
    expect(rows[0]).toEqual([
      '05/01/2026 11:00', `D${String(fileNumber).padStart(5, '0')}`, 'Agent Test', 'CAF', 'Déclaration trimestrielle de ressources (RSA, prime d’activité)',
      'Social, santé', 'Faite à la place de la personne', 'Accord oral recueilli', '20', 'Réalisée',
    ]);
    // Oldest first; 23:00 in Paris on 31 March is in, 00:30 on 1 April is not.
    expect(rows.map((row) => row[0])).toEqual(['05/01/2026 11:00', '20/01/2026 11:00', '10/02/2026 11:00', '11/02/2026 11:00', '15/03/2026 11:00', '31/03/2026 23:00']);
  });

  it('filters by site and agent like the dashboard, and gives XLSX too', async () => {
    expect(csvRows((await exported(team.manager, 'procedures', { format: 'csv', siteId: team.siteIds[1] }).expect(200)).body)).toHaveLength(1 + 2);
    expect(csvRows((await exported(team.manager, 'appointments', { format: 'csv', agentId: team.agent2.id }).expect(200)).body)).toHaveLength(1 + 3);
    const response = await exported(team.manager, 'appointments', { format: 'xlsx' }).expect(200);
    expect(response.headers['x-total-count']).toBe('7');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Date', 'Heure', 'Durée (min)', 'N° de dossier', 'Personne', 'Agents', 'Site', 'Motif', 'Lieu', 'Statut']);
    expect(rows).toHaveLength(1 + 7);
    expect(rows[3]).toEqual(expect.arrayContaining(['05/02/2026', '14:00', 30, 'DOSSIERF3 Test', 'Agent Test, Agent2 Test', 'Antenne Nord', 'Honoré']));
    const opened = csvRows((await exported(team.manager, 'files', { format: 'csv' }).expect(200)).body);
    expect(opened.slice(1).map((row) => row[1])).toEqual(['DossierF2', 'DossierF3', 'DossierF6']);
  });

  it('audits each list export with its filters and size, for those allowed to export only', async () => {
    await exported(team.manager, 'files', { format: 'xlsx', siteId: team.siteIds[0] }).expect(200);
    const { rows } = await t.owner.query<{ entity_type: string; details: Record<string, unknown> }>(
      "SELECT entity_type, details FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND action = 'export' ORDER BY seq DESC LIMIT 1",
      [team.tenantId, team.manager.id],
    );
    expect(rows[0]).toEqual({ entity_type: 'files', details: { ...Q1, siteId: team.siteIds[0], agentId: null, format: 'xlsx', rows: 1 } });
    for (const member of [team.agent, team.accueil, team.admin]) await exported(member, 'procedures', { format: 'csv' }).expect(403);
    await exported(other.manager, 'procedures', { format: 'csv', agentId: team.agent.id }).expect(404);
    expect(csvRows((await exported(other.manager, 'procedures', { format: 'csv' }).expect(200)).body)).toHaveLength(1);
    await exported(team.manager, 'notes', { format: 'csv' }).expect(404);
    await exported(team.manager, 'procedures', { format: 'csv', to: '2020-01-01' }).expect(400);
  });
});

describe('the counts behind the figures', () => {
  /** The counts the triggers keep, without their ids and zero rows. */
  async function counts() {
    const read = async (table: string, value: string) =>
      (await t.owner.query(`SELECT * FROM ${table} WHERE tenant_id = $1 AND ${value} <> 0`, [team.tenantId])).rows
        .map(({ id: _id, ...row }) => JSON.stringify(row))
        .sort();
    return { procedures: await read('procedure_counts', 'procedures'), appointments: await read('appointment_counts', 'appointments'), files: await read('active_file_counts', 'files') };
  }

  it('follow every change of the rows they count, as a recount from the rows shows', async () => {
    const figures = await dashboard(team.manager);
    const client = await t.owner.connect();
    try {
      await client.query("SELECT set_config('app.tenant_id', $1, false)", [team.tenantId]);
      const run = (sql: string, ...params: unknown[]) => client.query(sql, [team.tenantId, ...params]);
      const tenantFile = (key: string) => files[key];
      // A procedure moved to another month, organism and mode; another one's minutes.
      await run("UPDATE procedures SET occurred_at = '2026-02-15T10:00:00Z', organism_id = $2, mode = 'AVEC' WHERE tenant_id = $1 AND occurred_at = '2026-01-05T10:00:00Z'", catalogue['organism:DGFIP']);
      await run("UPDATE procedures SET duration_minutes = 25 WHERE tenant_id = $1 AND occurred_at = '2026-03-15T10:00:00Z'");
      // Appointments seen, moved to another site and month; an agent added, another removed.
      await run("UPDATE appointments SET status = 'SEEN' WHERE tenant_id = $1 AND starts_at = '2026-03-03T08:00:00Z'");
      await run("UPDATE appointments SET starts_at = '2026-02-27T09:00:00Z', ends_at = '2026-02-27T09:30:00Z', site_id = $2 WHERE tenant_id = $1 AND starts_at = '2026-01-12T09:00:00Z'", team.siteIds[1]);
      await run("INSERT INTO appointment_agents (tenant_id, appointment_id, membership_id) SELECT tenant_id, id, $2 FROM appointments WHERE tenant_id = $1 AND starts_at = '2026-01-10T09:00:00Z'", team.agent2.id);
      await run("DELETE FROM appointment_agents WHERE tenant_id = $1 AND membership_id = $2 AND appointment_id = (SELECT id FROM appointments WHERE tenant_id = $1 AND starts_at = '2026-02-05T13:00:00Z')", team.agent.id);
      // A file moved to the other site (its procedures with it), one archived; referents changed.
      await run('UPDATE beneficiaries SET site_id = $2 WHERE tenant_id = $1 AND id = $3', team.siteIds[1], tenantFile('F1'));
      await run("UPDATE beneficiaries SET status = 'ARCHIVED' WHERE tenant_id = $1 AND id = $2", tenantFile('F2'));
      await run('INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id) VALUES ($1, $2, $3)', tenantFile('F6'), team.agent2.id);
      await run('DELETE FROM beneficiary_referents WHERE tenant_id = $1 AND beneficiary_id = $2', tenantFile('F3'));
      // Assessments: a first one for F6 (now assessed), one slipped into F1's chain between two others.
      await run("INSERT INTO digital_assessments (tenant_id, beneficiary_id, assessor_id, occurred_at, declined, answers, level, score, rule_version) VALUES ($1, $2, $3, '2026-03-31T21:45:00Z', false, '{}', 'ELOIGNE', 0, 1)", tenantFile('F6'), team.agent2.id);
      await run("INSERT INTO digital_assessments (tenant_id, beneficiary_id, assessor_id, occurred_at, declined, answers, level, score, rule_version) VALUES ($1, $2, $3, '2026-02-01T10:00:00Z', false, '{}', 'AUTONOME', 0, 1)", tenantFile('F1'), team.agent.id);
      // An organism and a procedure type put in other categories.
      await run("UPDATE catalogue_entries SET category = 'travail' WHERE tenant_id = $1 AND id = $2", catalogue['organism:OTHER']);
      await run('UPDATE catalogue_entries SET category = NULL WHERE tenant_id = $1 AND id = $2', catalogue['procedure-type:TAX_RETURN']);
    } finally {
      client.release(true);
    }

    const changed = await dashboard(team.manager);
    expect(changed).not.toEqual(figures);
    expect(changed.files.active).toBe(3);
    expect(changed.files.caseload).toEqual([{ agent: { id: team.agent.id, name: 'Agent Test' }, files: 1 }, { agent: { id: team.agent2.id, name: 'Agent2 Test' }, files: 1 }]);
    expect(statuses(changed.appointments.byStatus)).toMatchObject({ SEEN: 3, NO_SHOW: 1, PLANNED: 1 });
    expect(changed.procedures.byCategory).toEqual(expect.arrayContaining([{ category: 'travail', count: 1 }]));
    expect(changed.procedures.perMonth.map((month: { total: number }) => month.total)).toEqual([1, 3, 2]);
    // F1's latest level (Autonome avec aide) now follows Autonome: worse, no longer an improvement.
    expect(changed.digitalInclusion).toMatchObject({ openedFiles: 3, assessedFiles: 3, improved: 0 });
    expect(changed.digitalInclusion.levels.map((level: { people: number }) => level.people)).toEqual([0, 1, 2, 2]);

    const kept = await counts();
    await t.owner.query('SELECT app_recount_dashboard($1)', [team.tenantId]);
    expect(await counts()).toEqual(kept);
    expect(await dashboard(team.manager)).toEqual(changed);
  });

  it('stay right when a procedure is logged while its organism changes category and its file changes site', async () => {
    // Three sessions writing at once, and one watching them wait.
    const clients = Array.from({ length: 4 }, () => new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL }));
    await Promise.all(clients.map((client) => client.connect()));
    const [recategorising, logging, moving, watcher] = clients;
    /** Resolves once the client's statement waits for a lock another transaction holds. */
    const blocked = async (client: pg.Client) => {
      const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return async () => {
        while (!(await watcher.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [pid])).rowCount) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
    };
    try {
      for (const client of [recategorising, logging, moving]) {
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
      }
      const [loggingBlocked, movingBlocked] = [await blocked(logging), await blocked(moving)];
      await recategorising.query("UPDATE catalogue_entries SET category = 'logement' WHERE tenant_id = $1 AND id = $2", [team.tenantId, catalogue['organism:OTHER']]);
      // An agent logs a procedure of that organism meanwhile, on a file another member moves to the other site.
      const logged = logging.query(
        `INSERT INTO procedures (tenant_id, beneficiary_id, agent_id, occurred_at, organism_id, procedure_type_id, mode, consent, outcome)
         VALUES ($1, $2, $3, '2026-03-20T10:00:00Z', $4, $5, 'AVEC', 'ORAL', 'DONE')`,
        [team.tenantId, files.F2, team.agent.id, catalogue['organism:OTHER'], catalogue['procedure-type:OTHER']],
      );
      await loggingBlocked();
      const moved = moving.query('UPDATE beneficiaries SET site_id = $2 WHERE tenant_id = $1 AND id = $3', [team.tenantId, team.siteIds[1], files.F2]);
      await movingBlocked();
      await recategorising.query('COMMIT');
      await logged;
      await logging.query('COMMIT');
      await moved;
      await moving.query('COMMIT');
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    const kept = await counts();
    await t.owner.query('SELECT app_recount_dashboard($1)', [team.tenantId]);
    expect(await counts()).toEqual(kept);
  });
});
