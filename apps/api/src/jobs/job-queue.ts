import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { API_CONFIG, type ApiConfig } from '../config';

/** pg-boss's schema: created by the owner (migration 20261129030000_jobs), filled by pg-boss. */
export const JOBS_SCHEMA = 'pgboss';
/**
 * The role the queue's connections switch to at start-up: it owns the queue's tables (so that the
 * API's own role owns nothing) and has no right on the product's data.
 */
const JOBS_ROLE = 'ccas_jobs';
/** `options` goes through to pg's Pool (pg-boss passes its whole configuration on). */
const jobsConnection = (databaseUrl: string) => ({ connectionString: databaseUrl, options: `-c role=${JOBS_ROLE}`, application_name: 'ccas-jobs' });

/**
 * The one pg-boss of this API replica (docs/decisions/009-reminders-and-jobs.md): every scheduled
 * job (reminders, retention) registers its queue on it, so that they share one connection pool.
 * Started by the first job that joins, stopped when the last one leaves (or with the application).
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss: Promise<PgBoss> | null = null;
  private readonly users = new Set<string>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** The started queue; `user` (its queue's name) counts as using it until it leaves. */
  async join(user: string): Promise<PgBoss> {
    this.users.add(user);
    this.boss ??= this.start();
    try {
      return await this.boss;
    } catch (error) {
      this.users.delete(user);
      this.boss = null;
      throw error;
    }
  }

  /** The last user to leave stops the queue, waiting for a run in progress (up to 20 s). */
  async leave(user: string): Promise<void> {
    this.users.delete(user);
    if (this.users.size === 0) await this.stop();
  }

  async onModuleDestroy(): Promise<void> {
    this.users.clear();
    await this.stop();
  }

  private async start(): Promise<PgBoss> {
    await installJobSchema(this.config.databaseUrl);
    const options: PgBoss.ConstructorOptions & { options: string } = { ...jobsConnection(this.config.databaseUrl), schema: JOBS_SCHEMA, max: 3 };
    const boss = new PgBoss(options);
    // pg-boss reports its own failures (lost connection…) as events; the messages hold no personal data.
    boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
    await boss.start();
    return boss;
  }

  private async stop(): Promise<void> {
    const starting = this.boss;
    this.boss = null;
    const boss = await starting?.catch(() => null);
    await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}

/**
 * Creates pg-boss's tables on first start, as the jobs role, in the schema the migration made. The
 * plan is pg-boss's own minus its `CREATE SCHEMA`: that statement needs CREATE on the database,
 * which no role of the API is given (see docs/decisions/009-reminders-and-jobs.md). Later upgrades
 * of pg-boss migrate its tables themselves in `start()`.
 */
async function installJobSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client(jobsConnection(databaseUrl));
  await client.connect();
  try {
    const { rows } = await client.query<{ installed: string | null }>('SELECT to_regclass($1) AS installed', [`${JOBS_SCHEMA}.version`]);
    if (rows[0].installed) return;
    const plan = PgBoss.getConstructionPlans(JOBS_SCHEMA);
    const createSchema = new RegExp(`^\\s*CREATE SCHEMA IF NOT EXISTS ${JOBS_SCHEMA}\\s*;`, 'm');
    if (!createSchema.test(plan)) throw new Error('pg-boss construction plan has changed: review installJobSchema');
    try {
      await client.query(plan.replace(createSchema, ''));
    } catch (error) {
      // Another replica installed it at the same moment (the plan holds an advisory lock).
      if (!(error instanceof Error && error.message.includes('already exists'))) throw error;
    }
  } finally {
    await client.end();
  }
}
