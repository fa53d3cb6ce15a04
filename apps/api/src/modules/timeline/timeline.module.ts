import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DigitalInclusionModule } from '../digital-inclusion/digital-inclusion.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

/** The file's timeline, merged from the journal, procedures, assessments, referrals and appointments. */
@Module({
  imports: [InterviewsModule, ProceduresModule, DigitalInclusionModule, AppointmentsModule],
  controllers: [TimelineController],
  providers: [TimelineService],
})
export class TimelineModule {}
