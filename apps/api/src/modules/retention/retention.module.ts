import { Module } from '@nestjs/common';
import { JobsModule } from '../../jobs/jobs.module';
import { DataProtectionSettingsController } from './data-protection-settings.controller';
import { DataProtectionSettingsService } from './data-protection-settings.service';
import { RetentionJobs } from './retention-jobs';
import { RetentionSweep } from './retention-sweep';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Data retention: the review of files due for archiving, their anonymisation, the audit purge, the delays. */
@Module({
  imports: [JobsModule],
  controllers: [RetentionController, DataProtectionSettingsController],
  providers: [RetentionService, DataProtectionSettingsService, RetentionSweep, RetentionJobs],
  exports: [RetentionSweep],
})
export class RetentionModule {}
