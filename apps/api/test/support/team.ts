import { randomUUID } from 'node:crypto';
import type { Role } from '@ccas/shared';
import { createTenant } from './factories';
import type { TestApp } from './test-app';

export interface TestMember {
  id: string;
  email: string;
  /** Sends a request as this member: `as.get(path)`, `as.post(path).send(body)`… */
  get(path: string): ReturnType<TestApp['http']['get']>;
  post(path: string): ReturnType<TestApp['http']['post']>;
  put(path: string): ReturnType<TestApp['http']['put']>;
  patch(path: string): ReturnType<TestApp['http']['patch']>;
  delete(path: string): ReturnType<TestApp['http']['delete']>;
}

const ROLES_BY_NAME = { accueil: ['ACCUEIL'], agent: ['AGENT'], agent2: ['AGENT'], manager: ['MANAGER'], admin: ['ADMIN'] } as const;
export type Team = { tenantId: string; siteIds: [string, string] } & Record<keyof typeof ROLES_BY_NAME, TestMember>;

/** A fresh tenant with two sites and one member per role (two agents), each able to call the API. */
export async function createTeam(t: TestApp): Promise<Team> {
  const tenantId = await createTenant(t.owner);
  const { rows: sites } = await t.owner.query<{ id: string }>(
    "INSERT INTO sites (tenant_id, name) VALUES ($1, 'Hôtel de ville'), ($1, 'Antenne Nord') RETURNING id",
    [tenantId],
  );
  const members = await Promise.all(
    Object.entries(ROLES_BY_NAME).map(async ([name, roles]) => [name, await createMember(t, tenantId, [...roles], sites[0].id, name)] as const),
  );
  return { tenantId, siteIds: [sites[0].id, sites[1].id], ...(Object.fromEntries(members) as Record<keyof typeof ROLES_BY_NAME, TestMember>) };
}

async function createMember(t: TestApp, tenantId: string, roles: Role[], siteId: string, name: string): Promise<TestMember> {
  const subject = `subject-${randomUUID()}`;
  const email = `${name}-${randomUUID().slice(0, 8)}@example.test`;
  const { rows } = await t.owner.query<{ id: string }>(
    `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles, subject)
     VALUES ($1, $2, $3, 'Test', $4, $5) RETURNING id`,
    [tenantId, email, name[0].toUpperCase() + name.slice(1), roles, subject],
  );
  await t.owner.query('INSERT INTO membership_sites (tenant_id, membership_id, site_id) VALUES ($1, $2, $3)', [tenantId, rows[0].id, siteId]);
  const token = await t.issuer.sign({ sub: subject, email, email_verified: true, sid: randomUUID() }, { expiresIn: '1h' });
  const auth = <T extends { set(name: string, value: string): T }>(req: T) => req.set('Authorization', `Bearer ${token}`);
  return {
    id: rows[0].id,
    email,
    get: (path) => auth(t.http.get(path)),
    post: (path) => auth(t.http.post(path)),
    put: (path) => auth(t.http.put(path)),
    patch: (path) => auth(t.http.patch(path)),
    delete: (path) => auth(t.http.delete(path)),
  };
}
