import { randomUUID } from 'node:crypto';
import { PROBLEM_TYPES, type Role } from '@ccas/shared';
import { auditEvents } from './support/factories';
import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
});
afterAll(() => t.close());

const PROBLEM = /^application\/problem\+json/;
const uniqueEmail = (name = 'invite') => `${name}-${randomUUID().slice(0, 8)}@example.test`;

/** A person as the identity provider would sign them in: a subject of their own, a verified email. */
async function personWith(email: string, { verified = true } = {}) {
  const subject = randomUUID();
  const token = await t.issuer.sign({ sub: subject, email, email_verified: verified, sid: randomUUID() }, { expiresIn: '1h' });
  const auth = <T extends { set(name: string, value: string): T }>(req: T) => req.set('Authorization', `Bearer ${token}`);
  return {
    subject,
    get: (path: string) => auth(t.http.get(path)),
    post: (path: string) => auth(t.http.post(path)),
    patch: (path: string) => auth(t.http.patch(path)),
  };
}

type InviteOverrides = Partial<{ email: string; firstName: string; lastName: string; roles: Role[]; siteIds: string[] }>;

async function invite(by: Team, overrides: InviteOverrides = {}) {
  const body = { email: uniqueEmail(), firstName: 'Inès', lastName: 'Garnier', roles: ['AGENT'], siteIds: [by.siteIds[0]], ...overrides };
  const response = await by.admin.post('/api/v1/users').send(body).expect(201);
  return response.body as { id: string; email: string; status: string };
}

/** Every member the administrator sees, deactivated ones included. */
async function adminList(by: Team) {
  const response = await by.admin.get('/api/v1/users').query({ includeInactive: 'true', limit: 100 }).expect(200);
  return response.body.items as { id: string; status: string; email: string; roles: Role[]; sites: { id: string; name: string }[] }[];
}

const membership = async (id: string) =>
  (await t.owner.query<{ subject: string | null; roles: Role[]; active: boolean }>('SELECT subject, roles, active FROM memberships WHERE id = $1', [id]))
    .rows[0];

describe('inviting a member', () => {
  it('lists the invitation, links it at first login with the verified email, and the roles apply', async () => {
    const email = uniqueEmail('Ines.Garnier');
    const invited = await invite(team, { email, roles: ['AGENT'], siteIds: [team.siteIds[1]] });
    expect(invited).toMatchObject({
      firstName: 'Inès',
      lastName: 'Garnier',
      roles: ['AGENT'],
      email: email.toLowerCase(),
      status: 'INVITED',
      sites: [{ id: team.siteIds[1], name: 'Antenne Nord' }],
      lastLoginAt: null,
    });
    expect((await adminList(team)).find((m) => m.id === invited.id)).toMatchObject({ status: 'INVITED' });

    // An unverified email links nothing.
    const unverified = await personWith(email.toLowerCase(), { verified: false });
    const refused = await unverified.get('/api/v1/me').expect(403);
    expect(refused.body.type).toBe(PROBLEM_TYPES.noMembership);
    expect((await membership(invited.id)).subject).toBeNull();

    // First login: the identity provider's email, whatever its case, finds the invitation.
    const person = await personWith(email.toUpperCase());
    const me = await person.get('/api/v1/me').expect(200);
    expect(me.body).toMatchObject({ id: invited.id, tenant: { id: team.tenantId }, roles: ['AGENT'], sites: [{ id: team.siteIds[1] }] });
    expect((await membership(invited.id)).subject).toBe(person.subject);
    await person.get('/api/v1/beneficiaries').expect(200);
    await person.post('/api/v1/sites').send({ name: 'Refusé', address: null }).expect(403);
    expect((await adminList(team)).find((m) => m.id === invited.id)).toMatchObject({ status: 'ACTIVE' });
  });

  it('gives colleagues the team without the administrator’s fields', async () => {
    const invited = await invite(team);
    const seen = (await team.agent.get('/api/v1/users').query({ limit: 100 }).expect(200)).body.items;
    const entry = seen.find((m: { id: string }) => m.id === invited.id);
    expect(entry).toEqual({ id: invited.id, firstName: 'Inès', lastName: 'Garnier', roles: ['AGENT'] });
    // Deactivated members are for the administrator and the audit trail's readers to see.
    for (const member of [team.agent, team.accueil]) {
      const denied = await member.get('/api/v1/users').query({ includeInactive: 'true' }).expect(403);
      expect(denied.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('gives whoever reads the audit trail the deactivated members too, by name only', async () => {
    const former = await invite(team, { firstName: 'Ancien', lastName: 'Collègue' });
    await team.admin.patch(`/api/v1/users/${former.id}`).send({ active: false }).expect(200);
    expect((await team.manager.get('/api/v1/users').query({ limit: 100 }).expect(200)).body.items.map((m: { id: string }) => m.id)).not.toContain(
      former.id,
    );
    const everyone = (await team.manager.get('/api/v1/users').query({ includeInactive: 'true', limit: 100 }).expect(200)).body.items;
    // The administrator's fields (email, status, sites, last login) stay the administrator's.
    expect(everyone.find((m: { id: string }) => m.id === former.id)).toEqual({ id: former.id, firstName: 'Ancien', lastName: 'Collègue', roles: ['AGENT'] });
    expect(everyone.find((m: { id: string }) => m.id === team.agent.id)).toEqual({ id: team.agent.id, firstName: expect.any(String), lastName: expect.any(String), roles: ['AGENT'] });
  });

  it('refuses an email already in the team, whatever its case or state, and sites of no one or of another tenant', async () => {
    const first = await invite(team);
    const again = await team.admin
      .post('/api/v1/users')
      .send({ email: first.email.toUpperCase(), firstName: 'Autre', lastName: 'Personne', roles: ['ACCUEIL'], siteIds: [] })
      .expect(409);
    expect(again.headers['content-type']).toMatch(PROBLEM);
    expect(again.body.detail).toContain('déjà');
    await team.admin.patch(`/api/v1/users/${first.id}`).send({ active: false }).expect(200);
    await team.admin.post('/api/v1/users').send({ email: first.email, firstName: 'A', lastName: 'B', roles: ['AGENT'], siteIds: [] }).expect(409);
    // The same email may be invited by another CCAS.
    const other = await createTeam(t);
    await invite(other, { email: first.email });

    const body = { email: uniqueEmail(), firstName: 'A', lastName: 'B', roles: ['AGENT'] };
    const unknown = await team.admin.post('/api/v1/users').send({ ...body, siteIds: [randomUUID()] }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'siteIds' })]);
    await team.admin.post('/api/v1/users').send({ ...body, siteIds: [other.siteIds[0]] }).expect(400);
    await team.admin.patch(`/api/v1/users/${first.id}`).send({ siteIds: [team.siteIds[0], other.siteIds[0]] }).expect(400);
    const { rows } = await t.owner.query('SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND email = $2', [team.tenantId, body.email]);
    expect(rows[0].n).toBe(0);
  });
});

describe('changing a member', () => {
  it('applies roles, sites and names to the member’s very next request', async () => {
    const invited = await invite(team, { roles: ['AGENT'], siteIds: [team.siteIds[0]] });
    const person = await personWith(invited.email);
    await person.get('/api/v1/beneficiaries').expect(200);
    await person.get('/api/v1/users').query({ includeInactive: 'true' }).expect(403);

    const changed = await team.admin
      .patch(`/api/v1/users/${invited.id}`)
      .send({ roles: ['ADMIN'], siteIds: [team.siteIds[1], team.siteIds[0]], lastName: 'Garnier-Roy' })
      .expect(200);
    expect(changed.body).toMatchObject({ roles: ['ADMIN'], lastName: 'Garnier-Roy', status: 'ACTIVE' });
    expect(changed.body.sites.map((s: { name: string }) => s.name)).toEqual(['Antenne Nord', 'Hôtel de ville']);

    // Same token, new rights.
    await person.get('/api/v1/beneficiaries').expect(403);
    await person.get('/api/v1/users').query({ includeInactive: 'true' }).expect(200);
    const me = (await person.get('/api/v1/me').expect(200)).body;
    expect(me).toMatchObject({ roles: ['ADMIN'], lastName: 'Garnier-Roy' });
    expect(me.sites.map((s: { id: string }) => s.id).sort()).toEqual([...team.siteIds].sort());

    const noSites = await team.admin.patch(`/api/v1/users/${invited.id}`).send({ siteIds: [] }).expect(200);
    expect(noSites.body.sites).toEqual([]);
    expect((await person.get('/api/v1/me').expect(200)).body.sites).toEqual([]);
  });

  it('deactivation blocks the very next request of a still valid token; reactivation restores access', async () => {
    const invited = await invite(team);
    const person = await personWith(invited.email);
    await person.get('/api/v1/me').expect(200);

    const deactivated = await team.admin.patch(`/api/v1/users/${invited.id}`).send({ active: false }).expect(200);
    expect(deactivated.body.status).toBe('DEACTIVATED');
    const blocked = await person.get('/api/v1/me').expect(403);
    expect(blocked.headers['content-type']).toMatch(PROBLEM);
    expect(blocked.body.type).toBe(PROBLEM_TYPES.inactiveMembership);
    await person.get('/api/v1/beneficiaries').expect(403);

    // Gone from the colleagues' lists, still on the administration screen.
    const colleagues = (await team.agent.get('/api/v1/users').query({ limit: 100 }).expect(200)).body.items;
    expect(colleagues.map((m: { id: string }) => m.id)).not.toContain(invited.id);
    expect((await adminList(team)).find((m) => m.id === invited.id)).toMatchObject({ status: 'DEACTIVATED' });

    const reactivated = await team.admin.patch(`/api/v1/users/${invited.id}`).send({ active: true }).expect(200);
    expect(reactivated.body.status).toBe('ACTIVE');
    await person.get('/api/v1/me').expect(200);
    await person.get('/api/v1/beneficiaries').expect(200);
  });

  it('writes who changed what in the audit trail, without personal values', async () => {
    const email = uniqueEmail('audit');
    const invited = await invite(team, { email, roles: ['ACCUEIL'], siteIds: [team.siteIds[0]] });
    await team.admin.patch(`/api/v1/users/${invited.id}`).send({ roles: ['ACCUEIL', 'AGENT'], firstName: 'Inès-Marie' }).expect(200);
    await team.admin.patch(`/api/v1/users/${invited.id}`).send({ active: false }).expect(200);
    await team.admin.patch(`/api/v1/users/${invited.id}`).send({ active: true }).expect(200);

    const { rows } = await t.owner.query<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      `SELECT action, actor_id, details FROM audit_events WHERE tenant_id = $1 AND entity_type = 'membership' AND entity_id = $2 ORDER BY seq`,
      [team.tenantId, invited.id],
    );
    expect(rows).toEqual([
      { action: 'create', actor_id: team.admin.id, details: { event: 'invited', roles: 'ACCUEIL', siteIds: team.siteIds[0] } },
      { action: 'update', actor_id: team.admin.id, details: { fields: 'firstName,roles', roles: 'ACCUEIL,AGENT' } },
      { action: 'update', actor_id: team.admin.id, details: { fields: 'active', event: 'deactivated' } },
      { action: 'update', actor_id: team.admin.id, details: { fields: 'active', event: 'reactivated' } },
    ]);
    const written = JSON.stringify(rows);
    for (const value of [email, 'Inès', 'Garnier']) expect(written).not.toContain(value);
  });
});

describe('the last administrator', () => {
  it('can neither lose the role nor be deactivated while no other administrator can log in', async () => {
    const alone = await createTeam(t);
    const demoted = await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ roles: ['MANAGER'] }).expect(409);
    expect(demoted.headers['content-type']).toMatch(PROBLEM);
    expect(demoted.body.detail).toContain('au moins un administrateur actif');
    await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ active: false }).expect(409);
    await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ roles: ['AGENT', 'MANAGER'], active: false }).expect(409);

    // An invitation not yet accepted does not count: it might never be.
    const second = await invite(alone, { roles: ['ADMIN'], siteIds: [] });
    await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ roles: ['MANAGER'] }).expect(409);
    expect(await membership(alone.admin.id)).toMatchObject({ roles: ['ADMIN'], active: true });
    // Keeping the role while changing something else is fine.
    await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ roles: ['ADMIN', 'MANAGER'], siteIds: [] }).expect(200);

    // Once the second administrator has logged in, the first may step down.
    const secondAdmin = await personWith(second.email);
    await secondAdmin.get('/api/v1/me').expect(200);
    await alone.admin.patch(`/api/v1/users/${alone.admin.id}`).send({ roles: ['MANAGER'] }).expect(200);
    await secondAdmin.patch(`/api/v1/users/${second.id}`).send({ active: false }).expect(409);
    expect(await membership(second.id)).toMatchObject({ roles: ['ADMIN'], active: true });
  });

  it('survives two administrators stepping down at the same time: exactly one of them does', async () => {
    const pair = await createTeam(t);
    const invited = await invite(pair, { roles: ['ADMIN'], siteIds: [] });
    const other = await personWith(invited.email);
    // First requests of both sessions (their login is recorded then), before the race.
    await other.get('/api/v1/me').expect(200);
    await pair.admin.get('/api/v1/me').expect(200);

    // Hold the administrators' rows, so that both requests are inside their transaction, waiting, when they go.
    const holder = await t.owner.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM memberships WHERE tenant_id = $1 AND 'ADMIN' = ANY (roles) FOR NO KEY UPDATE`, [pair.tenantId]);
      const requests = Promise.all([
        pair.admin.patch(`/api/v1/users/${pair.admin.id}`).send({ roles: ['MANAGER'] }),
        other.patch(`/api/v1/users/${invited.id}`).send({ active: false }),
      ]);
      await waitForLockWaiters(2);
      await holder.query('COMMIT');
      const statuses = (await requests).map((response) => response.status).sort();
      expect(statuses).toEqual([200, 409]);
    } finally {
      holder.release();
    }
    const { rows } = await t.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND active AND 'ADMIN' = ANY (roles)`,
      [pair.tenantId],
    );
    expect(rows[0].n).toBe(1);
  });
});

/** Until `count` API transactions wait to lock the administrators' rows (bounded by the test timeout). */
async function waitForLockWaiters(count: number): Promise<void> {
  let waiting = 0;
  while (waiting < count) {
    const { rows } = await t.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'`,
    );
    waiting = rows[0].n;
  }
}

describe('sites', () => {
  it('are created, renamed and given an address by the administrator, and audited', async () => {
    const created = await team.admin.post('/api/v1/sites').send({ name: 'Pôle seniors', address: '  ' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Pôle seniors', address: null });
    await team.admin.post('/api/v1/sites').send({ name: 'pole SENIORS', address: null }).expect(409);

    const renamed = await team.admin.patch(`/api/v1/sites/${created.body.id}`).send({ name: 'Pôle autonomie', address: '2 place de la Mairie' }).expect(200);
    expect(renamed.body).toEqual({ id: created.body.id, name: 'Pôle autonomie', address: '2 place de la Mairie' });
    // A new spelling of its own name is not a duplicate; another site's name is.
    await team.admin.patch(`/api/v1/sites/${created.body.id}`).send({ name: 'Pôle Autonomie' }).expect(200);
    const clash = await team.admin.patch(`/api/v1/sites/${created.body.id}`).send({ name: 'hotel de ville' }).expect(409);
    expect(clash.headers['content-type']).toMatch(PROBLEM);

    const listed = (await team.agent.get('/api/v1/sites').expect(200)).body.items;
    expect(listed).toContainEqual({ id: created.body.id, name: 'Pôle Autonomie', address: '2 place de la Mairie' });
    // The new site can be given to a member at once.
    const member = await invite(team, { siteIds: [created.body.id] });
    expect(member).toMatchObject({ status: 'INVITED' });

    const { rows } = await t.owner.query(
      `SELECT action, details FROM audit_events WHERE tenant_id = $1 AND entity_type = 'site' AND entity_id = $2 ORDER BY seq`,
      [team.tenantId, created.body.id],
    );
    expect(rows).toEqual([
      { action: 'create', details: {} },
      { action: 'update', details: { fields: 'address,name' } },
      { action: 'update', details: { fields: 'name' } },
    ]);
  });

  it('refuses a name created at the same moment under another spelling: the database has the last word', async () => {
    const pair = await createTeam(t);
    // Another administrator's site, written but not committed yet: the API's check cannot see it.
    const holder = await t.owner.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT set_config('app.tenant_id', $1, true)`, [pair.tenantId]);
      await holder.query(`INSERT INTO sites (tenant_id, name) VALUES ($1, 'Pôle jeunesse')`, [pair.tenantId]);
      const request = pair.admin.post('/api/v1/sites').send({ name: 'pole JEUNESSE', address: null }).then((response) => response);
      await waitForInsertWaiter();
      await holder.query('COMMIT');
      const response = await request;
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ detail: 'Un site porte déjà ce nom dans votre structure.', errors: [{ path: 'name' }] });
    } finally {
      holder.release();
    }
    const { rows } = await t.owner.query<{ name: string }>(`SELECT name FROM sites WHERE tenant_id = $1 AND app_search_key(name) = 'pole jeunesse'`, [
      pair.tenantId,
    ]);
    expect(rows).toEqual([{ name: 'Pôle jeunesse' }]);
  });
});

/** Until an API transaction waits on the sites' unique index (bounded by the test timeout). */
async function waitForInsertWaiter(): Promise<void> {
  for (;;) {
    const { rows } = await t.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%insert into%sites%' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].n > 0) return;
  }
}

describe('tenant isolation and roles', () => {
  it('answers 404 for another tenant’s member or site', async () => {
    const other = await createTeam(t);
    const theirs = await invite(other);
    const response = await team.admin.patch(`/api/v1/users/${theirs.id}`).send({ active: false }).expect(404);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    await team.admin.patch(`/api/v1/users/${other.admin.id}`).send({ roles: ['AGENT'] }).expect(404);
    await team.admin.patch(`/api/v1/sites/${other.siteIds[0]}`).send({ name: 'Pris' }).expect(404);
    await team.admin.patch(`/api/v1/users/${randomUUID()}`).send({ active: false }).expect(404);
    expect(await membership(theirs.id)).toMatchObject({ active: true });
    expect((await adminList(team)).map((m) => m.id)).not.toContain(theirs.id);
  });

  it('refuses every change of the team to the other roles, and records the refusals', async () => {
    const target = await invite(team);
    for (const member of [team.accueil, team.agent, team.manager]) {
      const calls = [
        member.post('/api/v1/users').send({ email: uniqueEmail(), firstName: 'A', lastName: 'B', roles: ['ADMIN'], siteIds: [] }),
        member.patch(`/api/v1/users/${target.id}`).send({ roles: ['ADMIN'] }),
        member.patch(`/api/v1/users/${member.id}`).send({ roles: ['ADMIN'] }),
        member.post('/api/v1/sites').send({ name: `Site ${randomUUID()}`, address: null }),
        member.patch(`/api/v1/sites/${team.siteIds[0]}`).send({ name: 'Renommé' }),
        ...(member === team.manager ? [] : [member.get('/api/v1/users').query({ includeInactive: 'true' })]),
      ];
      for (const call of calls) {
        const response = await call.expect(403);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
    }
    expect(await membership(target.id)).toMatchObject({ roles: ['AGENT'] });
    const denied = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.manager.id, action: 'denied' });
    expect(denied.map((event) => event.details.permission)).toEqual(
      expect.arrayContaining(['users:manage', 'sites:manage']),
    );
  });
});

describe('hostile or invalid input', () => {
  const valid = () => ({ email: uniqueEmail(), firstName: 'Inès', lastName: 'Garnier', roles: ['AGENT'], siteIds: [] as string[] });
  it.each([
    ['an unknown field', () => ({ ...valid(), admin: true })],
    ['a tenant id', () => ({ ...valid(), tenantId: randomUUID() })],
    ['a subject', () => ({ ...valid(), subject: 'someone-else' })],
    ['a bad email', () => ({ ...valid(), email: 'not an email' })],
    ['an oversized email', () => ({ ...valid(), email: `${'a'.repeat(250)}@example.test` })],
    ['an oversized name', () => ({ ...valid(), lastName: 'x'.repeat(101) })],
    ['an empty first name', () => ({ ...valid(), firstName: '   ' })],
    ['a NUL character', () => ({ ...valid(), lastName: 'Gar\u0000nier' })],
    ['no role', () => ({ ...valid(), roles: [] })],
    ['an unknown role', () => ({ ...valid(), roles: ['SUPERADMIN'] })],
    ['a repeated role', () => ({ ...valid(), roles: ['AGENT', 'AGENT'] })],
    ['roles as a string', () => ({ ...valid(), roles: 'ADMIN' })],
    ['a site id that is no UUID', () => ({ ...valid(), siteIds: ["' OR 1=1 --"] })],
    ['missing sites', () => ({ email: uniqueEmail(), firstName: 'A', lastName: 'B', roles: ['AGENT'] })],
  ])('refuses an invitation with %s', async (_label, body) => {
    const response = await team.admin.post('/api/v1/users').send(body()).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['nothing to change', {}],
    ['an unknown field', { email: 'new@example.test' }],
    ['active as a string', { active: 'false' }],
    ['no role', { roles: [] }],
    ['an unknown role', { roles: ['ROOT'] }],
    ['an oversized name', { firstName: 'x'.repeat(101) }],
  ])('refuses a change with %s', async (_label, body) => {
    const response = await team.admin.patch(`/api/v1/users/${team.agent.id}`).send(body).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('refuses bad sites, bad ids and bad queries', async () => {
    await team.admin.post('/api/v1/sites').send({ name: '', address: null }).expect(400);
    await team.admin.post('/api/v1/sites').send({ name: 'x'.repeat(151), address: null }).expect(400);
    await team.admin.post('/api/v1/sites').send({ name: 'Site', address: null, tenantId: randomUUID() }).expect(400);
    await team.admin.post('/api/v1/sites').send({ name: 'Site', address: 'a'.repeat(301) }).expect(400);
    await team.admin.patch(`/api/v1/sites/${team.siteIds[0]}`).send({}).expect(400);
    await team.admin.patch('/api/v1/sites/not-a-uuid').send({ name: 'X' }).expect(400);
    await team.admin.patch('/api/v1/users/not-a-uuid').send({ active: false }).expect(400);
    await team.admin.get('/api/v1/users').query({ includeInactive: 'yes' }).expect(400);
    await team.admin.post('/api/v1/users').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(await membership(team.agent.id)).toMatchObject({ roles: ['AGENT'], active: true });
  });
});
