import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './common/clock.module';
import { API_CONFIG, type ApiConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { AccessExportModule } from './modules/access-export/access-export.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AuditEventsModule } from './modules/audit-events/audit-events.module';
import { BeneficiariesModule } from './modules/beneficiaries/beneficiaries.module';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module';
import { CataloguesModule } from './modules/catalogues/catalogues.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { DigitalInclusionModule } from './modules/digital-inclusion/digital-inclusion.module';
import { ExportsModule } from './modules/exports/exports.module';
import { HealthModule } from './modules/health/health.module';
import { InterviewsModule } from './modules/interviews/interviews.module';
import { MeModule } from './modules/me/me.module';
import { ProceduresModule } from './modules/procedures/procedures.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { RetentionModule } from './modules/retention/retention.module';
import { TeamModule } from './modules/team/team.module';
import { TimelineModule } from './modules/timeline/timeline.module';

@Module({})
export class AppModule {
  static register(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
      imports: [
        DatabaseModule,
        ClockModule,
        AuditModule,
        AuthModule,
        HealthModule,
        MeModule,
        TeamModule,
        AuditEventsModule,
        BeneficiariesModule,
        InterviewsModule,
        CataloguesModule,
        ProceduresModule,
        DigitalInclusionModule,
        AppointmentsModule,
        RemindersModule.register(config),
        CalendarFeedsModule,
        DashboardModule,
        ExportsModule,
        TimelineModule,
        RetentionModule,
        AccessExportModule,
      ],
    };
  }
}
