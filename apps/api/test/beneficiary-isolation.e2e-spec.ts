import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let fileId: string;
let interviewId: string;
let householdMemberId: string;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  const identity = { lastName: 'Garnier', firstName: 'Lucie', birthName: null, alias: null, birthDate: '1980-01-01', sex: null, nationality: null };
  fileId = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
  interviewId = (
    await team.agent
      .post(`/api/v1/beneficiaries/${fileId}/interviews`)
      .send({ occurredAt: '2026-11-02T10:00:00Z', channel: 'PHONE' })
      .expect(201)
  ).body.id;
  householdMemberId = (
    await team.agent
      .post(`/api/v1/beneficiaries/${fileId}/household-members`)
      .send({ relation: 'CHILD', firstName: 'Tom', lastName: null, birthDate: null, livesInHousehold: true })
      .expect(201)
  ).body.id;
});
afterAll(() => t.close());

/** Every route of a file, with a body that would be valid in the file's own tenant. */
const routes = () => {
  const file = `/api/v1/beneficiaries/${fileId}`;
  const contact = { version: 0, phone: null, email: null, addressLine: null, postalCode: null, city: null, domiciliation: false };
  return [
    ['get', file],
    ['put', `${file}/identity`, { version: 0, lastName: 'X', firstName: null, birthName: null, alias: null, birthDate: null, sex: null, nationality: null }],
    ['put', `${file}/contact`, contact],
    ['put', `${file}/situation`, { version: 0, familyStatus: null, housingStatus: null, housingNote: null, employmentStatus: null, incomeSources: [] }],
    ['put', `${file}/rights`, { version: 0, benefits: [], cafNumber: null, franceTravailId: null, legalProtection: null, legalProtectionDetail: null }],
    ['put', `${file}/follow-up`, { version: 0, status: 'ACTIVE', siteId: null, origin: null, originDetail: null, consentDate: null }],
    ['post', `${file}/referents`, { membershipId: team.agent.id }],
    ['delete', `${file}/referents/${team.agent.id}`],
    ['get', `${file}/household-members`],
    ['post', `${file}/household-members`, { relation: 'CHILD', firstName: 'Zoé', lastName: null, birthDate: null, livesInHousehold: true }],
    ['put', `${file}/household-members/${householdMemberId}`, { version: 0, relation: 'CHILD', firstName: 'Zoé', lastName: null, birthDate: null, livesInHousehold: true }],
    ['delete', `${file}/household-members/${householdMemberId}`],
    ['get', `${file}/interviews`],
    ['post', `${file}/interviews`, { occurredAt: '2026-11-02T10:00:00Z', channel: 'PHONE' }],
    ['get', `${file}/interviews/${interviewId}`],
    ['patch', `${file}/interviews/${interviewId}`, { version: 0, summary: 'x' }],
    ['get', `${file}/interviews/${interviewId}/history`],
    ['get', `${file}/timeline`],
    ['get', `${file}/access-log`],
  ] as [keyof TestMember & ('get' | 'put' | 'post' | 'patch' | 'delete'), string, object?][];
};

const send = (member: TestMember, [method, path, body]: ReturnType<typeof routes>[number]) => {
  const request = member[method](path);
  return body ? request.send(body) : request;
};

/** All rows of the file's tables, to prove that a refused request wrote nothing. */
async function snapshot(): Promise<string> {
  const tables = ['beneficiaries', 'beneficiary_referents', 'household_members', 'interviews', 'interview_notes', 'interview_revisions'];
  const rows = await Promise.all(tables.map((table) => t.owner.query(`SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY 1, 2`, [team.tenantId])));
  return JSON.stringify(rows.map((result) => result.rows));
}

describe('tenant isolation', () => {
  it('answers 404 to another tenant’s members on every route of a file, and writes nothing', async () => {
    const other = await createTeam(t);
    const before = await snapshot();
    for (const route of routes()) {
      // The other tenant's manager holds the audit and referent permissions the agent lacks; roles
      // refuse some routes before the file is looked up (403), but each route meets one 404.
      const statuses = [];
      for (const member of [other.agent, other.manager]) {
        const response = await send(member, route);
        expect(response.headers['content-type']).toContain('application/problem+json');
        statuses.push(response.status);
      }
      expect([route[0], route[1], statuses.every((status) => status === 403 || status === 404), statuses.includes(404)]).toEqual([
        route[0],
        route[1],
        true,
        true,
      ]);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('audit', () => {
  const countEvents = async (actorId: string) =>
    (
      await t.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND entity_type = 'beneficiary'`,
        [team.tenantId, actorId],
      )
    ).rows[0].n;

  /** The version a write must carry, read from the database (reading it through the API is audited too). */
  async function currentVersion(path: string): Promise<number> {
    const table = path.includes('/household-members/') ? 'household_members' : path.includes('/interviews/') ? 'interviews' : 'beneficiaries';
    const id = table === 'beneficiaries' ? fileId : path.split('/').at(-1);
    const { rows } = await t.owner.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    return rows[0].version;
  }

  it('records every read and every write of a file', async () => {
    for (const [method, path, body] of routes()) {
      const member = path.endsWith('access-log') || path.includes('/referents') ? team.manager : team.agent;
      const sent = body && 'version' in body ? { ...body, version: await currentVersion(path) } : body;
      const before = await countEvents(member.id);
      const response = await send(member, [method, path, sent]);
      expect([method, path, response.status]).toEqual([method, path, expect.any(Number)]);
      expect([method, path, response.status < 300, await countEvents(member.id)]).toEqual([method, path, true, before + 1]);
    }
    const search = await countEvents(team.accueil.id);
    await team.accueil.get('/api/v1/beneficiaries').query({ q: 'garnier' }).expect(200);
    expect(await countEvents(team.accueil.id)).toBe(search + 1);
  });

  it('shows a manager who opened the file and what they touched', async () => {
    await team.agent2.get(`/api/v1/beneficiaries/${fileId}/timeline`).expect(200);
    const log = (await team.manager.get(`/api/v1/beneficiaries/${fileId}/access-log`).query({ limit: 3 }).expect(200)).body;
    expect(log.items[0]).toMatchObject({ actor: { id: team.manager.id }, action: 'read', target: 'access-log' });
    expect(log.items[1]).toMatchObject({ actor: { id: team.agent2.id, name: 'Agent2 Test' }, action: 'read', target: 'timeline' });
    expect(log.nextCursor).toEqual(expect.any(String));
    const next = (await team.manager.get(`/api/v1/beneficiaries/${fileId}/access-log`).query({ limit: 3, cursor: log.nextCursor }).expect(200)).body;
    expect(next.items[0].id).not.toBe(log.items[2].id);
    await team.agent.get(`/api/v1/beneficiaries/${fileId}/access-log`).expect(403);
  });
});

const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('invalid input', () => {
  const tenMegabytes = 'a'.repeat(10 * 1024 * 1024);
  const file = () => `/api/v1/beneficiaries/${fileId}`;
  const identity = { lastName: 'X', firstName: null, birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  const cases: [string, () => [method: 'post' | 'put' | 'patch' | 'get', path: string, body?: unknown]][] = [
    ['a wrong type', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, lastName: 42 } }]],
    ['an unknown field', () => ['post', '/api/v1/beneficiaries', { identity, tenantId: team.tenantId }]],
    ['an owner field', () => ['post', `${file()}/interviews`, { occurredAt: '2026-11-02T10:00:00Z', channel: 'PHONE', authorId: team.agent2.id }]],
    ['a 10 MB string', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, lastName: tenMegabytes } }]],
    ['a too long name', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, lastName: 'a'.repeat(101) } }]],
    ['a malformed birth date', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, birthDate: '31/12/1990' } }]],
    ['an impossible birth date', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, birthDate: '1990-02-30' } }]],
    ['a future birth date', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, birthDate: '2999-01-01' } }]],
    ['an instant without offset', () => ['post', `${file()}/interviews`, { occurredAt: '2026-11-02 10:00', channel: 'PHONE' }]],
    ['an unknown channel', () => ['post', `${file()}/interviews`, { occurredAt: '2026-11-02T10:00:00Z', channel: 'PIGEON' }]],
    ['a negative amount', () => ['put', `${file()}/situation`, { version: 0, familyStatus: null, housingStatus: null, housingNote: null, employmentStatus: null, incomeSources: [{ kind: 'RSA', monthlyAmountCents: -1 }] }]],
    ['a repeated benefit', () => ['put', `${file()}/rights`, { version: 0, benefits: ['RSA', 'RSA'], cafNumber: null, franceTravailId: null, legalProtection: null, legalProtectionDetail: null }]],
    ['a missing version', () => ['put', `${file()}/contact`, { phone: null, email: null, addressLine: null, postalCode: null, city: null, domiciliation: false }]],
    ['a bad e-mail', () => ['put', `${file()}/contact`, { version: 0, phone: null, email: 'pas-un-mail', addressLine: null, postalCode: null, city: null, domiciliation: false }]],
    ['an SQL phone', () => ['put', `${file()}/contact`, { version: 0, phone: "0'; DROP TABLE beneficiaries;--", email: null, addressLine: null, postalCode: null, city: null, domiciliation: false }]],
    ['a JSON array body', () => ['post', '/api/v1/beneficiaries', [identity]]],
    ['a non-UUID id', () => ['get', '/api/v1/beneficiaries/1%20OR%201=1']],
    ['a non-UUID nested id', () => ['get', `${file()}/interviews/abc`]],
    ['an unknown query parameter', () => ['get', '/api/v1/beneficiaries?tenantId=x']],
    ['a forged cursor', () => ['get', '/api/v1/beneficiaries?cursor=eyJvZmZzZXQiOi0xfQ']],
    ['a forged timeline cursor', () => ['get', `${file()}/timeline?cursor=bm9wZQ`]],
    ['a too long search', () => ['get', `/api/v1/beneficiaries?q=${'a'.repeat(201)}`]],
    ['an unknown status filter', () => ['get', '/api/v1/beneficiaries?status=DELETED']],
    ['a NUL character', () => ['post', '/api/v1/beneficiaries', { identity: { ...identity, lastName: 'Du\u0000pont' } }]],
    ['a NUL character in a search', () => ['get', '/api/v1/beneficiaries?q=du%00pont']],
    ['a version beyond any count', () => ['put', `${file()}/contact`, { version: 2 ** 31, phone: null, email: null, addressLine: null, postalCode: null, city: null, domiciliation: false }]],
    ['a search cursor too deep', () => ['get', `/api/v1/beneficiaries?cursor=${cursor({ offset: 3e9 })}`]],
    ['a household cursor without a UUID', () => ['get', `${file()}/household-members?cursor=${cursor({ id: 'x' })}`]],
    ['a timeline cursor in year 0', () => ['get', `${file()}/timeline?cursor=${cursor({ at: '0000-01-01T00:00:00.000Z', id: fileId })}`]],
    ['a team cursor without a UUID', () => ['get', `/api/v1/users?cursor=${cursor({ name: 'a', id: '---' })}`]],
    ['an interview in year 0', () => ['post', `${file()}/interviews`, { occurredAt: '0000-01-01T10:00:00Z', channel: 'PHONE' }]],
    ['an interview in the future', () => ['post', `${file()}/interviews`, { occurredAt: '2099-01-01T10:00:00Z', channel: 'PHONE' }]],
    ['a due date in year 0', () => ['post', `${file()}/interviews`, { occurredAt: '2026-11-02T10:00:00Z', channel: 'PHONE', followUpActions: [{ label: 'x', dueOn: '0000-01-01' }] }]],
    ['a searched birth date before 1900', () => ['get', '/api/v1/beneficiaries?q=1/1/0000']],
    ['too many words to search', () => ['get', `/api/v1/beneficiaries?q=${'a '.repeat(9)}`]],
  ];

  it.each(cases)('refuses %s with a 4xx problem and writes nothing', async (_, build) => {
    const [method, path, body] = build();
    const before = await snapshot();
    const request = team.agent[method](path);
    const response = await (body === undefined ? request : request.send(body as object));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(typeof response.body.detail).toBe('string');
    expect(await snapshot()).toBe(before);
  });

  it('stores text as given, markup included, and sends it back as JSON data', async () => {
    const hostile = `<img src=x onerror="alert('x')"> Robert'); DROP TABLE beneficiaries;--`;
    const created = await team.agent
      .post('/api/v1/beneficiaries')
      .send({ identity: { ...identity, lastName: hostile, alias: '<script>alert(1)</script>' } })
      .expect(201);
    expect(created.headers['content-type']).toContain('application/json');
    const read = (await team.agent.get(`/api/v1/beneficiaries/${created.body.id}`).expect(200)).body;
    expect(read.identity.lastName).toBe(hostile);
    expect(read.identity.alias).toBe('<script>alert(1)</script>');
  });
});
