import { Injectable } from '@nestjs/common';
import type { AuditChainVerification, AuditEvent, AuditEventQuery, Page } from '@ccas/shared';
import { decodeCursor, encodeCursor, SeqCursor } from '../../common/cursor';
import { TenantDb } from '../../tenancy/tenant-db.service';

@Injectable()
export class AuditEventsService {
  constructor(private readonly db: TenantDb) {}

  /** The tenant's audit trail, newest first (keyset on the chain sequence). */
  list(query: AuditEventQuery): Promise<Page<AuditEvent>> {
    const after = query.cursor ? decodeCursor(query.cursor, SeqCursor).seq : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.auditEvent.findMany({
        where: {
          action: query.action,
          actorId: query.actorId,
          entityType: query.entityType,
          entityId: query.entityId,
          ...(after !== undefined ? { seq: { lt: after } } : {}),
        },
        orderBy: { seq: 'desc' },
        take: query.limit + 1,
        include: { actor: { select: { id: true, firstName: true, lastName: true } } },
      });
      const items = rows.slice(0, query.limit).map((row) => ({
        id: row.id,
        seq: Number(row.seq),
        occurredAt: row.occurredAt.toISOString(),
        actor: row.actor ? { id: row.actor.id, name: `${row.actor.firstName} ${row.actor.lastName}` } : null,
        action: row.action as AuditEvent['action'],
        entityType: row.entityType,
        entityId: row.entityId,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details as Record<string, unknown>,
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ seq: last.seq }) : null };
    });
  }

  /** Recomputes the tenant's hash chain in the database and reports the first broken link. */
  verify(): Promise<AuditChainVerification> {
    return this.db.transaction(async (tx) => {
      const [result] = await tx.$queryRaw<{ checked: bigint; broken_seq: bigint | null; broken_id: string | null; reason: string | null }[]>`
        SELECT * FROM audit_verify_chain(app_current_tenant())`;
      const firstBroken =
        result.broken_seq !== null && result.broken_id && result.reason
          ? { seq: Number(result.broken_seq), id: result.broken_id, reason: result.reason as 'broken_link' }
          : null;
      return { intact: firstBroken === null, checked: Number(result.checked), firstBroken };
    });
  }
}
