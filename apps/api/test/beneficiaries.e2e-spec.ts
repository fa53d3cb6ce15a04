import { PROBLEM_TYPES } from '@ccas/shared';
import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
});
afterAll(() => t.close());

const identity = (overrides: Record<string, unknown> = {}) => ({
  lastName: 'Dupont',
  firstName: 'Marie',
  birthName: null,
  alias: null,
  birthDate: null,
  sex: null,
  nationality: null,
  ...overrides,
});

async function createFile(overrides: Record<string, unknown> = {}, as = team.agent) {
  const response = await as.post('/api/v1/beneficiaries').send({ identity: identity(overrides) }).expect(201);
  return response.body as { id: string; version: number; fileNumber: number };
}

describe('creating a file', () => {
  it('needs only a name or an alias, and gives sequential file numbers per tenant', async () => {
    const first = await createFile({ lastName: null, firstName: null, alias: 'Jojo du canal' });
    const second = await createFile({ lastName: 'Martin' }, team.accueil);
    expect(second.fileNumber).toBe(first.fileNumber + 1);

    const refused = await team.agent.post('/api/v1/beneficiaries').send({ identity: identity({ lastName: null }) }).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'identity.lastName', message: 'Indiquez au moins un nom ou un alias.' }]);
  });

  it('makes the social worker who opens it a referent, not the front desk', async () => {
    const byAgent = await team.agent.get(`/api/v1/beneficiaries/${(await createFile()).id}`).expect(200);
    expect(byAgent.body.referents).toEqual([{ id: team.agent.id, name: 'Agent Test' }]);
    const byFrontDesk = await team.agent.get(`/api/v1/beneficiaries/${(await createFile({}, team.accueil)).id}`).expect(200);
    expect(byFrontDesk.body.referents).toEqual([]);
  });

  it('warns of likely duplicates (same birth date, similar name) and creates only once confirmed', async () => {
    const existing = await createFile({ lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1961-07-02' });
    const attempt = { identity: identity({ lastName: 'LEFEVRE', firstName: 'Helene', birthDate: '1961-07-02' }) };

    const warned = await team.accueil.post('/api/v1/beneficiaries').send(attempt).expect(409);
    expect(warned.body.type).toBe(PROBLEM_TYPES.possibleDuplicates);
    expect(warned.body.duplicates).toEqual([
      { id: existing.id, fileNumber: existing.fileNumber, name: 'LEFÈVRE Hélène', birthDate: '1961-07-02' },
    ]);
    // Being shown an existing file is a read of it.
    const log = (await team.manager.get(`/api/v1/beneficiaries/${existing.id}/access-log`).expect(200)).body;
    expect(log.items[1]).toMatchObject({ actor: { id: team.accueil.id }, action: 'read', target: 'duplicate-warning' });

    // Another birth date, or a clearly different name, is another person.
    await team.accueil.post('/api/v1/beneficiaries').send({ identity: identity({ lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1961-07-03' }) }).expect(201);
    await team.accueil.post('/api/v1/beneficiaries').send({ identity: identity({ lastName: 'Bernard', firstName: 'Paul', birthDate: '1961-07-02' }) }).expect(201);

    const confirmed = await team.accueil.post('/api/v1/beneficiaries').send({ ...attempt, ignoreDuplicates: true }).expect(201);
    expect(confirmed.body.fileNumber).toBeGreaterThan(existing.fileNumber);
  });

  it('refuses a site of another tenant', async () => {
    const other = await createTeam(t);
    const response = await team.agent
      .post('/api/v1/beneficiaries')
      .send({ identity: identity(), siteId: other.siteIds[0] })
      .expect(400);
    expect(response.body.detail).toBe('Ce site n’existe pas dans votre structure.');
  });
});

describe('sections of a file', () => {
  const sections = {
    identity: identity({ lastName: 'Nguyen', firstName: 'Thi Lan', birthName: 'Tran', alias: null, birthDate: '1979-11-23', sex: 'FEMALE', nationality: 'Vietnamienne' }),
    contact: { phone: '+33 6 12 34 56 78', email: 'lan.nguyen@example.fr', addressLine: 'CCAS, 1 place de la Mairie', postalCode: '94290', city: 'Villeneuve', domiciliation: true },
    situation: {
      familyStatus: 'SEPARATED',
      housingStatus: 'HOSTED',
      housingNote: 'Hébergée chez sa sœur depuis mars, situation tendue.',
      employmentStatus: 'JOB_SEEKER',
      incomeSources: [
        { kind: 'RSA', monthlyAmountCents: 63570 },
        { kind: 'FAMILY_ALLOWANCES', monthlyAmountCents: 14850 },
      ],
    },
    rights: { benefits: ['RSA', 'CSS'], cafNumber: '1234567', franceTravailId: '0123456A', legalProtection: 'CURATORSHIP', legalProtectionDetail: 'UDAF 94' },
  };

  it('writes and reads back every section, each on its own', async () => {
    let file = await team.agent.get(`/api/v1/beneficiaries/${(await createFile()).id}`).expect(200).then((r) => r.body);
    for (const [section, data] of Object.entries(sections)) {
      file = (await team.agent.put(`/api/v1/beneficiaries/${file.id}/${section}`).send({ version: file.version, ...data }).expect(200)).body;
    }
    const consentDate = new Date().toISOString().slice(0, 10);
    file = (
      await team.agent
        .put(`/api/v1/beneficiaries/${file.id}/follow-up`)
        .send({ version: file.version, status: 'ACTIVE', siteId: team.siteIds[1], origin: 'PARTNER', originDetail: 'Orientée par la PMI', consentDate })
        .expect(200)
    ).body;

    const read = (await team.agent.get(`/api/v1/beneficiaries/${file.id}`).expect(200)).body;
    expect(read.version).toBe(5);
    expect(read.identity).toEqual(sections.identity);
    expect(read.contact).toEqual(sections.contact);
    expect(read.situation).toEqual(sections.situation);
    expect(read.rights).toEqual(sections.rights);
    expect(read.followUp).toEqual({
      status: 'ACTIVE',
      siteId: team.siteIds[1],
      origin: 'PARTNER',
      originDetail: 'Orientée par la PMI',
      consentDate,
      consentRecordedBy: { id: team.agent.id, name: 'Agent Test' },
    });
    expect(read.site).toEqual({ id: team.siteIds[1], name: 'Antenne Nord' });
  });

  it('refuses a stale edit with 409 and overwrites nothing', async () => {
    const { id } = await createFile({ lastName: 'Petit' });
    await team.agent.put(`/api/v1/beneficiaries/${id}/contact`).send({ version: 0, ...sections.contact }).expect(200);

    const stale = await team.agent2
      .put(`/api/v1/beneficiaries/${id}/contact`)
      .send({ version: 0, ...sections.contact, phone: '01 02 03 04 05' })
      .expect(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body.type).toBe(PROBLEM_TYPES.staleVersion);
    expect(stale.body.detail).toContain('modifié par quelqu’un d’autre');

    const read = (await team.agent.get(`/api/v1/beneficiaries/${id}`).expect(200)).body;
    expect(read.contact.phone).toBe('+33 6 12 34 56 78');
    expect(read.version).toBe(1);
  });

  it('keeps who recorded the consent until the consent itself changes', async () => {
    const { id } = await createFile();
    const followUp = { status: 'ACTIVE', siteId: null, origin: null, originDetail: null, consentDate: '2026-01-15' };
    await team.agent.put(`/api/v1/beneficiaries/${id}/follow-up`).send({ version: 0, ...followUp }).expect(200);
    const edited = await team.agent2.put(`/api/v1/beneficiaries/${id}/follow-up`).send({ version: 1, ...followUp, origin: 'SPONTANEOUS' }).expect(200);
    expect(edited.body.followUp.consentRecordedBy.id).toBe(team.agent.id);
    const withdrawn = await team.agent2.put(`/api/v1/beneficiaries/${id}/follow-up`).send({ version: 2, ...followUp, consentDate: null }).expect(200);
    expect(withdrawn.body.followUp.consentRecordedBy).toBeNull();
  });

  it('shows the front desk identity and contact only, and lets it correct them but nothing else', async () => {
    const { id } = await createFile();
    await team.agent.put(`/api/v1/beneficiaries/${id}/situation`).send({ version: 0, ...sections.situation }).expect(200);

    const seen = (await team.accueil.get(`/api/v1/beneficiaries/${id}`).expect(200)).body;
    expect(Object.keys(seen).sort()).toEqual(
      ['anonymisedAt', 'contact', 'createdAt', 'fileNumber', 'id', 'identity', 'lastContactAt', 'noShowCount', 'referents', 'site', 'status', 'version'].sort(),
    );
    expect(JSON.stringify(seen)).not.toContain('Hébergée');

    await team.accueil.put(`/api/v1/beneficiaries/${id}/contact`).send({ version: 1, ...sections.contact }).expect(200);
    for (const section of ['situation', 'rights', 'follow-up']) {
      await team.accueil.put(`/api/v1/beneficiaries/${id}/${section}`).send({ version: 2 }).expect(403);
    }
    await team.accueil.get(`/api/v1/beneficiaries/${id}/household-members`).expect(403);
    await team.accueil.get(`/api/v1/beneficiaries/${id}/interviews`).expect(403);
    await team.accueil.get(`/api/v1/beneficiaries/${id}/timeline`).expect(403);
  });

  it('gives the tenant administrator no social content', async () => {
    const { id } = await createFile();
    await team.admin.get('/api/v1/beneficiaries').expect(403);
    await team.admin.get(`/api/v1/beneficiaries/${id}`).expect(403);
    await team.admin.get(`/api/v1/beneficiaries/${id}/timeline`).expect(403);
  });

  it('lets a manager read the administrative data but not edit the social sections', async () => {
    const { id } = await createFile();
    const read = (await team.manager.get(`/api/v1/beneficiaries/${id}`).expect(200)).body;
    expect(read.situation).toBeDefined();
    await team.manager.put(`/api/v1/beneficiaries/${id}/situation`).send({ version: 0, ...sections.situation }).expect(403);
  });
});

describe('household members', () => {
  it('adds, edits and removes members of the household', async () => {
    const { id } = await createFile();
    const path = `/api/v1/beneficiaries/${id}/household-members`;
    const child = { relation: 'CHILD', firstName: 'Léa', lastName: 'Dupont', birthDate: '2015-04-09', livesInHousehold: true };
    const added = (await team.agent.post(path).send(child).expect(201)).body;
    await team.agent.post(path).send({ relation: 'SPOUSE', firstName: 'Karim', lastName: null, birthDate: null, livesInHousehold: false }).expect(201);

    const edited = await team.agent.put(`${path}/${added.id}`).send({ version: 0, ...child, livesInHousehold: false }).expect(200);
    expect(edited.body).toEqual({ id: added.id, version: 1, ...child, livesInHousehold: false });
    await team.agent2.put(`${path}/${added.id}`).send({ version: 0, ...child }).expect(409);

    await team.agent.delete(`${path}/${added.id}`).expect(204);
    const listed = (await team.manager.get(path).expect(200)).body;
    expect(listed.items.map((member: { firstName: string }) => member.firstName)).toEqual(['Karim']);
    expect(listed.nextCursor).toBeNull();
    await team.agent.delete(`${path}/${added.id}`).expect(404);
  });
});

describe('referents', () => {
  it('lets a social worker follow a file themself, and only a manager choose someone else', async () => {
    const { id } = await createFile({}, team.accueil);
    const path = `/api/v1/beneficiaries/${id}/referents`;
    await team.agent2.post(path).send({ membershipId: team.agent.id }).expect(403);
    const self = await team.agent2.post(path).send({ membershipId: team.agent2.id }).expect(200);
    expect(self.body.referents).toEqual([{ id: team.agent2.id, name: 'Agent2 Test' }]);

    const assigned = await team.manager.post(path).send({ membershipId: team.agent.id }).expect(200);
    expect(assigned.body.referents.map((r: { id: string }) => r.id)).toEqual([team.agent2.id, team.agent.id]);
    await team.manager.post(path).send({ membershipId: team.accueil.id }).expect(400);
    await team.accueil.post(path).send({ membershipId: team.agent.id }).expect(403);

    await team.agent.delete(`${path}/${team.agent2.id}`).expect(403);
    const removed = await team.manager.delete(`${path}/${team.agent2.id}`).expect(200);
    expect(removed.body.referents).toEqual([{ id: team.agent.id, name: 'Agent Test' }]);
    await team.manager.delete(`${path}/${team.agent2.id}`).expect(404);
  });
});

describe('team and sites', () => {
  it('lists the active colleagues and the sites of the tenant only', async () => {
    const users = (await team.accueil.get('/api/v1/users').expect(200)).body;
    expect(users.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [team.accueil.id, team.agent.id, team.agent2.id, team.manager.id, team.admin.id].sort(),
    );
    const sites = (await team.agent.get('/api/v1/sites').expect(200)).body;
    expect(sites.items.map((s: { name: string }) => s.name)).toEqual(['Antenne Nord', 'Hôtel de ville']);
  });
});
