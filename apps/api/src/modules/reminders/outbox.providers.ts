import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../tenancy/tenant-db.service';
import type { EmailMessage, EmailProvider, SmsMessage, SmsProvider } from './notification-providers';

// Written with the application's time in milliseconds, like the cursors that page through them.
const writtenAt = () => new Date();

/**
 * Development and test providers: nothing leaves the machine, each message is written to
 * `outbox_messages` as it would have been sent, for the dev outbox page and the tests.
 */
@Injectable()
export class OutboxEmailProvider implements EmailProvider {
  async send(message: EmailMessage, tx: TenantTx): Promise<void> {
    await tx.outboxMessage.createMany({
      data: [{ tenantId: message.tenantId, notificationId: message.notificationId, channel: 'EMAIL', recipient: message.to, subject: message.subject, body: message.body, createdAt: writtenAt() }],
    });
  }
}

@Injectable()
export class OutboxSmsProvider implements SmsProvider {
  async send(message: SmsMessage, tx: TenantTx): Promise<void> {
    await tx.outboxMessage.createMany({
      data: [{ tenantId: message.tenantId, notificationId: message.notificationId, channel: 'SMS', recipient: message.to, body: message.body, createdAt: writtenAt() }],
    });
  }
}
