import { Injectable } from '@nestjs/common';
import type { Page, PageQuery, SiteDetail, TeamMember } from '@ccas/shared';
import { decodeCursor, encodeCursor, NameCursor } from '../../common/cursor';
import { afterName } from '../../common/keyset';
import { TenantDb } from '../../tenancy/tenant-db.service';


@Injectable()
export class TeamService {
  constructor(private readonly db: TenantDb) {}

  /** Active members, by last name. */
  members(query: PageQuery): Promise<Page<TeamMember>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.membership.findMany({
        where: { active: true, ...afterName('lastName', cursor) },
        orderBy: [{ lastName: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        select: { id: true, firstName: true, lastName: true, roles: true },
      });
      const items = rows.slice(0, query.limit).map((row) => ({ ...row, roles: row.roles as TeamMember['roles'] }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.lastName, id: last.id }) : null };
    });
  }

  sites(query: PageQuery): Promise<Page<SiteDetail>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.site.findMany({
        where: afterName('name', cursor),
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        select: { id: true, name: true, address: true },
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
    });
  }
}
