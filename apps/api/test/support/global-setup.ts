import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '@ccas/devstack/src/database-setup';
import { dropDatabase } from '@ccas/devstack/src/database';
import { freePort } from '@ccas/devstack/src/processes';

/**
 * One real PostgreSQL for the API test run: a fresh embedded cluster in a temporary folder, or a
 * `<name>_test` database next to DATABASE_URL's. Migrated and seeded with the demo tenants.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccas-api-test-'));
  fs.chmodSync(dataDir, 0o755); // the postgres OS user must reach the cluster folder inside
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `${url.pathname}_test`;
    databaseUrl = url.toString();
    await dropDatabase(databaseUrl);
  }
  const database = await prepareDatabase({
    databaseUrl,
    dataDir,
    postgresPort: await freePort(),
    databaseName: 'ccas_test',
    seed: true,
    log: () => undefined,
  });
  process.env.TEST_OWNER_DATABASE_URL = database.ownerUrl;
  process.env.TEST_APP_DATABASE_URL = database.appUrl;
  (globalThis as Record<string, unknown>).__ccasTestDatabase = { stop: database.stop, dataDir };
}

