import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { DEMO_TENANTS } from '@ccas/devstack/src/demo/accounts';
import { demoSubject } from '@ccas/devstack/src/demo/identities';
import { createApp } from '../../src/bootstrap';
import { TokenIssuer } from '@ccas/devstack/src/token-issuer';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  issuer: TokenIssuer;
  /** Owner connection, to look at what the database holds (bypasses RLS). */
  owner: pg.Pool;
  /** The API's own database role, for tests that query under row-level security directly. */
  appRole: pg.Pool;
  /** A valid access token for a person, with a fresh session unless `sid` is given. */
  tokenFor(email: string, claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The real application (same createApp as main.ts) listening on a port, hit over HTTP. */
export async function startTestApp(options: { jwksUrl?: string; jobs?: boolean } = {}): Promise<TestApp> {
  const issuer = await TokenIssuer.start();
  const app = await createApp({
    port: 0,
    databaseUrl: process.env.TEST_APP_DATABASE_URL!,
    oidc: {
      issuer: issuer.issuer,
      audience: 'ccas-api',
      jwksUrl: options.jwksUrl ?? issuer.jwksUrl,
      algorithms: ['RS256', 'PS256', 'ES256'],
    },
    publicUrl: 'https://ccas.example.test',
    // Background jobs only when a test asks: tests drive the dispatch themselves, with the clock.
    jobs: { enabled: options.jobs ?? false },
    notifications: { provider: 'outbox' },
  });
  await app.listen(0, '127.0.0.1');
  const owner = new pg.Pool({ connectionString: process.env.TEST_OWNER_DATABASE_URL, max: 2 });
  const appRole = new pg.Pool({ connectionString: process.env.TEST_APP_DATABASE_URL, max: 2 });
  return {
    app,
    http: request(await app.getUrl()),
    issuer,
    owner,
    appRole,
    tokenFor: (email, claims = {}) =>
      issuer.sign({ sub: demoSubject(email), email, email_verified: true, sid: randomUUID(), ...claims }),
    close: async () => {
      await app.close();
      await owner.end();
      await appRole.end();
      await issuer.close();
    },
  };
}

const [villeneuve, val] = DEMO_TENANTS;
export const DEMO = { villeneuveId: villeneuve.id, valId: val.id };
