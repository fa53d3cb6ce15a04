import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { API_CONFIG, type ApiConfig } from '../../config';
import { JobQueue } from '../../jobs/job-queue';
import { DISPATCH_BATCH, ReminderDispatcher } from './reminder-dispatcher';

export const DISPATCH_QUEUE = 'reminders-dispatch';
/** Every minute; pg-boss makes it one job per minute whatever the number of API replicas. */
const DISPATCH_CRON = '* * * * *';
/** A run that finds full batches goes on, up to this many batches (the next minute does the rest). */
const MAX_BATCHES_PER_RUN = 10;

/**
 * The reminders' schedule, on pg-boss (a Postgres-backed queue: no other service to run). Started
 * with the application when JOBS_ENABLED (the default; the test app leaves it off), stopped with it.
 * Each replica works the queue; the "stately" policy keeps at most one run queued and one running.
 */
@Injectable()
export class ReminderJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private boss: PgBoss | null = null;
  private workerId: string | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly dispatcher: ReminderDispatcher,
    private readonly queue: JobQueue,
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
    const boss = await this.queue.join(DISPATCH_QUEUE);
    try {
      await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: 'stately', retryLimit: 0, expireInSeconds: 600 });
      await boss.schedule(DISPATCH_QUEUE, DISPATCH_CRON);
      this.workerId = await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
        await this.runDispatch();
      });
    } catch (error) {
      await this.queue.leave(DISPATCH_QUEUE);
      throw error;
    }
    this.boss = boss;
  }

  /** Stops this queue's worker; the last job to leave closes the queue, waiting for a run in progress. */
  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    this.workerId = null;
    await boss.offWork(DISPATCH_QUEUE);
    await this.queue.leave(DISPATCH_QUEUE);
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
