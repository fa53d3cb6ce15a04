import pg from 'pg';
import { stackConfig } from '../config';
import { prepareDatabase } from '../database-setup';
import { dropDatabase } from '../database';
import { seedDemo } from '../demo/seed';

/**
 * `npm run db:migrate | db:seed | db:reset | audit:verify`, on DATABASE_URL or the embedded database
 * (started for the command, then stopped).
 */
const command = process.argv[2];
const config = stackConfig();
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (!['migrate', 'seed', 'reset', 'verify-audit'].includes(command ?? '')) {
    throw new Error('usage: db.ts migrate | seed | reset | verify-audit');
  }
  if (command === 'reset') {
    const database = await prepareDatabase({ ...config, seed: false, log: () => undefined });
    await dropDatabase(database.ownerUrl);
    await database.stop();
    log('Database dropped');
  }
  const database = await prepareDatabase({ ...config, seed: false, log });
  try {
    if (command === 'seed' || command === 'reset') {
      if (!(await seedDemo(database.ownerUrl, log))) log('Demo data already present');
    }
    if (command === 'verify-audit') process.exitCode = await verifyAuditChains(database.ownerUrl);
  } finally {
    await database.stop();
  }
}

/** Checks every tenant's chain; exit code 1 when one is broken. */
async function verifyAuditChains(ownerUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; checked: string; broken_seq: string | null; reason: string | null }>(
      'SELECT t.name, v.* FROM tenants t CROSS JOIN LATERAL audit_verify_chain(t.id) v ORDER BY t.name',
    );
    for (const row of rows) {
      log(row.broken_seq ? `${row.name}: BROKEN at event #${row.broken_seq} (${row.reason})` : `${row.name}: intact (${row.checked} events)`);
    }
    return rows.some((row) => row.broken_seq) ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
