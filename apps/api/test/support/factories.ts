import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '@ccas/shared';

/** Small factories writing straight to the database as the owner, with unique data per test. */
export async function createTenant(owner: pg.Pool, name = `CCAS test ${randomUUID().slice(0, 8)}`): Promise<string> {
  const { rows } = await owner.query<{ id: string }>('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [name]);
  return rows[0].id;
}

export async function createMembership(
  owner: pg.Pool,
  tenantId: string,
  overrides: { email?: string; roles?: Role[]; active?: boolean; subject?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = overrides.email ?? `person-${randomUUID().slice(0, 8)}@example.test`;
  const { rows } = await owner.query<{ id: string }>(
    `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles, active, subject)
     VALUES ($1, $2, 'Test', 'Personne', $3, $4, $5) RETURNING id`,
    [tenantId, email, overrides.roles ?? ['AGENT'], overrides.active ?? true, overrides.subject ?? null],
  );
  return { id: rows[0].id, email };
}

export async function auditEvents(owner: pg.Pool, where: { tenantId: string; actorId?: string; action?: string }) {
  const { rows } = await owner.query<{ action: string; details: Record<string, unknown>; request_id: string | null; seq: string }>(
    `SELECT action, details, request_id, seq FROM audit_events
      WHERE tenant_id = $1 AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::text IS NULL OR action = $3)
      ORDER BY seq`,
    [where.tenantId, where.actorId ?? null, where.action ?? null],
  );
  return rows;
}
