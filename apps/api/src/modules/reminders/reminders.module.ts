import { type DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from '../../config';
import { JobsModule } from '../../jobs/jobs.module';
import { DevOutboxController } from './dev-outbox.controller';
import { EMAIL_PROVIDER, SMS_PROVIDER } from './notification-providers';
import { OutboxEmailProvider, OutboxSmsProvider } from './outbox.providers';
import { OutboxService } from './outbox.service';
import { ReminderDispatcher } from './reminder-dispatcher';
import { ReminderJobs } from './reminder-jobs';

/** The implementations of each NOTIFICATIONS_PROVIDER value (a real gateway adds its line here). */
const PROVIDERS = {
  outbox: { email: OutboxEmailProvider, sms: OutboxSmsProvider, devOutbox: true },
} as const;

/** Reminders and notices of appointments: providers, the dispatcher, its schedule, the dev outbox. */
@Module({})
export class RemindersModule {
  static register(config: ApiConfig): DynamicModule {
    const providers = PROVIDERS[config.notifications.provider];
    return {
      module: RemindersModule,
      imports: [JobsModule],
      controllers: providers.devOutbox ? [DevOutboxController] : [],
      providers: [
        { provide: EMAIL_PROVIDER, useClass: providers.email },
        { provide: SMS_PROVIDER, useClass: providers.sms },
        ReminderDispatcher,
        ReminderJobs,
        OutboxService,
      ],
      exports: [ReminderDispatcher, ReminderJobs],
    };
  }
}
