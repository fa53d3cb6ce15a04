import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './paths';

/**
 * Applies prisma/migrations/<name>/migration.sql in order, one transaction per file, and records
 * them in Prisma's own `_prisma_migrations` table, so that `prisma migrate status/deploy` agree on
 * machines that have Prisma's native engine (see docs/decisions/002-sql-migrations.md).
 */
export const MIGRATIONS_DIR = path.join(repoRoot, 'prisma', 'migrations');
const LOCK_KEY = 727_274_001; // any constant: serialises concurrent migration runs

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(ownerUrl: string, log: (line: string) => void = () => undefined): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS _prisma_migrations (
        id                  varchar(36) PRIMARY KEY,
        checksum            varchar(64) NOT NULL,
        finished_at         timestamptz,
        migration_name      varchar(255) NOT NULL,
        logs                text,
        rolled_back_at      timestamptz,
        started_at          timestamptz NOT NULL DEFAULT now(),
        applied_steps_count integer NOT NULL DEFAULT 0
      )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];

    for (const name of listMigrations()) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const known = done.get(name);
      if (known) {
        if (known !== checksum) throw new Error(`migration ${name} was changed after it was applied; add a new migration instead`);
        continue;
      }
      log(`Applying migration ${name}`);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.end();
  }
}

export function listMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}
