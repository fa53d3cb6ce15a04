import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { CatalogueEntry, CatalogueKind, CatalogueQuery, CreateCatalogueEntryInput, Page, UpdateCatalogueEntryInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, OffsetCursor } from '../../common/cursor';
import { currentUser } from '../../common/request-context';
import { retirement } from '../../common/retirement';
import { Prisma } from '../../generated/prisma/client';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { nameTaken } from '../../tenancy/lookups';

interface EntryRow {
  id: string;
  kind: CatalogueKind;
  code: string | null;
  label: string;
  category: CatalogueEntry['category'];
  retired_at: Date | null;
  used_by_me: number;
}

const toEntry = (row: EntryRow): CatalogueEntry => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  label: row.label,
  category: row.category,
  retired: row.retired_at !== null,
  usedByMe: row.used_by_me,
});

/** Organisms and procedure types: seeded for every tenant, extended and retired by its ADMIN. */
/**
 * Longest an entry's update may take: a new category moves its procedures between the dashboard's
 * category counts, seconds for the most used entry of the largest CCAS (docs/decisions/012-dashboards.md).
 */
const RECATEGORISE_TIMEOUT_MS = 30_000;

@Injectable()
export class CataloguesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** The reader's most used entries of the last 12 months first, so that logging a procedure is quick. */
  list(kind: CatalogueKind, query: CatalogueQuery): Promise<Page<CatalogueEntry>> {
    const user = currentUser();
    const offset = query.cursor ? decodeCursor(query.cursor, OffsetCursor).offset : 0;
    const column = kind === 'organism' ? Prisma.sql`p.organism_id` : Prisma.sql`p.procedure_type_id`;
    return this.db.transaction(async (tx) => {
      const rows = await tx.$queryRaw<EntryRow[]>`
        SELECT e.id, e.kind, e.code, e.label, e.category, e.retired_at,
               (SELECT count(*)::int FROM procedures p
                 WHERE p.tenant_id = e.tenant_id AND ${column} = e.id AND p.agent_id = ${user.membershipId}::uuid
                   AND p.occurred_at > now() - interval '12 months') AS used_by_me
          FROM catalogue_entries e
         WHERE e.kind = ${kind} AND (${query.includeRetired ?? false} OR e.retired_at IS NULL)
         ORDER BY used_by_me DESC, e.code = 'OTHER', e.label, e.id
         LIMIT ${query.limit + 1} OFFSET ${offset}`;
      return {
        items: rows.slice(0, query.limit).map(toEntry),
        nextCursor: rows.length > query.limit ? encodeCursor({ offset: offset + query.limit }) : null,
      };
    });
  }

  create(kind: CatalogueKind, input: CreateCatalogueEntryInput): Promise<CatalogueEntry> {
    return this.db.transaction(async (tx) => {
      await this.refuseDuplicateLabel(tx, kind, input.label);
      const row = await tx.catalogueEntry.create({ data: { tenantId: currentUser().tenantId, kind, ...input } });
      await this.audit.record(tx, { action: 'create', entityType: 'catalogue-entry', entityId: row.id, details: { kind } });
      return toEntry({ ...row, kind, retired_at: null, category: row.category as CatalogueEntry['category'], used_by_me: 0 });
    });
  }

  /** Renames, recategorises, retires or brings back an entry; procedures keep pointing at it. */
  update(kind: CatalogueKind, id: string, input: UpdateCatalogueEntryInput): Promise<CatalogueEntry> {
    return this.db.transaction(async (tx) => {
      const current = await tx.catalogueEntry.findFirst({ where: { id, kind } });
      if (!current) throw new NotFoundException({ detail: 'Cette entrée n’existe pas dans ce catalogue.' });
      if (input.label && input.label !== current.label) await this.refuseDuplicateLabel(tx, kind, input.label, id);
      const { retired, ...fields } = input;
      const row = await tx.catalogueEntry.update({
        where: { tenantId_id: { tenantId: current.tenantId, id } },
        data: { ...fields, ...retirement(retired, current.retiredAt) },
      });
      await this.audit.record(tx, { action: 'update', entityType: 'catalogue-entry', entityId: id, details: { kind } });
      return toEntry({
        ...row,
        kind,
        retired_at: row.retiredAt,
        category: row.category as CatalogueEntry['category'],
        used_by_me: 0,
      });
    }, { timeoutMs: RECATEGORISE_TIMEOUT_MS });
  }

  /** Labels differing only by case or accents are the same entry for the people choosing among them. */
  private async refuseDuplicateLabel(tx: TenantTx, kind: CatalogueKind, label: string, except: string | null = null): Promise<void> {
    if (await nameTaken(tx, 'catalogue_entries', label, except, Prisma.sql`AND kind = ${kind}`)) {
      throw new ConflictException({ detail: 'Une entrée porte déjà ce nom dans ce catalogue.' });
    }
  }
}
