import { ConflictException, Injectable } from '@nestjs/common';
import type { Page, PageQuery, SiteDetail, SiteInput, UpdateSiteInput } from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, NameCursor } from '../../common/cursor';
import { afterName } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { Prisma } from '../../generated/prisma/client';
import { nameTaken, requireSite } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';

const SITE_SELECT = { id: true, name: true, address: true } as const;

/** The tenant's sites (antennes, pôles, France Services desks), kept by its ADMIN. */
@Injectable()
export class SitesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(query: PageQuery): Promise<Page<SiteDetail>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.site.findMany({
        where: afterName('name', cursor),
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        select: SITE_SELECT,
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
    });
  }

  create(input: z.output<typeof SiteInput>): Promise<SiteDetail> {
    return this.db.transaction(async (tx) => {
      await refuseDuplicateName(tx, input.name);
      const row = await tx.site
        .create({ data: { ...input, tenantId: currentUser().tenantId }, select: SITE_SELECT })
        .catch(duplicateNameConflict);
      await this.audit.record(tx, { action: 'create', entityType: 'site', entityId: row.id });
      return row;
    });
  }

  update(id: string, input: z.output<typeof UpdateSiteInput>): Promise<SiteDetail> {
    return this.db.transaction(async (tx) => {
      await requireSite(tx, id);
      if (input.name) await refuseDuplicateName(tx, input.name, id);
      const row = await tx.site
        .update({ where: { tenantId_id: { tenantId: currentUser().tenantId, id } }, data: input, select: SITE_SELECT })
        .catch(duplicateNameConflict);
      await this.audit.record(tx, { action: 'update', entityType: 'site', entityId: id, details: { fields: Object.keys(input).sort().join(',') } });
      return row;
    });
  }
}

const DUPLICATE_NAME = 'Un site porte déjà ce nom dans votre structure.';
const duplicateName = () => new ConflictException({ detail: DUPLICATE_NAME, errors: [{ path: 'name', message: DUPLICATE_NAME }] });

/**
 * Names differing only by case or accents are the same site; renaming one to a new spelling of its
 * own name is not a duplicate. Checked first for the field's message; the unique index on
 * `app_search_key(name)` (migration 20261129100000_site_names) settles two concurrent writes.
 */
async function refuseDuplicateName(tx: TenantTx, name: string, except: string | null = null): Promise<void> {
  if (await nameTaken(tx, 'sites', name, except)) throw duplicateName();
}

/** The write lost the race to a concurrent one with the same name: the same answer as the check's. */
function duplicateNameConflict(error: unknown): never {
  // The sites' only unique keys besides the generated id are their names.
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateName();
  throw error;
}
