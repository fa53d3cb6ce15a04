import { Injectable } from '@nestjs/common';
import type { NotificationChannel, NotificationKind, OutboxMessage, OutboxQuery, Page } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after } from '../../common/keyset';
import { TenantDb } from '../../tenancy/tenant-db.service';

/** The development outbox: what the outbox providers "sent" for the member's tenant, newest first. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(query: OutboxQuery): Promise<Page<OutboxMessage>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.outboxMessage.findMany({
        where: after('createdAt', cursor),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
        include: { notification: { select: { kind: true, appointmentId: true } } },
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      // The messages hold people's contacts: reading them is audited (the count, not the content).
      await this.audit.record(tx, { action: 'read', entityType: 'outbox', details: { messages: items.length } });
      return {
        items: items.map((row) => ({
          id: row.id,
          channel: row.channel as NotificationChannel,
          recipient: row.recipient,
          subject: row.subject,
          body: row.body,
          kind: (row.notification?.kind ?? null) as NotificationKind | null,
          appointmentId: row.notification?.appointmentId ?? null,
          createdAt: row.createdAt.toISOString(),
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      };
    });
  }
}
