import type pg from 'pg';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

/**
 * Tenant isolation is enforced by PostgreSQL itself: these tests connect as the API's role and
 * "forget" every tenant filter.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function tenantOwnedTables(): Promise<string[]> {
  const { rows } = await t.owner.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Runs `sql` as the API role inside a transaction scoped to `tenantId` (or to no tenant). */
async function asApp<T extends pg.QueryResultRow>(tenantId: string | null, sql: string, params: unknown[] = []) {
  const client = await t.appRole.connect();
  try {
    await client.query('BEGIN');
    if (tenantId) await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    return await client.query<T>(sql, params);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

it('connects the API as a role that owns nothing and cannot bypass row-level security', async () => {
  const { rows } = await asApp<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
    null,
    `SELECT r.rolsuper, r.rolbypassrls,
            (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: '0' }]);
});

it('forces row-level security on every tenant-owned table', async () => {
  const tables = await tenantOwnedTables();
  expect(tables).toEqual(expect.arrayContaining(['audit_events', 'memberships', 'sites']));
  const { rows } = await t.owner.query<{ relname: string }>(
    `SELECT relname FROM pg_class
      WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace
        AND (NOT relrowsecurity OR NOT relforcerowsecurity)`,
    [tables],
  );
  expect(rows).toEqual([]);
});

it('reads tenant rows through views with the reader’s rights, under row-level security', async () => {
  const { rows: views } = await t.owner.query<{ relname: string; invoker: boolean }>(
    `SELECT relname, coalesce('security_invoker=true' = ANY (reloptions), false) AS invoker
       FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace ORDER BY relname`,
  );
  expect(views.map((view) => view.relname)).toEqual(expect.arrayContaining(['procedure_facts']));
  expect(views.filter((view) => !view.invoker)).toEqual([]);
  for (const { relname } of views) {
    const seen = await asApp<{ tenant_id: string }>(DEMO.villeneuveId, `SELECT tenant_id FROM ${relname}`);
    expect(seen.rowCount).toBeGreaterThan(0); // both demo tenants have procedures, appointments, active files
    expect(seen.rows.filter((row) => row.tenant_id !== DEMO.villeneuveId)).toEqual([]);
  }
});

it('returns only the current tenant’s rows to a query without any tenant filter', async () => {
  for (const table of await tenantOwnedTables()) {
    const everything = await t.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [DEMO.valId]);
    const seen = await asApp<{ tenant_id: string }>(DEMO.villeneuveId, `SELECT tenant_id FROM ${table}`);
    expect(seen.rows.filter((row) => row.tenant_id !== DEMO.villeneuveId)).toEqual([]);
    if (table === 'memberships' || table === 'sites') {
      expect(everything.rows[0].n).toBeGreaterThan(0); // the other tenant does have rows
      expect(seen.rowCount).toBeGreaterThan(0);
    }
  }
  const tenants = await asApp<{ id: string }>(DEMO.villeneuveId, 'SELECT id FROM tenants');
  expect(tenants.rows).toEqual([{ id: DEMO.villeneuveId }]);
});

it('shows nothing at all when no tenant is set', async () => {
  for (const table of [...(await tenantOwnedTables()), 'tenants']) {
    const { rowCount } = await asApp(null, `SELECT 1 FROM ${table}`);
    expect({ table, rowCount }).toEqual({ table, rowCount: 0 });
  }
});

it('refuses to insert a row for another tenant', async () => {
  await expect(
    asApp(DEMO.villeneuveId, "INSERT INTO sites (tenant_id, name) VALUES ($1, 'Antenne pirate')", [DEMO.valId]),
  ).rejects.toThrow(/row-level security/);
});

it('refuses to move a row to another tenant', async () => {
  const { rowCount } = await asApp(DEMO.villeneuveId, 'UPDATE sites SET tenant_id = $1', [DEMO.valId]).catch((error: Error) => {
    expect(error.message).toMatch(/row-level security|violates foreign key/);
    return { rowCount: 0 };
  });
  expect(rowCount).toBe(0);
});

it('keeps one tenant’s audit trail out of another’s manager’s reach through the API', async () => {
  const response = await t.http
    .get('/api/v1/audit-events?limit=100')
    .set('Authorization', `Bearer ${await t.tokenFor('manager@val.test')}`)
    .expect(200);
  const { rows } = await t.owner.query<{ id: string }>('SELECT id FROM audit_events WHERE tenant_id = $1', [DEMO.valId]);
  const valIds = new Set(rows.map((row) => row.id));
  expect(response.body.items.length).toBeGreaterThan(0);
  expect(response.body.items.every((event: { id: string }) => valIds.has(event.id))).toBe(true);
});
