import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dropDatabase } from '../../packages/devstack/src/database';
import { prepareDatabase } from '../../packages/devstack/src/database-setup';
import { repoRoot } from '../../packages/devstack/src/paths';
import { postmasterPid } from './cpu';
import { log, startBenchCluster } from './harness';
import type { ScaleDataset } from './scale-data';

/**
 * The national-scale database, kept between runs so that one seeding serves many benchmarks: an
 * embedded cluster in `.data/scale` (gitignored; BENCH_SCALE_DIR to move it), or, when DATABASE_URL
 * is set, a `<db>_scale` database next to it. The dataset's description (scale, counts, tenants,
 * seeding time) is the database's comment, written only once the seeding is complete.
 */

export interface ScaleDatabase {
  ownerUrl: string;
  appUrl: string;
  /** Set when the cluster is ours (embedded): its server log goes to `lines` while that is set. */
  serverLog: { lines: string[] | undefined } | undefined;
  postmasterPid: number | undefined;
  dataset: ScaleDataset | undefined;
}

export async function openScaleDatabase(options: { drop: boolean }): Promise<ScaleDatabase> {
  const env = process.env;
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = `${url.pathname}_scale`;
    if (env.APP_DATABASE_URL) {
      const appUrl = new URL(env.APP_DATABASE_URL);
      appUrl.pathname = url.pathname;
      env.APP_DATABASE_URL = appUrl.toString();
    }
    log(`Using ${url.pathname.slice(1)} on ${url.host} (DATABASE_URL)`);
    if (options.drop) await dropDatabase(url.toString());
    const prepared = await prepareDatabase({ databaseUrl: url.toString(), dataDir: '', postgresPort: 0, seed: false, log });
    return { ...prepared, serverLog: undefined, postmasterPid: undefined, dataset: await readDataset(prepared.ownerUrl) };
  }

  delete env.APP_DATABASE_URL; // the app role of our own cluster, not of another database
  const dataDir = path.resolve(env.BENCH_SCALE_DIR ?? path.join(repoRoot, '.data/scale'));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755); // the postgres OS user (when running as root) must reach the cluster folder
  const { cluster, serverLog } = await startBenchCluster(path.join(dataDir, 'postgres'));
  const ownerUrl = cluster.url('ccas_scale');
  if (options.drop) await dropDatabase(ownerUrl);
  // Bulk loads: fewer checkpoints (settings of this bench cluster only, kept in its data folder).
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query("ALTER SYSTEM SET max_wal_size = '8GB'");
    await admin.query("ALTER SYSTEM SET checkpoint_timeout = '30min'");
    await admin.query('SELECT pg_reload_conf()');
  } finally {
    await admin.end();
  }
  const prepared = await prepareDatabase({ databaseUrl: ownerUrl, dataDir, postgresPort: cluster.port, seed: false, log });
  return {
    ownerUrl: prepared.ownerUrl,
    appUrl: prepared.appUrl,
    serverLog,
    postmasterPid: postmasterPid(cluster.dataDir),
    dataset: await readDataset(prepared.ownerUrl),
  };
}

async function readDataset(ownerUrl: string): Promise<ScaleDataset | undefined> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
    );
    const comment = rows[0]?.comment;
    if (!comment?.startsWith('{')) return undefined;
    const dataset = JSON.parse(comment) as ScaleDataset;
    return dataset.format === 1 ? dataset : undefined;
  } finally {
    await client.end();
  }
}

/** Marks the seeding as complete: the description becomes the database's comment. */
export async function writeDataset(ownerUrl: string, dataset: ScaleDataset): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(rows[0].db)} IS ${client.escapeLiteral(JSON.stringify(dataset))}`);
  } finally {
    await client.end();
  }
}

/** Drops the scale database and creates it again, migrated and empty. */
export async function recreateScaleDatabase(database: ScaleDatabase): Promise<void> {
  await dropDatabase(database.ownerUrl);
  await prepareDatabase({ databaseUrl: database.ownerUrl, dataDir: '', postgresPort: 0, seed: false, log });
  database.dataset = undefined;
}

/** A few lines on the dataset: its size, skew and seeding time. */
export function describeDataset(dataset: ScaleDataset): string[] {
  const n = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');
  const sizes = dataset.tenants.map((t) => t.files).sort((a, b) => b - a);
  return [
    `Dataset: scale ${dataset.scale}, seeded ${dataset.seededAt} in ${dataset.seedSeconds} s`,
    `  ${n(dataset.rows.tenants)} tenants (files: largest ${n(sizes[0])}, median ${n(sizes[Math.floor(sizes.length / 2)])}, smallest ${n(sizes[sizes.length - 1])}), ` +
      `${n(dataset.rows.sites)} sites, ${n(dataset.rows.memberships)} members`,
    `  ${n(dataset.rows.beneficiaries)} files, ${n(dataset.rows.beneficiary_referents)} referent links, ${n(dataset.rows.procedures)} procedures, ` +
      `${n(dataset.rows.appointments)} appointments (${n(dataset.rows.agent_busy_slots)} busy slots, ${n(dataset.rows.appointment_notifications)} reminders and notices), ` +
      `${n(dataset.rows.digital_assessments)} digital assessments, ${n(dataset.rows.referrals)} referrals`,
  ];
}
