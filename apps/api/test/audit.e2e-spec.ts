import { createMembership, createTenant } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A tenant of its own, with a manager who has logged in a few times (so there is a chain). */
async function tenantWithHistory(logins = 3) {
  const tenantId = await createTenant(t.owner);
  const manager = await createMembership(t.owner, tenantId, { roles: ['MANAGER'], subject: `subject-${tenantId}` });
  const token = (sid: string) => t.issuer.sign({ sub: `subject-${tenantId}`, email: manager.email, email_verified: true, sid });
  for (let i = 0; i < logins; i++) {
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${await token(`s${i}`)}`).expect(200);
  }
  return { tenantId, token: await token('verifier') };
}

/** What only a superuser can do: switch the append-only trigger off, change history, switch it on. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  const client = await t.owner.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query(sql, params);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const verify = async (token: string) =>
  (await t.http.get('/api/v1/audit-events/verification').set('Authorization', `Bearer ${token}`).expect(200)).body;

describe('append-only audit trail', () => {
  beforeAll(() => tenantWithHistory(1)); // row triggers need rows to fire on

  it.each([
    ['UPDATE', "UPDATE audit_events SET action = 'read'"],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('denies %s to the API role', async (_op, sql) => {
    await expect(t.appRole.query(sql)).rejects.toThrow(/permission denied/);
  });

  it.each([
    ['UPDATE', "UPDATE audit_events SET action = 'read'"],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('has a trigger that refuses %s even to the owner', async (op, sql) => {
    await expect(t.owner.query(sql)).rejects.toThrow(`audit_events is append-only: ${op} refused`);
  });
});

describe('hash chain', () => {
  it('chains every event of a tenant to the previous one', async () => {
    const { tenantId } = await tenantWithHistory();
    const { rows } = await t.owner.query<{ seq: string; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
      [tenantId],
    );
    expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
  });

  it('reports an intact chain', async () => {
    const { token } = await tenantWithHistory();
    expect(await verify(token)).toEqual({ intact: true, checked: 4, firstBroken: null });
  });

  it('finds the first altered event when someone with database access tampers with it', async () => {
    const { tenantId, token } = await tenantWithHistory();
    await tamper(`UPDATE audit_events SET details = '{"forged": true}' WHERE tenant_id = $1 AND seq = 2`, [tenantId]);
    const result = await verify(token);
    expect(result).toMatchObject({ intact: false, firstBroken: { seq: 2, reason: 'altered_event' } });
  });

  it('finds a deleted event', async () => {
    const { tenantId, token } = await tenantWithHistory();
    await tamper('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 2', [tenantId]);
    expect(await verify(token)).toMatchObject({ intact: false, firstBroken: { seq: 3, reason: 'missing_event' } });
  });
});

describe('GET /audit-events', () => {
  it('lists the newest events first, page by page', async () => {
    const { token } = await tenantWithHistory(5);
    const auth = { Authorization: `Bearer ${token}` };
    const first = await t.http.get('/api/v1/audit-events?limit=4').set(auth).expect(200);
    expect(first.body.items.map((e: { seq: number }) => e.seq)).toEqual([6, 5, 4, 3]);
    expect(first.body.items[0]).toMatchObject({ action: 'login', actor: { name: 'Test Personne' } });
    const second = await t.http.get(`/api/v1/audit-events?limit=4&cursor=${first.body.nextCursor}`).set(auth).expect(200);
    expect(second.body.items.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by action', async () => {
    const { token } = await tenantWithHistory(2);
    const response = await t.http.get('/api/v1/audit-events?action=login').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body.items).toHaveLength(3);
    expect(response.body.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
  });
});
