import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { API_CONFIG, type ApiConfig } from '../../config';
import { DISPATCH_BATCH, ReminderDispatcher } from './reminder-dispatcher';

/** pg-boss's schema: created by the owner (migration 20261129030000_jobs), filled by pg-boss. */
export const JOBS_SCHEMA = 'pgboss';
export const DISPATCH_QUEUE = 'reminders-dispatch';
/** Every minute; pg-boss makes it one job per minute whatever the number of API replicas. */
const DISPATCH_CRON = '* * * * *';
/** A run that finds full batches goes on, up to this many batches (the next minute does the rest). */
const MAX_BATCHES_PER_RUN = 10;
/**
 * The role pg-boss's connections switch to at start-up: it owns the queue's tables (so that the
 * API's own role owns nothing) and has no right on the product's data.
 */
const JOBS_ROLE = 'ccas_jobs';
const jobsConnection = (databaseUrl: string) => ({ connectionString: databaseUrl, options: `-c role=${JOBS_ROLE}`, application_name: 'ccas-jobs' });

/**
 * The reminders' schedule, on pg-boss (a Postgres-backed queue: no other service to run). Started
 * with the application when JOBS_ENABLED (the default; the test app leaves it off), stopped with it.
 * Each replica works the queue; the "stately" policy keeps at most one run queued and one running.
 */
@Injectable()
export class ReminderJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private workerId: string | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly dispatcher: ReminderDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs.enabled) await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async start(): Promise<void> {
    if (this.boss) return;
    await installJobSchema(this.config.databaseUrl);
    // `options` goes through to pg's Pool (pg-boss passes its whole configuration on).
    const options: PgBoss.ConstructorOptions & { options: string } = { ...jobsConnection(this.config.databaseUrl), schema: JOBS_SCHEMA, max: 3 };
    const boss = new PgBoss(options);
    // pg-boss reports its own failures (lost connection…) as events; the messages hold no personal data.
    boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
    await boss.start();
    try {
      await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: 'stately', retryLimit: 0, expireInSeconds: 600 });
      await boss.schedule(DISPATCH_QUEUE, DISPATCH_CRON);
      this.workerId = await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
        await this.runDispatch();
      });
    } catch (error) {
      await boss.stop({ graceful: false });
      throw error;
    }
    this.boss = boss;
  }

  /** Waits for a run in progress (up to 20 s), then closes the queue's connections. */
  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    this.workerId = null;
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }

  /** Asks for a run now and wakes this replica's worker (null: a run is already queued). */
  async requestRun(): Promise<string | null> {
    if (!this.boss || !this.workerId) throw new Error('jobs are not started');
    const id = await this.boss.send(DISPATCH_QUEUE, {});
    this.boss.notifyWorker(this.workerId);
    return id;
  }

  /** Job state, for tests and diagnostics. */
  async jobState(id: string): Promise<string | null> {
    return (await this.boss?.getJobById(DISPATCH_QUEUE, id))?.state ?? null;
  }

  private async runDispatch(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const { found } = await this.dispatcher.dispatchDue();
      if (found < DISPATCH_BATCH) return;
    }
  }
}

/**
 * Creates pg-boss's tables on first start, as the jobs role, in the schema the migration made. The
 * plan is pg-boss's own minus its `CREATE SCHEMA`: that statement needs CREATE on the database,
 * which no role of the API is given (see docs/decisions/009-reminders-and-jobs.md). Later upgrades
 * of pg-boss migrate its tables themselves in `start()`.
 */
export async function installJobSchema(databaseUrl: string): Promise<void> {
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
