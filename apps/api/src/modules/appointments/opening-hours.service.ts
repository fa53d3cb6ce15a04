import { BadRequestException, Injectable } from '@nestjs/common';
import type { OpeningHours, OpeningHoursInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { currentUser } from '../../common/request-context';
import { requireSite } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';

/** `time` columns come back as instants on 1970-01-01 UTC. */
const toTime = (value: Date) => value.toISOString().slice(11, 16);
const fromTime = (value: string) => new Date(`1970-01-01T${value}:00Z`);

/** When each site receives the public, per ISO weekday (1 = Monday), in Paris time. */
@Injectable()
export class OpeningHoursService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(siteId: string): Promise<OpeningHours> {
    return this.db.transaction(async (tx) => {
      await requireSite(tx, siteId);
      return this.read(tx, siteId);
    });
  }

  /** Replaces the whole week at once: what is not sent is closed. */
  replace(siteId: string, { ranges }: OpeningHoursInput): Promise<OpeningHours> {
    const sorted = ranges.map((range, index) => ({ ...range, index })).sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
    const overlapping = sorted.filter((range, n) => n > 0 && sorted[n - 1].weekday === range.weekday && range.opensAt < sorted[n - 1].closesAt);
    if (overlapping.length) {
      const message = 'Les plages d’un même jour ne doivent pas se chevaucher.';
      throw new BadRequestException({ detail: message, errors: overlapping.map((range) => ({ path: `ranges.${range.index}.opensAt`, message })) });
    }
    return this.db.transaction(async (tx) => {
      await requireSite(tx, siteId);
      await tx.siteOpeningHours.deleteMany({ where: { siteId } });
      await tx.siteOpeningHours.createMany({
        data: sorted.map((range) => ({ tenantId: currentUser().tenantId, siteId, weekday: range.weekday, opensAt: fromTime(range.opensAt), closesAt: fromTime(range.closesAt) })),
      });
      await this.audit.record(tx, { action: 'update', entityType: 'site', entityId: siteId, details: { target: 'opening-hours', ranges: sorted.length } });
      return this.read(tx, siteId);
    });
  }

  private async read(tx: TenantTx, siteId: string): Promise<OpeningHours> {
    const rows = await tx.siteOpeningHours.findMany({ where: { siteId }, orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }] });
    return { siteId, ranges: rows.map((row) => ({ weekday: row.weekday, opensAt: toTime(row.opensAt), closesAt: toTime(row.closesAt) })) };
  }
}
