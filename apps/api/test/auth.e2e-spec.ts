import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { permissionsFor, PROBLEM_TYPES } from '@ccas/shared';
import { DEMO_ACCOUNTS } from '@ccas/devstack/src/demo/accounts';
import { auditEvents, createMembership, createTenant } from './support/factories';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const me = (token?: string) => {
  const call = t.http.get('/api/v1/me');
  return token ? call.set('Authorization', `Bearer ${token}`) : call;
};

describe('access tokens', () => {
  it('answers the health check without a token', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('refuses a request without a token with a 401 problem, and records it', async () => {
    const requestId = `no-token-${randomUUID()}`;
    const response = await me().set('X-Request-Id', requestId).expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, title: 'Authentification requise' });
    const { rows } = await t.owner.query('SELECT reason FROM security_events WHERE request_id = $1', [requestId]);
    expect(rows).toEqual([{ reason: 'missing_token' }]);
  });

  const email = 'agent@villeneuve.test';
  const claims = { sub: 'x', email, email_verified: true };
  it.each([
    ['another audience', () => t.issuer.sign(claims, { audience: 'account' })],
    ['another issuer', () => t.issuer.sign(claims, { issuer: 'http://evil.test/realms/ccas' })],
    ['an expired token', () => t.issuer.sign(claims, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['a key not in the JWKS', async () => t.issuer.sign(claims, { key: (await generateKeyPair('RS256')).privateKey })],
    ['a symmetric algorithm', async () => t.issuer.sign(claims, { alg: 'HS256', key: new TextEncoder().encode('s'.repeat(32)) as never })],
    ['an unsigned token', async () => {
      const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      return `${encode({ alg: 'none' })}.${encode({ ...claims, iss: t.issuer.issuer, aud: 'ccas-api', exp: 9999999999, iat: 1 })}.`;
    }],
    ['an ID token', () => t.issuer.sign({ ...claims, typ: 'ID' })],
    ['garbage', async () => 'not-a-token'],
  ])('refuses %s', async (_label, forge) => {
    const response = await me(await forge()).expect(401);
    expect(response.body.status).toBe(401);
  });
});

it('answers 503, not 401, when the identity provider’s keys cannot be fetched', async () => {
  const unreachable = await startTestApp({ jwksUrl: 'http://127.0.0.1:9/realms/ccas/protocol/openid-connect/certs' });
  try {
    const token = await unreachable.tokenFor('agent@villeneuve.test');
    const response = await unreachable.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  } finally {
    await unreachable.close();
  }
});

describe('GET /me', () => {
  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))('tells %s who they are', async (_email, account) => {
    const response = await me(await t.tokenFor(account.email)).expect(200);
    expect(response.body).toMatchObject({
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      tenant: { id: account.tenantId },
      roles: account.roles,
      permissions: permissionsFor(account.roles),
    });
    expect(response.body.sites.map((site: { id: string }) => site.id).sort()).toEqual([...account.siteIds].sort());
  });

  it('refuses a person with no membership with a clear problem', async () => {
    const response = await me(await t.tokenFor(`stranger-${randomUUID()}@example.test`)).expect(403);
    expect(response.body.type).toBe(PROBLEM_TYPES.noMembership);
    expect(response.body.detail).toMatch(/aucun CCAS/);
  });

  it('links an invited membership to the identity at first login, by verified email only', async () => {
    const tenantId = await createTenant(t.owner);
    const invited = await createMembership(t.owner, tenantId);
    const subject = randomUUID();

    await me(await t.issuer.sign({ sub: subject, email: invited.email, email_verified: false, sid: randomUUID() })).expect(403);
    await me(await t.issuer.sign({ sub: subject, email: invited.email, email_verified: true, sid: randomUUID() })).expect(200);
    const { rows } = await t.owner.query('SELECT subject FROM memberships WHERE tenant_id = $1 AND id = $2', [tenantId, invited.id]);
    expect(rows[0].subject).toBe(subject);

    // Another identity claiming the same email later does not take the membership over.
    await me(await t.issuer.sign({ sub: randomUUID(), email: invited.email, email_verified: true })).expect(403);
  });

  it('refuses a deactivated member on the next request, token still valid, and audits it', async () => {
    const tenantId = await createTenant(t.owner);
    const member = await createMembership(t.owner, tenantId, { subject: randomUUID() });
    const token = await t.issuer.sign({ sub: (await subjectOf(tenantId, member.id))!, email: member.email, email_verified: true });
    await me(token).expect(200);

    await t.owner.query('UPDATE memberships SET active = false WHERE tenant_id = $1 AND id = $2', [tenantId, member.id]);
    const response = await me(token).expect(403);
    expect(response.body.type).toBe(PROBLEM_TYPES.inactiveMembership);
    const denied = await auditEvents(t.owner, { tenantId, actorId: member.id, action: 'denied' });
    expect(denied.map((event) => event.details)).toEqual([{ reason: 'inactive_membership' }]);
  });

  it('records a login once per identity-provider session', async () => {
    const tenantId = await createTenant(t.owner);
    const member = await createMembership(t.owner, tenantId, { subject: randomUUID() });
    const subject = (await subjectOf(tenantId, member.id))!;
    const session = (sid: string) => t.issuer.sign({ sub: subject, email: member.email, email_verified: true, sid });

    const first = await session('session-1');
    await me(first).expect(200);
    await me(first).expect(200);
    await me(await session('session-2')).expect(200);

    expect(await auditEvents(t.owner, { tenantId, actorId: member.id, action: 'login' })).toHaveLength(2);
  });
});

describe('permissions', () => {
  it('refuses a route the role does not allow, and audits the refusal', async () => {
    const requestId = `denied-${randomUUID()}`;
    await t.http
      .get('/api/v1/audit-events')
      .set('Authorization', `Bearer ${await t.tokenFor('agent@villeneuve.test')}`)
      .set('X-Request-Id', requestId)
      .expect(403);
    const { rows } = await t.owner.query(
      "SELECT action, details FROM audit_events WHERE tenant_id = $1 AND request_id = $2 AND action <> 'login'",
      [
        DEMO.villeneuveId,
        requestId,
      ],
    );
    expect(rows).toEqual([{ action: 'denied', details: { permission: 'audit:read', method: 'GET', path: '/api/v1/audit-events' } }]);
  });

  it.each(['manager@villeneuve.test', 'admin@villeneuve.test'])('lets %s read the audit trail', async (email) => {
    await t.http.get('/api/v1/audit-events').set('Authorization', `Bearer ${await t.tokenFor(email)}`).expect(200);
  });
});

async function subjectOf(tenantId: string, membershipId: string): Promise<string | undefined> {
  const { rows } = await t.owner.query('SELECT subject FROM memberships WHERE tenant_id = $1 AND id = $2', [tenantId, membershipId]);
  return rows[0]?.subject;
}
