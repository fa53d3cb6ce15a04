import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The job queue every scheduled job of the API registers with (one pg-boss, one pool). */
@Module({
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
