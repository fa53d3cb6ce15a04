import { z } from 'zod';
import { enumOf } from './fields.js';
import { PageQuery } from './pagination.js';

// Messages to people about their appointments (reminders, notices of a move or a cancellation),
// and the agents' private calendar subscriptions (ICS).

export const NOTIFICATION_KIND_LABELS = {
  REMINDER: 'Rappel',
  MOVED: 'Rendez-vous déplacé',
  CANCELLED: 'Rendez-vous annulé',
} as const;
export const NotificationKind = enumOf(NOTIFICATION_KIND_LABELS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NOTIFICATION_CHANNEL_LABELS = { EMAIL: 'Courriel', SMS: 'SMS' } as const;
export const NotificationChannel = enumOf(NOTIFICATION_CHANNEL_LABELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/**
 * A message as the development provider "sent" it (GET /dev/outbox, newest first). Only exists
 * while the outbox providers are configured: real gateways keep no copy here.
 */
export const OutboxMessage = z.object({
  id: z.uuid(),
  channel: NotificationChannel,
  /** The email address or phone number it went to. */
  recipient: z.string(),
  /** Emails only. */
  subject: z.string().nullable(),
  body: z.string(),
  /** What it was about, when it came from an appointment's notification. */
  kind: NotificationKind.nullable(),
  appointmentId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = PageQuery;
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/** GET /calendar-feed: whether the member has an active subscription address (never the address). */
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.iso.datetime().nullable() });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/**
 * POST /calendar-feed: a new private address (the previous one stops working). Shown this once:
 * only a hash of its secret is kept.
 */
export const CreatedCalendarFeed = z.object({ url: z.url(), createdAt: z.iso.datetime() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;
