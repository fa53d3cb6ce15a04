import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DigitalInclusionModule } from '../digital-inclusion/digital-inclusion.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { AccessExportController } from './access-export.controller';
import { AccessExportService } from './access-export.service';

/** Right of access: everything held about one person, read through each module's own queries. */
@Module({
  imports: [InterviewsModule, ProceduresModule, DigitalInclusionModule, AppointmentsModule],
  controllers: [AccessExportController],
  providers: [AccessExportService],
})
export class AccessExportModule {}
