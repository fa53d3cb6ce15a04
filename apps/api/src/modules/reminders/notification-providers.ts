import type { TenantTx } from '../../tenancy/tenant-db.service';

/** A message to a person about one of their appointment notifications. */
interface OutgoingMessage {
  tenantId: string;
  notificationId: string;
  /** The email address or phone number, as recorded on the person's file. */
  to: string;
  body: string;
}
export type EmailMessage = OutgoingMessage & { subject: string };
export type SmsMessage = OutgoingMessage;

/**
 * How messages leave. `send` runs inside the transaction that then marks the notification SENT:
 * a provider that records the message (the outbox) writes in `tx`, so the record and the SENT state
 * commit together; a gateway ignores `tx`, and its failure (a throw) rolls the state back to be
 * retried at the next run. Which implementation is used is configuration (NOTIFICATIONS_PROVIDER).
 */
export interface EmailProvider {
  send(message: EmailMessage, tx: TenantTx): Promise<void>;
}
export interface SmsProvider {
  send(message: SmsMessage, tx: TenantTx): Promise<void>;
}

export const EMAIL_PROVIDER = Symbol('EMAIL_PROVIDER');
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
