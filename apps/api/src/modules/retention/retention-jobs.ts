import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { API_CONFIG, type ApiConfig } from '../../config';
import { JobQueue } from '../../jobs/job-queue';
import { RetentionSweep } from './retention-sweep';

export const RETENTION_QUEUE = 'retention-daily';
/** Every night at 2:30, Paris time; pg-boss makes it one job whatever the number of API replicas. */
const RETENTION_CRON = '30 2 * * *';

/**
 * The retention schedule on the API's job queue (docs/decisions/009 and 011). Started with the
 * application when JOBS_ENABLED, with a run at start-up too, so that a new installation (or the demo)
 * has its list at once; the "stately" policy keeps at most one run queued and one running across
 * replicas.
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private boss: PgBoss | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly sweep: RetentionSweep,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs.enabled) await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    await boss.offWork(RETENTION_QUEUE);
    await this.queue.leave(RETENTION_QUEUE);
  }

  private async start(): Promise<void> {
    const boss = await this.queue.join(RETENTION_QUEUE);
    try {
      await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'stately', retryLimit: 1, expireInSeconds: 3600 });
      await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/Paris' });
      await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
        await this.sweep.run();
      });
      // A run at start (the demo's list fills at once), but one a day whatever the replicas and restarts.
      await boss.send(RETENTION_QUEUE, {}, { singletonKey: 'start-up', singletonHours: 24 });
    } catch (error) {
      await this.queue.leave(RETENTION_QUEUE);
      throw error;
    }
    this.boss = boss;
  }
}
