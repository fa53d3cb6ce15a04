import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LocationType, NotificationChannel, NotificationKind } from '@ccas/shared';
import { Clock } from '../../common/clock';
import { PrismaService } from '../../database/prisma.service';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { EMAIL_PROVIDER, type EmailProvider, SMS_PROVIDER, type SmsProvider } from './notification-providers';
import { type AppointmentFacts, renderEmail, renderSms } from './reminder-message';

/** Notifications handled per run; the job runs again while a run finds a full batch. */
export const DISPATCH_BATCH = 200;

export interface DispatchResult {
  sent: number;
  skipped: number;
  /** Left PENDING (a provider or database error): tried again at the next run. */
  failed: number;
}

/** Why a due notification is not sent: kept on the row (`skip_reason`). */
export type SkipReason =
  | 'appointment_not_planned'
  | 'appointment_past'
  | 'channel_disabled'
  | 'no_consent'
  | 'no_email'
  | 'no_mobile_phone'
  | 'reminder_already_sent';

interface LockedNotification {
  id: string;
  appointment_id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
}

/**
 * Sends the appointment notifications that are due (reminders before, notices of a move or a
 * cancellation), for every tenant. The list of due ones comes from an owner-rights function (tenant
 * and id only); each is then decided and sent in its own tenant's transaction, under row-level
 * security, with its row locked and still PENDING: two runs at once never send the same one, and
 * the database refuses a second SENT reminder per appointment and channel anyway.
 */
@Injectable()
export class ReminderDispatcher {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: TenantDb,
    private readonly clock: Clock,
    @Inject(EMAIL_PROVIDER) private readonly email: EmailProvider,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
  ) {}

  /**
   * Sends what is due at `now` (the clock's time by default), oldest first, up to `take`. The job
   * serves every tenant; `tenantId` narrows a run to one tenant, read under its own RLS (tests, and
   * any later "send now" of a tenant).
   */
  async dispatchDue(now: Date = this.clock.now(), options: { tenantId?: string; take?: number } = {}): Promise<DispatchResult & { found: number }> {
    const take = Math.min(options.take ?? DISPATCH_BATCH, 1000);
    const due = options.tenantId
      ? await this.db.forTenant(options.tenantId, (tx) =>
          tx.appointmentNotification.findMany({
            where: { state: 'PENDING', dueAt: { lte: now } },
            orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
            take,
            select: { tenantId: true, id: true },
          }),
        )
      : (
          await this.prisma.$queryRaw<{ tenant_id: string; id: string }[]>`
            SELECT tenant_id, id FROM app_due_notifications(${now}::timestamptz, ${take}::integer)`
        ).map((row) => ({ tenantId: row.tenant_id, id: row.id }));
    const result: DispatchResult = { sent: 0, skipped: 0, failed: 0 };
    for (const { tenantId, id } of due) {
      try {
        const outcome = await this.db.forTenant(tenantId, (tx) => this.handle(tx, tenantId, id, now));
        if (outcome) result[outcome] += 1;
      } catch (error) {
        result.failed += 1;
        // The error's name or SQL state only: messages may quote the data.
        const code = (error as { code?: unknown }).code;
        this.logger.error(`notification ${id} not sent (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'})`);
      }
    }
    if (due.length) this.logger.log(`${result.sent} sent, ${result.skipped} skipped, ${result.failed} failed`);
    return { ...result, found: due.length };
  }

  /** Decides and sends one notification; null when another run already took it. */
  private async handle(tx: TenantTx, tenantId: string, id: string, now: Date): Promise<'sent' | 'skipped' | null> {
    const [notification] = await tx.$queryRaw<LockedNotification[]>`
      SELECT id, appointment_id, kind, channel FROM appointment_notifications
       WHERE id = ${id}::uuid AND state = 'PENDING' AND due_at <= ${now}::timestamptz
         FOR UPDATE SKIP LOCKED`;
    if (!notification) return null;

    const appointment = await tx.appointment.findFirstOrThrow({
      where: { id: notification.appointment_id },
      select: {
        status: true,
        startsAt: true,
        locationType: true,
        site: { select: { name: true, address: true } },
        motif: { select: { label: true } },
        beneficiary: { select: { consentDate: true, email: true, phone: true, phoneDigits: true } },
      },
    });
    // The tenant (row-level security shows only this one): its name signs the message, its settings choose the channels.
    const { name: serviceName, settings } = await tx.tenant.findFirstOrThrow({
      select: { name: true, settings: { select: { reminderEmail: true, reminderSms: true } } },
    });
    const alreadySent =
      notification.kind === 'REMINDER' &&
      (await tx.appointmentNotification.count({
        where: { appointmentId: notification.appointment_id, channel: notification.channel, kind: 'REMINDER', state: 'SENT' },
      })) > 0;
    const { beneficiary } = appointment;
    const recipient = notification.channel === 'EMAIL' ? beneficiary.email?.trim() || null : smsRecipient(beneficiary);

    const channelEnabled = notification.channel === 'EMAIL' ? (settings?.reminderEmail ?? true) : (settings?.reminderSms ?? true);
    const consent = beneficiary.consentDate !== null;
    const reason = skipReason({ notification, appointment, now, alreadySent, channelEnabled, consent, recipient });
    if (reason || !recipient) {
      await tx.appointmentNotification.updateMany({ where: { id }, data: { state: 'SKIPPED', skipReason: reason } });
      return 'skipped';
    }

    const facts: AppointmentFacts = {
      kind: notification.kind,
      startsAt: appointment.startsAt,
      serviceName,
      siteName: appointment.site.name,
      siteAddress: appointment.site.address,
      motifLabel: appointment.motif.label,
      locationType: appointment.locationType as LocationType,
    };
    if (notification.channel === 'EMAIL') {
      await this.email.send({ tenantId, notificationId: id, to: recipient, ...renderEmail(facts) }, tx);
    } else {
      await this.sms.send({ tenantId, notificationId: id, to: recipient, body: renderSms(facts) }, tx);
    }
    await tx.appointmentNotification.updateMany({ where: { id }, data: { state: 'SENT', sentAt: now } });
    return 'sent';
  }
}

interface Situation {
  notification: LockedNotification;
  appointment: { status: string; startsAt: Date };
  now: Date;
  alreadySent: boolean;
  channelEnabled: boolean;
  consent: boolean;
  recipient: string | null;
}

/**
 * The rules, in order. A reminder or a move notice is for a planned appointment still to come; any
 * message is pointless once the appointment has started. The tenant's channel settings apply to
 * every kind of message; the person must have agreed (consent recorded on the file) and given the
 * contact for the channel.
 */
export function skipReason(s: Situation): SkipReason | null {
  if (s.notification.kind !== 'CANCELLED' && s.appointment.status !== 'PLANNED') return 'appointment_not_planned';
  if (s.appointment.startsAt.getTime() <= s.now.getTime()) return 'appointment_past';
  if (s.alreadySent) return 'reminder_already_sent';
  if (!s.channelEnabled) return 'channel_disabled';
  if (!s.consent) return 'no_consent';
  if (!s.recipient) return s.notification.channel === 'EMAIL' ? 'no_email' : 'no_mobile_phone';
  return null;
}

/**
 * Where an SMS can go: a French mobile number (06/07, also written +33 6…), or a number written
 * with an international prefix. Landlines and anything unreadable get no SMS.
 */
export function smsRecipient(person: { phone: string | null; phoneDigits: string | null }): string | null {
  const digits = person.phoneDigits ?? '';
  if (/^0[67]\d{8}$/.test(digits)) return digits;
  if (person.phone?.trim().startsWith('+') && /^[1-9]\d{7,14}$/.test(digits)) return `+${digits}`;
  return null;
}
