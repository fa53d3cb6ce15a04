import { randomUUID } from 'node:crypto';
import { ANONYMISED_NAME, PROBLEM_TYPES } from '@ccas/shared';
import { Clock } from '../src/common/clock';
import { ReminderDispatcher } from '../src/modules/reminders/reminder-dispatcher';
import { RetentionSweep } from '../src/modules/retention/retention-sweep';
import { booking, motifsOf } from './appointments.helpers';
import { auditEvents } from './support/factories';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let clock: Clock;
let sweep: RetentionSweep;
beforeAll(async () => {
  t = await startTestApp();
  clock = t.app.get(Clock);
  sweep = t.app.get(RetentionSweep);
});
afterEach(() => clock.set(null));
afterAll(() => t.close());

const DAY = 86_400_000;
const MONTH = 30 * DAY;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const later = (ms: number) => new Date(Date.now() + ms);

/** Letters only, so that the search keys (unaccented, lower-case) contain the value as typed. */
const randomWord = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 6).padEnd(6, 'x');

/** Runs the daily job for one tenant at `instant` (other test files' tenants are left alone). */
function runAt(instant: Date, team: Team) {
  clock.set(instant);
  return sweep.run(undefined, { tenantId: team.tenantId });
}

async function createFile(as: TestMember, lastName = `Dossier ${randomWord()}`): Promise<string> {
  const identity = { lastName, firstName: 'Camille', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  return (await as.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
}

/** Files opened long ago (their creation is a contact too): what happens since decides. */
async function openedMonthsAgo(id: string, months: number): Promise<void> {
  await t.owner.query('UPDATE beneficiaries SET created_at = $2, last_contact_at = NULL WHERE id = $1', [id, ago(months * MONTH)]);
}

const interview = (occurredAt: string, overrides: Record<string, unknown> = {}) => ({
  occurredAt,
  channel: 'IN_PERSON_PLANNED',
  durationMinutes: 30,
  themes: ['Logement'],
  summary: 'Point de situation',
  followUpActions: [],
  ...overrides,
});

async function catalogue(as: TestMember) {
  const items = [
    ...(await as.get('/api/v1/catalogues/organism').query({ limit: 100 }).expect(200)).body.items,
    ...(await as.get('/api/v1/catalogues/procedure-type').query({ limit: 100 }).expect(200)).body.items,
  ] as { kind: string; code: string; id: string }[];
  return (kind: string, code: string) => items.find((item) => item.kind === kind && item.code === code)!.id;
}

async function procedure(as: TestMember, beneficiaryId: string, overrides: Record<string, unknown> = {}) {
  const entry = await catalogue(as);
  const body = {
    beneficiaryId,
    organismId: entry('organism', 'CAF'),
    procedureTypeId: entry('procedure-type', 'RESOURCES_DECLARATION'),
    mode: 'AVEC',
    reasons: [],
    consent: 'ORAL',
    durationMinutes: 20,
    outcome: 'DONE',
    ...overrides,
  };
  return (await as.post('/api/v1/procedures').send(body).expect(201)).body;
}

/**
 * A booking at a distinct hour of `day` days from now (negative: in the past), for the team's agent,
 * with its outcome when given. Past ones are booked and marked with the clock set just after them.
 */
let slot = 0;
async function appointment(team: Team, beneficiaryId: string, days: number, overrides: Record<string, unknown> = {}, status?: string) {
  const motif = Object.values(await motifsOf(team.agent))[0];
  slot += 1;
  const startsAt = new Date(Math.floor((Date.now() + days * DAY) / DAY) * DAY + (6 + (slot % 10)) * 3_600_000).toISOString();
  if (days < 0) clock.set(new Date(Date.parse(startsAt) + 2 * 3_600_000));
  try {
    const booked = (await team.agent.post('/api/v1/appointments').send(booking(team, beneficiaryId, motif.id, startsAt, overrides)).expect(201)).body as {
      id: string;
      version: number;
    };
    if (status) await team.agent.post(`/api/v1/appointments/${booked.id}/status`).send({ version: booked.version, status }).expect(200);
    return booked;
  } finally {
    clock.set(null);
  }
}

async function partner(team: Team) {
  return (await team.admin.post('/api/v1/partners').send({ name: `Médiathèque ${randomWord()}`, kind: 'LIBRARY', address: null, contact: null, offer: null }).expect(201))
    .body as { id: string };
}

const ANSWERS = {
  equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true },
  emailAccess: 'WITH_HELP',
  onlineAccounts: ['AMELI'],
  skills: { useDevice: 'ALONE', browse: 'WITH_HELP', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
  barriers: ['READING_WRITING'],
  willingToLearn: 'YES',
};

async function dueIds(as: TestMember, state: 'due' | 'postponed' = 'due'): Promise<string[]> {
  const { body } = await as.get('/api/v1/retention/due').query({ state, limit: 100 }).expect(200);
  return body.items.map((item: { beneficiaryId: string }) => item.beneficiaryId).sort();
}

describe('the daily retention job', () => {
  let team: Team;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    team = await createTeam(t);
    const open = async (name: string) => {
      files[name] = await createFile(team.agent);
      await openedMonthsAgo(files[name], 30);
    };
    for (const name of ['untouched', 'interview25', 'interview23', 'procedure20', 'seen20', 'noShow20', 'assessment20', 'referral20', 'upcoming', 'recent']) {
      await open(name);
    }
    const path = (name: string) => `/api/v1/beneficiaries/${files[name]}`;
    await team.agent.post(`${path('interview25')}/interviews`).send(interview(ago(25 * MONTH))).expect(201);
    await team.agent.post(`${path('interview23')}/interviews`).send(interview(ago(23 * MONTH))).expect(201);
    await procedure(team.agent, files.procedure20, { occurredAt: ago(20 * MONTH) });
    await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: files.assessment20, declined: false, answers: ANSWERS, occurredAt: ago(20 * MONTH) }).expect(201);
    await team.agent.post('/api/v1/referrals').send({ beneficiaryId: files.referral20, partnerId: (await partner(team)).id, occurredAt: ago(20 * MONTH) }).expect(201);
    await appointment(team, files.seen20, -600, {}, 'SEEN');
    await appointment(team, files.noShow20, -600, {}, 'NO_SHOW');
    await appointment(team, files.upcoming, 200);
    await team.agent.post(`${path('recent')}/interviews`).send(interview(ago(2 * DAY))).expect(201);
    // The SEEN status moved last_contact_at; the job must not rely on it alone: forget it.
    await t.owner.query('UPDATE beneficiaries SET last_contact_at = NULL WHERE id = ANY($1)', [[files.seen20, files.procedure20]]);
  });

  it('lists exactly the files with no contact for the delay (24 months by default)', async () => {
    const result = await runAt(new Date(), team);
    expect(result).toMatchObject({ tenants: 1, due: 3, added: 3, cleared: 0, failed: 0 });
    expect(await dueIds(team.manager)).toEqual([files.untouched, files.interview25, files.noShow20].sort());
  });

  it('lists more files as the clock moves on, and each of them once', async () => {
    await runAt(later(2 * MONTH), team);
    expect(await dueIds(team.manager)).toEqual([files.untouched, files.interview25, files.noShow20, files.interview23].sort());
    clock.set(later(5 * MONTH));
    const again = await sweep.run(undefined, { tenantId: team.tenantId });
    expect(again).toMatchObject({ due: 8, added: 4, cleared: 0 });
    expect(await dueIds(team.manager)).toEqual(
      [files.untouched, files.interview25, files.noShow20, files.interview23, files.procedure20, files.seen20, files.assessment20, files.referral20].sort(),
    );
    const { rows } = await t.owner.query('SELECT count(*)::int AS n FROM retention_reviews WHERE tenant_id = $1', [team.tenantId]);
    expect(rows[0].n).toBe(8);
    // The upcoming appointment keeps its file; the recent one stays too.
    expect(await dueIds(team.manager)).not.toContain(files.upcoming);
  });

  it('follows the delay the ADMIN sets, and takes off a file that had a contact since', async () => {
    await team.admin.put('/api/v1/settings/data-protection').send({ retentionMonths: 36, auditRetentionMonths: 12 }).expect(200);
    const longer = await runAt(new Date(), team);
    expect(longer).toMatchObject({ due: 0, cleared: 8 });
    expect(await dueIds(team.manager)).toEqual([]);

    await team.admin.put('/api/v1/settings/data-protection').send({ retentionMonths: 24, auditRetentionMonths: 12 }).expect(200);
    await runAt(new Date(), team);
    expect(await dueIds(team.manager)).toContain(files.untouched);
    await team.agent.post(`/api/v1/beneficiaries/${files.untouched}/interviews`).send(interview(ago(DAY))).expect(201);
    const after = await runAt(new Date(), team);
    expect(after.cleared).toBe(1);
    expect(await dueIds(team.manager)).toEqual([files.interview25, files.noShow20].sort());
  });

  it('refuses to archive a file a contact took off the list since the job ran', async () => {
    await runAt(new Date(), team);
    await team.agent.post(`/api/v1/beneficiaries/${files.interview25}/interviews`).send(interview(ago(DAY))).expect(201);
    const refused = await team.manager.post('/api/v1/retention/archive').send({ beneficiaryIds: [files.noShow20, files.interview25] }).expect(409);
    expect(refused.body.detail).toMatch(/n’est plus à archiver/);
    // All or none: the other file is untouched.
    const { rows } = await t.owner.query('SELECT anonymised_at FROM beneficiaries WHERE id = $1', [files.noShow20]);
    expect(rows[0].anonymised_at).toBeNull();
  });

  it('postpones a file with a reason until a day, then lists it again', async () => {
    await runAt(new Date(), team);
    const until = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    const { body } = await team.manager.post('/api/v1/retention/postpone').send({ beneficiaryId: files.noShow20, reason: 'Dossier contentieux en cours', until }).expect(200);
    expect(body).toMatchObject({ beneficiaryId: files.noShow20, postponedUntil: until, postponeReason: 'Dossier contentieux en cours', postponedBy: { id: team.manager.id } });
    expect(await dueIds(team.manager)).not.toContain(files.noShow20);
    expect(await dueIds(team.manager, 'postponed')).toEqual([files.noShow20]);
    // The job keeps the postponement while the file stays due…
    await runAt(new Date(), team);
    expect(await dueIds(team.manager, 'postponed')).toEqual([files.noShow20]);
    // …and the file comes back on that day.
    clock.set(new Date(`${until}T12:00:00Z`));
    expect(await dueIds(team.manager)).toContain(files.noShow20);
    clock.set(null);

    const defaulted = await team.manager.post('/api/v1/retention/postpone').send({ beneficiaryId: files.noShow20, reason: 'À revoir' }).expect(200);
    expect(defaulted.body.postponedUntil > new Date(Date.now() + 170 * DAY).toISOString().slice(0, 10)).toBe(true);
    const events = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.manager.id, action: 'update' });
    expect(events.map((event) => event.details.target)).toContain('retention-postponement');
  });

  it('pages the list by oldest last contact', async () => {
    await runAt(later(5 * MONTH), team);
    const first = await team.manager.get('/api/v1/retention/due').query({ limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].lastContactAt <= first.body.items[1].lastContactAt).toBe(true);
    expect(first.body.items[0]).toEqual({
      beneficiaryId: expect.any(String),
      fileNumber: expect.any(Number),
      status: 'ACTIVE',
      site: expect.objectContaining({ id: team.siteIds[0] }),
      lastContactAt: expect.any(String),
      dueSince: expect.any(String),
      postponedUntil: null,
      postponeReason: null,
      postponedBy: null,
    });
    const second = await team.manager.get('/api/v1/retention/due').query({ limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items[0].lastContactAt >= first.body.items[1].lastContactAt).toBe(true);
    expect(second.body.items.map((item: { beneficiaryId: string }) => item.beneficiaryId)).not.toContain(first.body.items[0].beneficiaryId);
    const reads = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.manager.id, action: 'read' });
    expect(reads.some((event) => event.details.target === 'due')).toBe(true);
  });

  it('serves every tenant when no tenant is named (the scheduled run)', async () => {
    const result = await sweep.run(new Date());
    expect(result.tenants).toBeGreaterThanOrEqual(3);
    expect(result.failed).toBe(0);
  });
});

describe('archiving while a contact is being recorded', () => {
  it('waits for the file, then sees the contact committed meanwhile and refuses with 409', async () => {
    const team = await createTeam(t);
    const fileId = await createFile(team.agent);
    await openedMonthsAgo(fileId, 30);
    await runAt(new Date(), team);
    clock.set(null);
    expect(await dueIds(team.manager)).toEqual([fileId]);

    // An interview being recorded, as the API does it (interview, then the file's last contact), not yet committed.
    const writer = await t.owner.connect();
    try {
      await writer.query('BEGIN');
      await writer.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
      await writer.query(
        "INSERT INTO interviews (tenant_id, beneficiary_id, author_id, occurred_at, channel) VALUES ($1, $2, $3, now(), 'PHONE')",
        [team.tenantId, fileId, team.agent.id],
      );
      await writer.query('UPDATE beneficiaries SET last_contact_at = now() WHERE id = $1', [fileId]);
      const { rows } = await writer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');

      const archiving = team.manager.post('/api/v1/retention/archive').send({ beneficiaryIds: [fileId] }).then((response) => response);
      // The archiving waits for the writer's lock on the file…
      await waitFor(async () => {
        const blocked = await t.owner.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [rows[0].pid]);
        return blocked.rows.length > 0;
      });
      // …which commits the contact.
      await writer.query('COMMIT');
      const refused = await archiving;
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/n’est plus à archiver/);
    } finally {
      writer.release();
    }
    const { rows } = await t.owner.query('SELECT anonymised_at, last_name FROM beneficiaries WHERE id = $1', [fileId]);
    expect(rows[0].anonymised_at).toBeNull();
    expect(rows[0].last_name).not.toBe(ANONYMISED_NAME);
  });
});

/** Waits for something another connection does, up to 10 s (polling, no fixed sleep). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for the other connection');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('anonymisation of an archived file', () => {
  let team: Team;
  let director: TestMember;
  const lastName = `Quenardel${randomWord()}`;
  const firstName = `Ophelie${randomWord()}`;
  const email = `ophelie.${randomWord()}@example.test`;
  const digits = `06${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const phone = digits.replace(/(\d\d)(?=\d)/g, '$1 ');
  const birthDate = '1931-02-17';
  const values = [lastName, firstName, email, phone, digits, birthDate, '17/02/1931'];
  let fileId: string;
  let fileNumber: number;
  let appointmentIds: string[] = [];

  beforeAll(async () => {
    team = await createTeam(t);
    director = team.manager;
    const identity = { lastName, firstName, birthName: `Nee${lastName}`, alias: `Lili ${firstName}`, birthDate, sex: 'FEMALE', nationality: 'Française' };
    const contact = { phone, email, addressLine: `3 rue ${lastName}`, postalCode: '75011', city: 'Paris', domiciliation: false };
    const created = (await team.agent.post('/api/v1/beneficiaries').send({ identity, contact }).expect(201)).body;
    fileId = created.id;
    fileNumber = created.fileNumber;
    const path = `/api/v1/beneficiaries/${fileId}`;
    const file = (await team.agent.get(path).expect(200)).body;
    await team.agent
      .put(`${path}/situation`)
      .send({ version: file.version, familyStatus: 'WIDOWED', housingStatus: 'HOSTED', housingNote: `Hébergée par la sœur de ${firstName}`, employmentStatus: 'RETIRED', incomeSources: [{ kind: 'PENSION', monthlyAmountCents: 112345 }] })
      .expect(200);
    const again = (await team.agent.get(path).expect(200)).body;
    await team.agent
      .put(`${path}/rights`)
      .send({ version: again.version, benefits: ['ASPA'], cafNumber: '9876543', franceTravailId: null, legalProtection: 'CURATORSHIP', legalProtectionDetail: `Curatelle de ${lastName}` })
      .expect(200);
    await team.agent.post(`${path}/household-members`).send({ relation: 'CHILD', firstName: `Jules ${lastName}`, lastName, birthDate: '1960-05-04', livesInHousehold: false }).expect(201);
    await team.agent.post(`${path}/household-members`).send({ relation: 'SPOUSE', firstName: 'Marcel', lastName, birthDate: '1929-01-02', livesInHousehold: true }).expect(201);
    const first = (
      await team.agent
        .post(`${path}/interviews`)
        .send(
          interview(ago(DAY), {
            summary: `Mme ${lastName} rappellera au ${phone}`,
            note: `Confidence de ${firstName}, née le 17/02/1931`,
            noteVisibility: 'PRIVATE',
            themes: ['Logement', `Chez ${lastName}`],
            followUpActions: [{ label: `Écrire à ${email}`, dueOn: null, done: false }],
          }),
        )
        .expect(201)
    ).body;
    // A revision keeps the former summary: it must go too.
    await team.manager.patch(`${path}/interviews/${first.id}`).send({ version: first.version, summary: 'Synthèse revue par la direction' }).expect(200);
    await team.agent2.post(`${path}/interviews`).send(interview(ago(DAY), { summary: `Suivi de Mme ${lastName}`, note: `Note d’équipe sur ${lastName}`, noteVisibility: 'TEAM', channel: 'PHONE' })).expect(201);
    await procedure(team.agent, fileId, { note: `Déclaration pour ${firstName} ${lastName}`, mode: 'A_LA_PLACE', reasons: ['NO_SKILLS'] });
    await procedure(team.agent, fileId, { consent: 'MANDATE', mandateReference: `AC-${lastName}`, note: null });
    await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: false, answers: ANSWERS }).expect(201);
    await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: true, reason: `${firstName} n’a pas le temps` }).expect(201);
    const referral = await team.agent.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: (await partner(team)).id, reason: `Pour ${lastName}` }).expect(201);
    expect(referral.body.status).toBe('PROPOSED');
    // Consent recorded: the reminders go out, and the outbox keeps a copy of each.
    const latest = (await team.agent.get(path).expect(200)).body;
    await team.agent.put(`${path}/follow-up`).send({ version: latest.version, status: 'ACTIVE', siteId: team.siteIds[0], origin: 'OTHER', originDetail: `Envoyée par ${lastName}`, consentDate: '2026-01-05' }).expect(200);
    const past = await appointment(team, fileId, -3, { note: `Apporter le courrier de ${firstName}` }, 'SEEN');
    const coming = await appointment(team, fileId, 3, { note: `Rappeler ${phone}` });
    appointmentIds = [past.id, coming.id];
    const dispatcher = t.app.get(ReminderDispatcher);
    clock.set(later(2.5 * DAY));
    const sent = await dispatcher.dispatchDue(undefined, { tenantId: team.tenantId });
    clock.set(null);
    expect(sent.sent).toBe(2);
  });

  /** Every text, JSON and array column of every table of the database, as the owner: where each value still appears. */
  async function whereValuesAppear(): Promise<string[]> {
    const { rows: columns } = await t.owner.query<{ table_schema: string; table_name: string; column_name: string; udt_name: string }>(
      `SELECT c.table_schema, c.table_name, c.column_name, c.udt_name
         FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND c.udt_name IN ('text', 'varchar', 'bpchar', 'citext', 'json', 'jsonb', '_text', '_varchar', '_citext', 'date', '_date')`,
    );
    expect(columns.length).toBeGreaterThan(100);
    const patterns = values.map((value) => `%${value.toLowerCase()}%`);
    const found: string[] = [];
    for (const column of columns) {
      const table = `"${column.table_schema}"."${column.table_name}"`;
      const name = `"${column.column_name}"`;
      const { rows } = column.udt_name.includes('date')
        ? // Dates: only this tenant's rows (another test may use the same day); a table without tenant holds no file's data.
          await t.owner.query(
            `SELECT 1 FROM ${table} WHERE ${name}::text LIKE $1 ${(await hasTenant(column.table_schema, column.table_name)) ? 'AND tenant_id = $2' : 'AND false'} LIMIT 1`,
            (await hasTenant(column.table_schema, column.table_name)) ? [`%${birthDate}%`, team.tenantId] : [`%${birthDate}%`],
          )
        : await t.owner.query(`SELECT 1 FROM ${table} WHERE lower(${name}::text) LIKE ANY ($1) LIMIT 1`, [patterns]);
      if (rows.length) found.push(`${column.table_schema}.${column.table_name}.${column.column_name}`);
    }
    return found.sort();
  }

  const tenantTables = new Map<string, boolean>();
  async function hasTenant(schema: string, table: string): Promise<boolean> {
    const key = `${schema}.${table}`;
    if (!tenantTables.has(key)) {
      const { rows } = await t.owner.query('SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3', [schema, table, 'tenant_id']);
      tenantTables.set(key, rows.length > 0);
    }
    return tenantTables.get(key)!;
  }

  /** What statistics count: they must be the same before and after. */
  async function statistics() {
    const q = async (sql: string) => (await t.owner.query(sql, [team.tenantId])).rows;
    return {
      files: await q('SELECT status, sex, family_status, housing_status, employment_status, legal_protection, origin, site_id, benefits, count(*)::int FROM beneficiaries WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1'),
      procedures: await q(
        `SELECT p.mode, p.consent, p.outcome, o.category, count(*)::int FROM procedures p
           JOIN catalogue_entries o ON o.tenant_id = p.tenant_id AND o.id = p.organism_id
          WHERE p.tenant_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ),
      appointments: await q('SELECT status, location_type, count(*)::int FROM appointments WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2'),
      assessments: await q('SELECT declined, level, score, count(*)::int FROM digital_assessments WHERE tenant_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
      referrals: await q('SELECT status, partner_id, count(*)::int FROM referrals WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1'),
      interviews: await q('SELECT channel, duration_minutes, occurred_at, count(*)::int FROM interviews WHERE tenant_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 3'),
      household: await q('SELECT relation, lives_in_household, count(*)::int FROM household_members WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2'),
      notifications: await q('SELECT kind, channel, state, count(*)::int FROM appointment_notifications WHERE tenant_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
    };
  }

  it('erases every personal value from the whole database and keeps the statistics', async () => {
    const before = await whereValuesAppear();
    // The search does find the values where they are: a search that cannot find anything proves nothing.
    const expected = [
      'public.beneficiaries.last_name',
      'public.beneficiaries.first_name',
      'public.beneficiaries.email',
      'public.beneficiaries.phone',
      'public.beneficiaries.birth_date',
      'public.beneficiaries.name_words',
      'public.beneficiaries.search_name',
      'public.beneficiaries.phone_digits',
      'public.beneficiaries.housing_note',
      'public.beneficiary_name_words.word',
      'public.household_members.first_name',
      'public.household_members.last_name',
      'public.interviews.summary',
      'public.interviews.themes',
      'public.interviews.follow_up_actions',
      'public.interview_notes.body',
      'public.interview_revisions.previous',
      'public.procedures.note',
      'public.procedures.mandate_reference',
      'public.appointments.note',
      'public.digital_assessments.decline_reason',
      'public.referrals.reason',
      'public.outbox_messages.recipient',
    ];
    expect(expected.filter((column) => !before.includes(column))).toEqual([]);
    const statsBefore = await statistics();
    // The director's dashboard over the file's whole life, as the director reads it.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const dashboard = async () => (await director.get('/api/v1/dashboard').query({ from: day(-730), to: day(360) }).expect(200)).body;
    const dashboardBefore = await dashboard();

    const archivedAt = later(25 * MONTH);
    await runAt(archivedAt, team);
    expect(await dueIds(director)).toEqual([fileId]);
    const { body } = await director.post('/api/v1/retention/archive').send({ beneficiaryIds: [fileId] }).expect(200);
    expect(body).toEqual({ archived: [{ beneficiaryId: fileId, anonymisedAt: archivedAt.toISOString() }] });
    clock.set(null);

    expect(await whereValuesAppear()).toEqual([]);
    // Every figure stays true: the file now counts as archived instead of active, nothing else moves.
    const dashboardAfter = await dashboard();
    expect({ ...dashboardAfter, files: undefined }).toEqual({ ...dashboardBefore, files: undefined });
    expect(dashboardAfter.files).toEqual({ ...dashboardBefore.files, active: dashboardBefore.files.active - 1, archived: dashboardBefore.files.archived + 1, caseload: [] });
    expect(dashboardBefore.procedures.total).toBeGreaterThan(0);
    expect(dashboardBefore.appointments.booked).toBe(2);
    const statsAfter = await statistics();
    expect({ ...statsAfter, files: undefined }).toEqual({ ...statsBefore, files: undefined });
    // The file itself keeps its categories; only its status says it is archived.
    expect(statsAfter.files).toEqual(statsBefore.files.map((row) => ({ ...row, status: 'ARCHIVED' })));
    const { rows } = await t.owner.query('SELECT income_sources, themes FROM beneficiaries b, interviews i WHERE b.id = $1 AND i.beneficiary_id = b.id', [fileId]);
    expect(rows[0].income_sources).toEqual([{ kind: 'PENSION', monthlyAmountCents: 110000 }]);
    expect(rows.map((row) => row.themes)).toContainEqual(['Logement']);
    const household = await t.owner.query('SELECT first_name, last_name, birth_date FROM household_members WHERE beneficiary_id = $1', [fileId]);
    expect(household.rows).toEqual([
      { first_name: 'Membre anonymisé', last_name: null, birth_date: null },
      { first_name: 'Membre anonymisé', last_name: null, birth_date: null },
    ]);
    // The audit trail says who archived it, with no personal value (checked above with every column).
    const events = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: director.id, action: 'delete' });
    expect(events.map((event) => event.details.target)).toContain('anonymisation');
    expect(appointmentIds).toHaveLength(2);
  });

  it('shows the file as anonymised, with nothing that names the person, on every read route', async () => {
    const path = `/api/v1/beneficiaries/${fileId}`;
    const file = (await team.agent.get(path).expect(200)).body;
    expect(file).toMatchObject({
      anonymisedAt: expect.any(String),
      status: 'ARCHIVED',
      identity: { lastName: ANONYMISED_NAME, firstName: null, birthName: null, alias: null, birthDate: null, nationality: null, sex: 'FEMALE' },
      contact: { phone: null, email: null, addressLine: null, postalCode: null, city: null },
      situation: { housingNote: null, familyStatus: 'WIDOWED' },
      rights: { cafNumber: null, legalProtectionDetail: null, legalProtection: 'CURATORSHIP' },
    });
    const reads = await Promise.all([
      team.agent.get(path),
      team.agent.get(`${path}/household-members`),
      team.agent.get(`${path}/interviews`),
      team.agent.get(`${path}/timeline`),
      team.agent.get('/api/v1/procedures').query({ beneficiaryId: fileId }),
      team.agent.get('/api/v1/appointments').query({ beneficiaryId: fileId }),
      team.agent.get('/api/v1/referrals').query({ beneficiaryId: fileId }),
      team.agent.get('/api/v1/digital-assessments').query({ beneficiaryId: fileId }),
      director.get(`${path}/access-log`),
      director.get('/api/v1/audit-events').query({ entityId: fileId, limit: 100 }),
      team.agent.get('/api/v1/dev/outbox').query({ limit: 100 }),
    ]);
    for (const response of reads) {
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body).toLowerCase();
      for (const value of values) expect(text).not.toContain(value.toLowerCase());
    }
    expect(reads[1].body.items).toHaveLength(2);
    expect(reads[2].body.items).toHaveLength(2);
  });

  it('cannot be found again by its former name, phone or birth date', async () => {
    for (const q of [lastName, firstName, `${lastName} ${firstName}`, lastName.slice(0, 7), phone, '17/02/1931', ANONYMISED_NAME]) {
      const { body } = await team.agent.get('/api/v1/beneficiaries').query({ q }).expect(200);
      expect(body.items.map((item: { id: string }) => item.id)).not.toContain(fileId);
    }
    const { body } = await team.agent.get('/api/v1/beneficiaries').query({ q: String(fileNumber) }).expect(200);
    expect(body.items).toEqual([expect.objectContaining({ id: fileId, lastName: ANONYMISED_NAME, firstName: null, phone: null, anonymisedAt: expect.any(String) })]);
  });

  it('refuses every write to the anonymised file with 410 Gone', async () => {
    const path = `/api/v1/beneficiaries/${fileId}`;
    const file = (await team.agent.get(path).expect(200)).body;
    const member = (await team.agent.get(`${path}/household-members`).expect(200)).body.items[0];
    const motif = Object.values(await motifsOf(team.agent))[0];
    const coming = (await team.agent.get(`/api/v1/appointments/${appointmentIds[1]}`).expect(200)).body;
    const refusals = [
      team.agent.put(`${path}/identity`).send({ version: file.version, lastName: lastName, firstName, birthName: null, alias: null, birthDate: null, sex: null, nationality: null }),
      team.agent.put(`${path}/contact`).send({ version: file.version, phone, email, addressLine: null, postalCode: null, city: null, domiciliation: false }),
      team.agent.post(`${path}/household-members`).send({ relation: 'CHILD', firstName: 'Léa', lastName: null, birthDate: null, livesInHousehold: true }),
      team.agent.put(`${path}/household-members/${member.id}`).send({ version: member.version, relation: 'CHILD', firstName: 'Léa', lastName: null, birthDate: null, livesInHousehold: true }),
      team.agent.post(`${path}/interviews`).send(interview(ago(DAY))),
      team.agent.patch(`/api/v1/appointments/${coming.id}`).send({ version: coming.version, note: `Rappeler ${phone}` }),
      team.agent.post(`/api/v1/appointments/${coming.id}/status`).send({ version: coming.version, status: 'EXCUSED' }),
      team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: true }),
      team.manager.post(`${path}/referents`).send({ membershipId: team.agent2.id }),
      // Removing is changing too: the household's composition, who followed the person.
      team.agent.delete(`${path}/household-members/${member.id}`),
      team.manager.delete(`${path}/referents/${team.agent.id}`),
    ];
    for (const response of await Promise.all(refusals)) {
      expect({ status: response.status, type: response.body.type }).toEqual({ status: 410, type: PROBLEM_TYPES.fileAnonymised });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // Booking was already refused for an archived file (a rule of the appointments), in words of its own.
    const booking422 = await team.agent.post('/api/v1/appointments').send(booking(team, fileId, motif.id, later(20 * DAY).toISOString())).expect(422);
    expect(booking422.body.detail).toMatch(/archivé/);
    const again = await director.post('/api/v1/retention/archive').send({ beneficiaryIds: [fileId] }).expect(410);
    expect(again.body.type).toBe(PROBLEM_TYPES.fileAnonymised);
    const postponed = await director.post('/api/v1/retention/postpone').send({ beneficiaryId: fileId, reason: 'Trop tard' }).expect(410);
    expect(postponed.body.type).toBe(PROBLEM_TYPES.fileAnonymised);
    // The database refuses it too, whoever writes: in a tenant's transaction, any change…
    const client = await t.owner.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
      await expect(client.query("UPDATE beneficiaries SET status = 'ACTIVE' WHERE id = $1", [fileId])).rejects.toThrow(/anonymised/);
      await client.query('ROLLBACK');
      // …and any removal, from the file down to an appointment's agents and notifications.
      const ofFile = (table: string) =>
        table === 'beneficiaries'
          ? 'FROM beneficiaries x WHERE x.id = $1'
          : table.startsWith('appointment_')
            ? `FROM ${table} x USING appointments a WHERE a.id = x.appointment_id AND a.beneficiary_id = $1`
            : `FROM ${table} x WHERE x.beneficiary_id = $1`;
      const tables = ['beneficiaries', 'beneficiary_referents', 'household_members', 'interviews', 'procedures', 'digital_assessments', 'referrals',
        'appointments', 'appointment_agents', 'appointment_notifications'];
      for (const table of tables) {
        // Each has rows to remove: a refusal, not an empty delete.
        const { rows } = await t.owner.query(`SELECT count(*)::int AS n ${ofFile(table).replace(' USING appointments a WHERE', ', appointments a WHERE')}`, [fileId]);
        expect({ table, found: rows[0].n > 0 }).toEqual({ table, found: true });
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
        await expect(client.query(`DELETE ${ofFile(table)}`, [fileId])).rejects.toThrow(/anonymised/);
        await client.query('ROLLBACK');
      }
    } finally {
      client.release();
    }
    // …and outside any tenant (maintenance), a personal value.
    await expect(t.owner.query("UPDATE beneficiaries SET first_name = 'Retour' WHERE id = $1", [fileId])).rejects.toThrow(/beneficiaries_anonymised_check/);
  });
});

describe('retention routes: roles, tenants and input', () => {
  let team: Team;
  let other: Team;
  let due: string;
  beforeAll(async () => {
    team = await createTeam(t);
    other = await createTeam(t);
    due = await createFile(team.agent);
    await openedMonthsAgo(due, 30);
    await runAt(new Date(), team);
    clock.set(null);
  });

  it('lets only the direction review the files due, and only the ADMIN set the delays', async () => {
    for (const member of [team.accueil, team.agent, team.admin]) {
      await member.get('/api/v1/retention/due').expect(403);
      await member.post('/api/v1/retention/archive').send({ beneficiaryIds: [due] }).expect(403);
      await member.post('/api/v1/retention/postpone').send({ beneficiaryId: due, reason: 'Non' }).expect(403);
    }
    expect(await dueIds(team.manager)).toEqual([due]);
    await team.manager.get('/api/v1/settings/data-protection').expect(200, { retentionMonths: 24, auditRetentionMonths: 12 });
    await team.admin.get('/api/v1/settings/data-protection').expect(200);
    for (const member of [team.accueil, team.agent]) await member.get('/api/v1/settings/data-protection').expect(403);
    for (const member of [team.accueil, team.agent, team.manager]) {
      await member.put('/api/v1/settings/data-protection').send({ retentionMonths: 12, auditRetentionMonths: 6 }).expect(403);
    }
    const denied = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.agent.id, action: 'denied' });
    expect(denied.length).toBeGreaterThan(0);
    await t.http.get('/api/v1/retention/due').expect(401);
  });

  it('keeps each tenant to its own files', async () => {
    expect(await dueIds(other.manager)).toEqual([]);
    await other.manager.post('/api/v1/retention/archive').send({ beneficiaryIds: [due] }).expect(404);
    await other.manager.post('/api/v1/retention/postpone').send({ beneficiaryId: due, reason: 'Pas chez nous' }).expect(404);
    const mixed = await createFile(other.agent);
    await team.manager.post('/api/v1/retention/archive').send({ beneficiaryIds: [due, mixed] }).expect(404);
    const { rows } = await t.owner.query('SELECT anonymised_at FROM beneficiaries WHERE id = ANY($1)', [[due, mixed]]);
    expect(rows.map((row) => row.anonymised_at)).toEqual([null, null]);
    // Each tenant's delays are its own.
    await other.admin.put('/api/v1/settings/data-protection').send({ retentionMonths: 36, auditRetentionMonths: 24 }).expect(200);
    await team.manager.get('/api/v1/settings/data-protection').expect(200, { retentionMonths: 24, auditRetentionMonths: 12 });
    await other.manager.get('/api/v1/settings/data-protection').expect(200, { retentionMonths: 36, auditRetentionMonths: 24 });
  });

  it('refuses a file that is not due', async () => {
    const fresh = await createFile(team.agent);
    const archive = await team.manager.post('/api/v1/retention/archive').send({ beneficiaryIds: [fresh] }).expect(409);
    expect(archive.body.detail).toMatch(/n’est pas dans la liste/);
    await team.manager.post('/api/v1/retention/postpone').send({ beneficiaryId: fresh, reason: 'Rien à reporter' }).expect(409);
  });

  it.each([
    ['an empty list', { beneficiaryIds: [] }],
    ['more than 100 files', { beneficiaryIds: Array.from({ length: 101 }, () => randomUUID()) }],
    ['a repeated file', { beneficiaryIds: [randomUUID(), randomUUID()].flatMap((id) => [id, id]) }],
    ['an id that is not one', { beneficiaryIds: ['D00042'] }],
    ['an unknown field', { beneficiaryIds: [randomUUID()], tenantId: randomUUID() }],
    ['no body', undefined],
  ])('answers 400 to an archive request with %s', async (_, body) => {
    const response = await team.manager.post('/api/v1/retention/archive').send(body as object).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    ['no reason', { beneficiaryId: '00000000-0000-4000-8000-000000000000', reason: '  ' }],
    ['a day already past', { reason: 'Plus tard', until: '2020-01-01' }],
    ['a day more than 3 years ahead', { reason: 'Plus tard', until: '2099-01-01' }],
    ['a malformed day', { reason: 'Plus tard', until: '01/02/2027' }],
    ['an unknown field', { reason: 'Plus tard', postponedBy: randomUUID() }],
  ])('answers 400 to a postponement with %s', async (_, body) => {
    const response = await team.manager.post('/api/v1/retention/postpone').send({ beneficiaryId: due, ...body }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it.each([
    [{ state: 'archived' }],
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ cursor: 'not-a-cursor' }],
    [{ unknown: 'x' }],
  ])('answers 400 to a list query %j', async (query) => {
    await team.manager.get('/api/v1/retention/due').query(query).expect(400);
  });

  it.each([
    [{ retentionMonths: 6, auditRetentionMonths: 12 }],
    [{ retentionMonths: 121, auditRetentionMonths: 12 }],
    [{ retentionMonths: 24, auditRetentionMonths: 37 }],
    [{ retentionMonths: 24.5, auditRetentionMonths: 12 }],
    [{ retentionMonths: '24', auditRetentionMonths: 12 }],
    [{ retentionMonths: 24 }],
    [{ retentionMonths: 24, auditRetentionMonths: 12, reminderSms: false }],
  ])('answers 400 to the delays %j', async (body) => {
    await team.admin.put('/api/v1/settings/data-protection').send(body).expect(400);
    await team.admin.get('/api/v1/settings/data-protection').expect(200, { retentionMonths: 24, auditRetentionMonths: 12 });
  });
});

describe('audit purge', () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam(t);
    for (let i = 0; i < 4; i++) await createFile(team.agent);
  });

  const verification = async () => (await team.manager.get('/api/v1/audit-events/verification').expect(200)).body;
  const chain = async () =>
    (await t.owner.query<{ seq: string; occurred_at: Date; prev_hash: string; hash: string; entity_type: string | null; details: Record<string, unknown> }>(
      'SELECT seq, occurred_at, prev_hash, hash, entity_type, details FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
      [team.tenantId],
    )).rows;
  const purge = async () => (await sweep.run(undefined, { tenantId: team.tenantId })).purged;
  const setAuditRetention = (auditRetentionMonths: number) =>
    team.admin.put('/api/v1/settings/data-protection').send({ retentionMonths: 24, auditRetentionMonths }).expect(200);

  /**
   * Makes the tenant's events up to `throughSeq` (all when null) `months` older. The chain trigger
   * stamps each event with the database's clock, which a test cannot move, and the purge counts from
   * that clock: so the owner rewrites the trail as if those events had happened earlier, re-linking
   * the whole chain with audit_event_hash exactly as the trigger links it. Verification then checks
   * the rewritten chain like any other.
   */
  async function backdate(throughSeq: string | null, months: number): Promise<void> {
    const client = await t.owner.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await client.query('UPDATE audit_events SET occurred_at = occurred_at - make_interval(months => $3) WHERE tenant_id = $1 AND ($2::bigint IS NULL OR seq <= $2)', [
        team.tenantId,
        throughSeq,
        months,
      ]);
      const { rows } = await client.query<{ seq: string }>('SELECT seq FROM audit_events WHERE tenant_id = $1 ORDER BY seq', [team.tenantId]);
      let previous: string | null = null;
      for (const { seq } of rows) {
        // The first event keeps its link (to the start of the chain, or to the last checkpoint).
        if (previous) await client.query('UPDATE audit_events SET prev_hash = $3 WHERE tenant_id = $1 AND seq = $2', [team.tenantId, seq, previous]);
        const rehashed = await client.query<{ hash: string }>('UPDATE audit_events e SET hash = audit_event_hash(e) WHERE tenant_id = $1 AND seq = $2 RETURNING hash', [
          team.tenantId,
          seq,
        ]);
        previous = rehashed.rows[0].hash;
      }
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  it('removes only the events older than the audit retention, behind a checkpoint that keeps the chain verifiable', async () => {
    const events = await chain();
    expect(events.length).toBeGreaterThanOrEqual(4);
    // The first two events 13 months old, the third 11: the retention is 12 months.
    await backdate(events[2].seq, 11);
    await backdate(events[1].seq, 2);
    const aged = await chain();

    expect(await purge()).toBe(2);
    const after = await chain();
    expect(after.map((event) => event.seq)).toEqual([...events.slice(2).map((event) => event.seq), String(Number(events.at(-1)!.seq) + 1)]);
    expect(after.at(-1)).toMatchObject({ entity_type: 'audit-events', details: { target: 'purge', throughSeq: Number(events[1].seq), purged: 2, checkpointHash: aged[1].hash } });
    const { rows: checkpoints } = await t.owner.query('SELECT last_seq, last_hash, purged_count FROM audit_checkpoints WHERE tenant_id = $1', [team.tenantId]);
    expect(checkpoints).toEqual([{ last_seq: events[1].seq, last_hash: aged[1].hash, purged_count: '2' }]);
    expect(await verification()).toEqual({ intact: true, checked: expect.any(Number), firstBroken: null });
    // Nothing older is left: a second run removes nothing.
    expect(await purge()).toBe(0);
  });

  it('follows the retention the ADMIN sets, and the chain goes on from the checkpoint when a purge empties it', async () => {
    await setAuditRetention(24);
    const before = await chain();
    // Everything 18 months older: only the event that was 11 months old is now beyond 24 months.
    await backdate(null, 18);
    expect(await purge()).toBe(1);
    expect((await chain()).map((event) => event.seq)).toEqual([...before.slice(1).map((event) => event.seq), String(Number(before.at(-1)!.seq) + 1)]);

    await setAuditRetention(6);
    const purged = await purge();
    // All but the last purge's event and the change of delay: they are from today.
    expect(purged).toBe(before.length - 1);
    expect((await chain()).map((event) => event.details.target)).toEqual(['purge', 'data-protection', 'purge']);

    await backdate(null, 7);
    expect(await purge()).toBe(3);
    expect((await chain()).map((event) => event.entity_type)).toEqual(['audit-events']);
    await createFile(team.agent);
    expect(await verification()).toMatchObject({ intact: true, firstBroken: null });
    const { rows } = await t.owner.query('SELECT count(*)::int AS n FROM audit_checkpoints WHERE tenant_id = $1', [team.tenantId]);
    expect(rows[0].n).toBe(4);
  });

  it('lets the API role purge only what the retention allows, in its own tenant', async () => {
    const { rows: before } = await t.owner.query('SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [team.tenantId]);
    expect(before[0].n).toBeGreaterThan(0);
    const client = await t.appRole.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
      // Recent events: nothing to purge, whoever asks.
      expect((await client.query('SELECT audit_purge_expired() AS purged')).rows).toEqual([{ purged: '0' }]);
      // No cutoff can be given…
      await expect(client.query("SELECT audit_purge_before($1, now() + interval '100 years')", [team.tenantId])).rejects.toThrow(/does not exist/);
      await client.query('ROLLBACK');
      // …and the retention cannot be set under 6 months.
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [team.tenantId]);
      await expect(client.query('UPDATE tenant_settings SET audit_retention_months = 0')).rejects.toThrow(/check constraint/);
      await client.query('ROLLBACK');
      // Outside a tenant's transaction there is no chain to purge.
      await expect(client.query('SELECT audit_purge_expired()')).rejects.toThrow(/no tenant/);
    } finally {
      client.release();
    }
    const { rows: after } = await t.owner.query('SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [team.tenantId]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('still detects tampering after a purge', async () => {
    const client = await t.owner.connect();
    try {
      const [first] = await chain();
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await client.query(`UPDATE audit_events SET details = '{"target":"purge","purged":0}' WHERE tenant_id = $1 AND seq = $2`, [team.tenantId, first.seq]);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      expect(await verification()).toMatchObject({ intact: false, firstBroken: { seq: Number(first.seq), reason: 'altered_event' } });
      // Removing the first kept event shows as a gap after the checkpoint.
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await client.query('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = $2', [team.tenantId, first.seq]);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      expect(await verification()).toMatchObject({ intact: false, firstBroken: { reason: 'missing_event' } });
    } finally {
      client.release();
    }
  });

  it('is refused outside the purge function, even to the owner, and to the API role entirely', async () => {
    await expect(t.owner.query('DELETE FROM audit_events WHERE tenant_id = $1', [team.tenantId])).rejects.toThrow('audit_events is append-only: DELETE refused');
    await expect(t.owner.query('DELETE FROM audit_checkpoints WHERE tenant_id = $1', [team.tenantId])).rejects.toThrow('audit_checkpoints is append-only');
    const client = await t.appRole.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.audit_purge', $1 || ':999999', true)", [team.tenantId]);
      await expect(client.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
