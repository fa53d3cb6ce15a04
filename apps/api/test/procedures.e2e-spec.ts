import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let fileId: string;
let catalogue: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  const identity = { lastName: 'Perrin', firstName: 'Josiane', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  fileId = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
  const entries = [
    ...(await team.agent.get('/api/v1/catalogues/organism').query({ limit: 100 }).expect(200)).body.items,
    ...(await team.agent.get('/api/v1/catalogues/procedure-type').query({ limit: 100 }).expect(200)).body.items,
  ];
  catalogue = Object.fromEntries(entries.map((entry: { kind: string; code: string; id: string }) => [`${entry.kind}:${entry.code}`, entry.id]));
});
afterAll(() => t.close());

const procedure = (overrides: Record<string, unknown> = {}) => ({
  beneficiaryId: fileId,
  organismId: catalogue['organism:CAF'],
  procedureTypeId: catalogue['procedure-type:RESOURCES_DECLARATION'],
  mode: 'A_LA_PLACE',
  reasons: ['NO_SKILLS', 'NO_EQUIPMENT'],
  consent: 'ORAL',
  durationMinutes: 20,
  outcome: 'DONE',
  note: 'Déclaration trimestrielle faite, accusé de réception remis.',
  ...overrides,
});

const log = async (as: TestMember, overrides: Record<string, unknown> = {}) =>
  (await as.post('/api/v1/procedures').send(procedure(overrides)).expect(201)).body;

describe('logging a procedure', () => {
  it('records who did what, for whom, how and why, dated now unless said otherwise', async () => {
    const before = Date.now();
    const created = await log(team.agent);
    expect(created).toMatchObject({
      beneficiary: { id: fileId, name: 'PERRIN Josiane' },
      agent: { id: team.agent.id },
      organism: { label: 'CAF', category: 'social', retired: false },
      procedureType: { label: 'Déclaration trimestrielle de ressources (RSA, prime d’activité)' },
      mode: 'A_LA_PLACE',
      reasons: ['NO_SKILLS', 'NO_EQUIPMENT'],
      outcome: 'DONE',
      toDo: false,
      editable: true,
    });
    expect(Date.parse(created.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    const file = (await team.agent.get(`/api/v1/beneficiaries/${fileId}`).expect(200)).body;
    expect(file.lastContactAt).toBe(created.occurredAt);
  });

  it('refuses a note that holds the person’s password, and writes nothing', async () => {
    const refused = await team.agent.post('/api/v1/procedures').send(procedure({ note: 'mdp : Soleil2024' })).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'note', message: 'Ne notez jamais les mots de passe ou identifiants de la personne.' }]);
    const { rows } = await t.owner.query("SELECT count(*)::int AS n FROM procedures WHERE note LIKE '%Soleil2024%'");
    expect(rows[0].n).toBe(0);
  });

  it('needs the mandate’s reference with a mandate', async () => {
    await team.agent.post('/api/v1/procedures').send(procedure({ consent: 'MANDATE' })).expect(400);
    const created = await log(team.agent, { consent: 'MANDATE', mandateReference: 'AC-2026-0042' });
    expect(created.mandateReference).toBe('AC-2026-0042');
  });

  it('lets the front desk log an orientation only', async () => {
    await team.accueil.post('/api/v1/procedures').send(procedure({ mode: 'A_LA_PLACE' })).expect(403);
    const orientation = await log(team.accueil, { mode: 'ORIENTATION', reasons: [] });
    await team.accueil.patch(`/api/v1/procedures/${orientation.id}`).send({ version: 0, mode: 'AVEC' }).expect(403);
    await team.accueil.get('/api/v1/procedures').expect(403);
    await team.admin.post('/api/v1/procedures').send(procedure()).expect(403);
  });

  it('offers retired catalogue entries no more, while old procedures keep theirs', async () => {
    const entry = (await team.admin.post('/api/v1/catalogues/organism').send({ label: 'Mission locale', category: 'travail' }).expect(201)).body;
    const old = await log(team.agent, { organismId: entry.id });
    await team.admin.patch(`/api/v1/catalogues/organism/${entry.id}`).send({ retired: true }).expect(200);

    const refused = await team.agent.post('/api/v1/procedures').send(procedure({ organismId: entry.id })).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'organismId', message: 'Organisme inconnu ou retiré.' }]);
    const reread = (await team.manager.get(`/api/v1/procedures/${old.id}`).expect(200)).body;
    expect(reread.organism).toMatchObject({ label: 'Mission locale', retired: true });
    // Editing something else keeps the retired organism.
    await team.agent.patch(`/api/v1/procedures/${old.id}`).send({ version: 0, organismId: entry.id, durationMinutes: 5 }).expect(200);
    // A type given as organism is refused too.
    await team.agent.post('/api/v1/procedures').send(procedure({ organismId: catalogue['procedure-type:CSS'] })).expect(400);
  });

  it('lists the organisms the agent uses most first', async () => {
    const fresh = await createTeam(t);
    const identity = { lastName: 'Colin', firstName: null, birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
    const file = (await fresh.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
    const organisms = (await fresh.agent.get('/api/v1/catalogues/organism').query({ limit: 100 }).expect(200)).body.items;
    const types = (await fresh.agent.get('/api/v1/catalogues/procedure-type').query({ limit: 100 }).expect(200)).body.items;
    const urssaf = organisms.find((o: { code: string }) => o.code === 'URSSAF');
    for (let i = 0; i < 2; i++) {
      await fresh.agent
        .post('/api/v1/procedures')
        .send({ ...procedure(), beneficiaryId: file, organismId: urssaf.id, procedureTypeId: types[0].id })
        .expect(201);
    }
    const [first] = (await fresh.agent.get('/api/v1/catalogues/organism').expect(200)).body.items;
    expect(first).toMatchObject({ code: 'URSSAF', usedByMe: 2 });
    const [forColleague] = (await fresh.agent2.get('/api/v1/catalogues/organism').expect(200)).body.items;
    expect(forColleague.usedByMe).toBe(0);
  });

  it('counts every procedure logged at the same moment by several agents in the director’s figures', async () => {
    // Yesterday to tomorrow in Paris: the writes land in the period even if midnight passes meanwhile.
    const parisDay = (shift: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now() + shift * 86_400_000);
    const period = { from: parisDay(-1), to: parisDay(1) };
    const before = (await team.manager.get('/api/v1/dashboard').query(period).expect(200)).body.procedures.total;
    // Same file, day and site: the procedures share most of their count rows.
    const organisms = ['CAF', 'DGFIP', 'ANTS'];
    const types = ['RESOURCES_DECLARATION', 'TAX_RETURN', 'IDENTITY', 'CERTIFICATE'];
    const writes = Array.from({ length: 24 }, (_, n) =>
      (n % 2 ? team.agent : team.agent2)
        .post('/api/v1/procedures')
        .send(procedure({ organismId: catalogue[`organism:${organisms[n % 3]}`], procedureTypeId: catalogue[`procedure-type:${types[n % 4]}`], mode: n % 5 ? 'A_LA_PLACE' : 'AVEC' })),
    );
    expect((await Promise.all(writes)).map((response) => response.status)).toEqual(Array(24).fill(201));
    const after = (await team.manager.get('/api/v1/dashboard').query(period).expect(200)).body.procedures;
    expect(after.total).toBe(before + 24);
  });
});

describe('the to-do list and edits', () => {
  it('keeps procedures waiting for documents or a follow-up in their agent’s list until closed', async () => {
    const waiting = await log(team.agent2, { outcome: 'PENDING_DOCUMENTS' });
    const followUp = await log(team.agent2, { outcome: 'TO_FOLLOW_UP' });
    await log(team.agent2, { outcome: 'DONE' });
    await log(team.agent, { outcome: 'TO_FOLLOW_UP' });

    const toDo = async () =>
      (await team.agent2.get('/api/v1/procedures').query({ agent: 'me', toDo: 'true' }).expect(200)).body.items.map((p: { id: string }) => p.id);
    expect((await toDo()).sort()).toEqual([waiting.id, followUp.id].sort());

    const closed = await team.agent2.patch(`/api/v1/procedures/${waiting.id}`).send({ version: 0, closed: true }).expect(200);
    expect(closed.body).toMatchObject({ toDo: false, closedAt: expect.any(String), version: 1 });
    expect(await toDo()).toEqual([followUp.id]);
  });

  it('lets only its agent change a procedure, on the version they read', async () => {
    const created = await log(team.agent);
    await team.agent2.patch(`/api/v1/procedures/${created.id}`).send({ version: 0, outcome: 'FAILED' }).expect(403);
    await team.manager.patch(`/api/v1/procedures/${created.id}`).send({ version: 0, outcome: 'FAILED' }).expect(403);
    await team.agent.patch(`/api/v1/procedures/${created.id}`).send({ version: 0, outcome: 'FAILED' }).expect(200);
    await team.agent.patch(`/api/v1/procedures/${created.id}`).send({ version: 0, outcome: 'DONE' }).expect(409);
    await team.agent.patch(`/api/v1/procedures/${created.id}`).send({ version: 1, note: 'password: x' }).expect(400);
    expect((await team.manager.get(`/api/v1/procedures/${created.id}`).expect(200)).body).toMatchObject({ outcome: 'FAILED', editable: false });
  });

  it('shows procedures in the file’s timeline with the interviews, newest first', async () => {
    const identity = { lastName: 'Blanc', firstName: 'René', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
    const file = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
    await team.agent.post(`/api/v1/beneficiaries/${file}/interviews`).send({ occurredAt: '2026-10-01T09:00:00Z', channel: 'PHONE' }).expect(201);
    await log(team.agent, { beneficiaryId: file, occurredAt: '2026-10-02T09:00:00Z' });
    await team.agent.post(`/api/v1/beneficiaries/${file}/interviews`).send({ occurredAt: '2026-10-03T09:00:00Z', channel: 'PHONE' }).expect(201);
    await log(team.agent, { beneficiaryId: file, occurredAt: '2026-09-30T09:00:00Z' });

    const kinds: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: { kind: string }[]; nextCursor: string | null } } = await team.manager
        .get(`/api/v1/beneficiaries/${file}/timeline`)
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .expect(200);
      kinds.push(...body.items.map((item) => item.kind));
      cursor = body.nextCursor;
    } while (cursor);
    expect(kinds).toEqual(['interview', 'procedure', 'interview', 'procedure']);
  });
});

describe('isolation and audit', () => {
  it('hides one tenant’s procedures from another, and audits reads and writes on the file', async () => {
    const created = await log(team.agent);
    const other = await createTeam(t);
    await other.manager.get(`/api/v1/procedures/${created.id}`).expect(404);
    await other.agent.patch(`/api/v1/procedures/${created.id}`).send({ version: 0, outcome: 'FAILED' }).expect(404);
    await other.agent.post('/api/v1/procedures').send(procedure()).expect(404);
    expect((await other.manager.get('/api/v1/procedures').expect(200)).body.items).toEqual([]);
    // Their own catalogue ids do not reach into this tenant either.
    const theirs = (await other.agent.get('/api/v1/catalogues/organism').expect(200)).body.items[0].id;
    await team.agent.post('/api/v1/procedures').send(procedure({ organismId: theirs })).expect(400);

    const { rows } = await t.owner.query(
      `SELECT action, details->>'target' AS target FROM audit_events
        WHERE tenant_id = $1 AND entity_id = $2 AND details->>'procedureId' = $3 ORDER BY seq`,
      [team.tenantId, fileId, created.id],
    );
    expect(rows).toEqual(expect.arrayContaining([{ action: 'create', target: 'procedure' }]));
    await team.manager.get(`/api/v1/procedures/${created.id}`).expect(200);
    const after = await t.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND details->>'procedureId' = $2`, [
      team.tenantId,
      created.id,
    ]);
    expect(after.rows[0].n).toBe(rows.length + 1);
  });

  it.each([
    ['an unknown mode', { mode: 'PAR_TELEPATHIE' }],
    ['a repeated reason', { reasons: ['URGENCY', 'URGENCY'] }],
    ['a date in the future', { occurredAt: '2099-01-01T10:00:00Z' }],
    ['an unknown field', { password: 'x' }],
    ['a too long note', { note: 'a'.repeat(5001) }],
    ['a non-UUID organism', { organismId: "' OR 1=1 --" }],
  ])('refuses %s with a 4xx problem and writes nothing', async (_, overrides) => {
    const { rows: before } = await t.owner.query('SELECT count(*)::int AS n FROM procedures');
    const response = await team.agent.post('/api/v1/procedures').send(procedure(overrides));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const { rows: after } = await t.owner.query('SELECT count(*)::int AS n FROM procedures');
    expect(after[0].n).toBe(before[0].n);
  });
});
