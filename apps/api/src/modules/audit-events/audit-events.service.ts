import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { type AuditChainVerification, type AuditEvent, type AuditEventExportQuery, type AuditEventQuery, type Page, UUID_PATTERN } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, SeqCursor } from '../../common/cursor';
import { currentRequest, currentUser } from '../../common/request-context';
import type { Prisma } from '../../generated/prisma/client';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { CSV_HEADER, toCsvLine } from './audit-events.csv';

type Filters = AuditEventExportQuery;

/** Rows read per round of the CSV export: memory stays flat whatever the number of events. */
const EXPORT_BATCH = 1000;

const eventInclude = { actor: { select: { id: true, firstName: true, lastName: true } } } as const;
type EventRow = Prisma.AuditEventGetPayload<{ include: typeof eventInclude }>;

@Injectable()
export class AuditEventsService {
  private readonly logger = new Logger(AuditEventsService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** The tenant's audit trail, newest first (keyset on the chain sequence), filtered. */
  list(query: AuditEventQuery): Promise<Page<AuditEvent>> {
    const after = query.cursor ? decodeCursor(query.cursor, SeqCursor).seq : undefined;
    return this.db.transaction(async (tx) => {
      const where = await this.where(tx, query);
      if (!where) return { items: [], nextCursor: null };
      const rows = await this.read(tx, { ...where, ...(after !== undefined ? { seq: { lt: after } } : {}) }, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: await this.toEvents(tx, items),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ seq: Number(last.seq) }) : null,
      };
    });
  }

  /**
   * Every matching event as CSV (UTF-8 with BOM, `;`, for spreadsheets set to French), streamed in
   * rounds of EXPORT_BATCH rows so that a year of trail never sits in memory. The export itself is
   * audited first; the events exported are those that existed at that moment.
   */
  async exportCsv(query: Filters): Promise<Readable> {
    const user = currentUser();
    const start = await this.db.transaction(async (tx) => {
      const where = await this.where(tx, query);
      const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
      await this.audit.record(tx, { action: 'export', entityType: 'audit-events', details: exportDetails(query, where) });
      return { where, upTo: head?.seq ?? 0n };
    });
    const requestId = currentRequest()?.requestId ?? '-';
    const rounds = async function* (this: AuditEventsService) {
      yield `\uFEFF${CSV_HEADER}`;
      if (!start.where) return;
      let before = start.upTo + 1n;
      let exported = 0;
      try {
        for (;;) {
          // The stream is read after the request handler returned: the tenant is passed explicitly.
          const events = await this.db.forTenant(
            user.tenantId,
            async (tx) => this.toEvents(tx, await this.read(tx, { ...start.where, seq: { lt: before } }, EXPORT_BATCH)),
            user.membershipId,
          );
          if (events.length) yield events.map(toCsvLine).join('');
          exported += events.length;
          const last = events.at(-1);
          if (events.length < EXPORT_BATCH || !last) return;
          before = BigInt(last.seq);
        }
      } catch (error) {
        // The kind and where only: a database error's message may quote the data it was reading.
        const failure = error instanceof Error ? error : new Error(String(error));
        const code = (failure as { code?: unknown }).code;
        const frames = failure.stack?.split('\n').slice(1, 6).join('\n') ?? '';
        this.logger.error(
          `Audit trail CSV export failed after ${exported} events on request ${requestId}: ${failure.name}${code ? ` (${String(code)})` : ''}\n${frames}`,
        );
        // Fails the stream, so that the download is cut rather than ended as if complete. No cause
        // attached: whatever logs this error next must not print the original message.
        // eslint-disable-next-line preserve-caught-error
        throw new Error('audit trail CSV export failed');
      }
    };
    return Readable.from(rounds.call(this));
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

  /** The query's filters as a condition; null when they name a file that does not exist (nothing matches). */
  private async where(tx: TenantTx, query: Filters): Promise<Prisma.AuditEventWhereInput | null> {
    let { entityType, entityId } = query;
    if (query.file) {
      const fileNumber = 'fileNumber' in query.file ? query.file.fileNumber : undefined;
      const id =
        'id' in query.file ? query.file.id : (await tx.beneficiary.findFirst({ where: { fileNumber }, select: { id: true } }))?.id;
      if (!id) return null;
      entityType = 'beneficiary';
      entityId = id;
    }
    return {
      action: query.action,
      actorId: query.actorId,
      entityType,
      entityId,
      ...(query.from || query.to
        ? { occurredAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
        : {}),
    };
  }

  private read(tx: TenantTx, where: Prisma.AuditEventWhereInput, take: number): Promise<EventRow[]> {
    return tx.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, take, include: eventInclude });
  }

  /** The rows as the viewer shows them, with the number of each file they are about. */
  private async toEvents(tx: TenantTx, rows: EventRow[]): Promise<AuditEvent[]> {
    const fileIds = [...new Set(rows.filter((row) => row.entityType === 'beneficiary' && row.entityId && UUID_PATTERN.test(row.entityId)).map((row) => row.entityId!))];
    const files = fileIds.length ? await tx.beneficiary.findMany({ where: { id: { in: fileIds } }, select: { id: true, fileNumber: true } }) : [];
    const fileNumbers = new Map(files.map((file) => [file.id, file.fileNumber]));
    return rows.map((row) => {
      const fileNumber = row.entityType === 'beneficiary' && row.entityId ? fileNumbers.get(row.entityId) : undefined;
      return {
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
        file: fileNumber !== undefined && row.entityId ? { id: row.entityId, fileNumber } : null,
      };
    });
  }
}

/** The filters of an export, recorded with it (ids and dates only, never a name). */
function exportDetails(query: Filters, where: Prisma.AuditEventWhereInput | null): Record<string, string | boolean> {
  const details: Record<string, string | boolean> = { target: 'audit-events' };
  if (query.action) details.action = query.action;
  if (query.actorId) details.actorId = query.actorId;
  if (typeof where?.entityType === 'string') details.entityType = where.entityType;
  if (typeof where?.entityId === 'string') details.entityId = where.entityId;
  if (query.from) details.from = query.from;
  if (query.to) details.to = query.to;
  if (!where) details.unknownFile = true;
  return details;
}
