import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
const files: Record<string, { id: string; fileNumber: number }> = {};

interface Person {
  lastName: string | null;
  firstName: string | null;
  birthName?: string;
  alias?: string;
  birthDate: string | null;
  phone: string | null;
}
const people: Record<string, Person> = {
  helene: { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1958-02-11', phone: '06 12 34 56 78' },
  heleneLefort: { lastName: 'Lefort', firstName: 'Hélène', birthDate: '1990-05-30', phone: '07 98 76 54 32' },
  francois: { lastName: 'François', firstName: 'Jean-Noël', birthDate: '1985-03-14', phone: '+33 6 11 22 33 44' },
  married: { lastName: 'Benali', birthName: 'Ménard', firstName: 'Gaëlle', birthDate: '1972-12-01', phone: null },
  alias: { alias: 'Le Grand Momo', lastName: null, firstName: null, birthDate: null, phone: null },
  lefebvre: { lastName: 'Lefebvre', firstName: 'Marc', birthDate: '1966-09-09', phone: null },
};

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  for (const [key, person] of Object.entries(people)) {
    const { phone, ...rest } = person;
    const identity = { birthName: null, alias: null, sex: null, nationality: null, ...rest };
    const contact = { phone, email: null, addressLine: null, postalCode: null, city: 'Villeneuve', domiciliation: false };
    // The front desk registers everyone: nobody is a referent yet.
    files[key] = (await team.accueil.post('/api/v1/beneficiaries').send({ identity, contact, siteId: team.siteIds[0] }).expect(201)).body;
  }
});
afterAll(() => t.close());

async function search(query: Record<string, string>, as = team.agent) {
  const response = await as.get('/api/v1/beneficiaries').query(query).expect(200);
  return response.body as { items: { id: string; lastName: string; firstName: string }[]; nextCursor: string | null };
}
const ids = async (q: string) => (await search({ q })).items.map((item) => item.id);

describe('search', () => {
  it('ignores accents and case', async () => {
    expect(await ids('Helene')).toEqual(expect.arrayContaining([files.helene.id, files.heleneLefort.id]));
    expect(await ids('lefevre')).toContain(files.helene.id);
    expect(await ids('FRANCOIS jean-noel')).toEqual([files.francois.id]);
  });

  it('tolerates typos in names', async () => {
    expect((await ids('lefevbre'))[0]).toBe(files.helene.id);
    expect(await ids('helen lefevr')).toContain(files.helene.id);
    expect(await ids('Gaelle Menar')).toEqual([files.married.id]);
  });

  it('ranks the closest names first', async () => {
    expect(await ids('Lefebvre')).toEqual([files.lefebvre.id, files.helene.id]);
    expect(await ids('lefevre')).toEqual([files.helene.id, files.lefebvre.id]);
    // Every word must match: the other Hélène is not a "Lefèvre".
    expect(await ids('lefevre helene')).toEqual([files.helene.id]);
  });

  it('finds by birth name, alias, birth date, phone and file number', async () => {
    expect(await ids('menard')).toEqual([files.married.id]);
    expect(await ids('momo')).toEqual([files.alias.id]);
    expect(await ids('14/03/1985')).toEqual([files.francois.id]);
    expect(await ids('helene 11/02/1958')).toEqual([files.helene.id]);
    expect(await ids('06 12 34')).toEqual([files.helene.id]);
    expect(await ids('0611223344')).toEqual([files.francois.id]);
    expect(await ids(`D${String(files.lefebvre.fileNumber).padStart(5, '0')}`)).toEqual([files.lefebvre.id]);
  });

  it('treats quotes, SQL and LIKE characters as plain text', async () => {
    const identity = { lastName: "O'Brien", firstName: 'Seán', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
    const created = (await team.accueil.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body;
    expect(await ids("o'brien")).toEqual([created.id]);
    expect(await ids("O'Brien' OR 1=1 --")).toEqual([]);
    expect(await ids('b%n')).toEqual([]); // not a LIKE pattern: no name word starts with "n"
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });

  it('refuses a birth date that does not exist', async () => {
    const response = await team.agent.get('/api/v1/beneficiaries').query({ q: '30/02/1980' }).expect(400);
    expect(response.body.detail).toContain('30/02/1980');
  });

  it('paginates without gaps or repeats', async () => {
    const all = (await search({ limit: '100' })).items.map((item) => item.id);
    expect(all).toEqual(expect.arrayContaining(Object.values(files).map((file) => file.id)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await search({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by status, referent ("mes dossiers") and site', async () => {
    await team.agent.post(`/api/v1/beneficiaries/${files.francois.id}/referents`).send({ membershipId: team.agent.id }).expect(200);
    expect((await search({ referent: 'me' })).items.map((item) => item.id)).toEqual([files.francois.id]);
    expect((await search({ referent: team.agent.id }, team.manager)).items.map((item) => item.id)).toEqual([files.francois.id]);
    expect((await search({ referent: 'me' }, team.agent2)).items).toEqual([]);

    const file = (await team.agent.get(`/api/v1/beneficiaries/${files.alias.id}`).expect(200)).body;
    await team.agent
      .put(`/api/v1/beneficiaries/${files.alias.id}/follow-up`)
      .send({ version: file.version, status: 'INACTIVE', siteId: team.siteIds[1], origin: null, originDetail: null, consentDate: null })
      .expect(200);
    expect((await search({ status: 'INACTIVE' })).items.map((item) => item.id)).toEqual([files.alias.id]);
    expect((await search({ siteId: team.siteIds[1] })).items.map((item) => item.id)).toEqual([files.alias.id]);
    expect((await search({ q: 'momo', status: 'ACTIVE' })).items).toEqual([]);
  });

  it('gives the front desk identity and contact only', async () => {
    const [item] = (await search({ q: 'francois' }, team.accueil)).items;
    expect(Object.keys(item).sort()).toEqual(
      ['alias', 'anonymisedAt', 'birthDate', 'birthName', 'city', 'fileNumber', 'firstName', 'id', 'lastContactAt', 'lastName', 'phone', 'referents', 'status'].sort(),
    );
  });

  it('never returns another tenant’s files', async () => {
    const other = await createTeam(t);
    expect((await search({ q: 'lefevre' }, other.agent)).items).toEqual([]);
    expect((await search({}, other.agent)).items).toEqual([]);
  });

  it('forgets a name once no file bears it any more', async () => {
    const identity = { lastName: 'Quernevel', firstName: 'Yann', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
    const created = (await team.accueil.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body;
    expect(await ids('quernevel')).toEqual([created.id]);
    await team.agent.put(`/api/v1/beneficiaries/${created.id}/identity`).send({ version: 0, ...identity, lastName: 'Martin' }).expect(200);

    expect(await ids('quernevel')).toEqual([]);
    const { rows } = await t.owner.query('SELECT word FROM beneficiary_name_words WHERE tenant_id = $1', [team.tenantId]);
    expect(rows.map((row: { word: string }) => row.word)).toEqual(expect.arrayContaining(['martin', 'yann']));
    expect(rows.map((row: { word: string }) => row.word)).not.toContain('quernevel');
  });

  it('runs its owner-rights search function inside the transaction’s tenant only', async () => {
    const searchAs = async (tenantId: string | null) => {
      const client = await t.appRole.connect();
      try {
        await client.query('BEGIN');
        if (tenantId) await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
        const { rows } = await client.query(
          "SELECT id FROM app_search_beneficiaries('{hélène}', NULL, NULL, NULL, NULL, NULL, NULL, 0, 100)",
        );
        await client.query('ROLLBACK');
        return rows.map((row: { id: string }) => row.id);
      } finally {
        client.release();
      }
    };
    expect((await searchAs(team.tenantId)).sort()).toEqual([files.helene.id, files.heleneLefort.id].sort());
    expect(await searchAs((await createTeam(t)).tenantId)).toEqual([]);
    expect(await searchAs(null)).toEqual([]);
  });
});
