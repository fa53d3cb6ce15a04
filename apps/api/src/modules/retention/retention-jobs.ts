import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { API_CONFIG, type ApiConfig } from '../../config';
import { installJobSchema, JOBS_SCHEMA } from '../reminders/reminder-jobs';
import { RetentionSweep } from './retention-sweep';

export const RETENTION_QUEUE = 'retention-daily';
/** Every night at 2:30, Paris time; pg-boss makes it one job whatever the number of API replicas. */
const RETENTION_CRON = '30 2 * * *';

/**
 * The retention schedule on pg-boss (docs/decisions/009 and 011). Started with the application when
 * JOBS_ENABLED, with a run at start-up too, so that a new installation (or the demo) has its list
 * at once; the "stately" policy keeps at most one run queued and one running across replicas.
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly sweep: RetentionSweep,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs.enabled) await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
  }

  private async start(): Promise<void> {
    await installJobSchema(this.config.databaseUrl);
    // Same connection as the reminders' queue: the role owning pg-boss's tables, never the API's rights.
    const options: PgBoss.ConstructorOptions & { options: string } = {
      connectionString: this.config.databaseUrl,
      options: '-c role=ccas_jobs',
      application_name: 'ccas-jobs',
      schema: JOBS_SCHEMA,
      max: 2,
    };
    const boss = new PgBoss(options);
    boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
    await boss.start();
    try {
      await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'stately', retryLimit: 1, expireInSeconds: 3600 });
      await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/Paris' });
      await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
        await this.sweep.run();
      });
      await boss.send(RETENTION_QUEUE, {});
    } catch (error) {
      await boss.stop({ graceful: false });
      throw error;
    }
    this.boss = boss;
  }
}
