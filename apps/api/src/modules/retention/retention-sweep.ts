import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { PrismaService } from '../../database/prisma.service';
import { TenantDb } from '../../tenancy/tenant-db.service';

/** Longest a tenant's daily refresh may take. */
const REFRESH_TIMEOUT_MS = 5 * 60_000;

export interface SweepResult {
  tenants: number;
  /** Files on the review lists after the run, newly listed, taken off (a contact since). */
  due: number;
  added: number;
  cleared: number;
  /** Audit events purged (older than each tenant's audit retention). */
  purged: number;
  failed: number;
}

/**
 * The daily retention run, for every tenant: refreshes the list of files due for archiving (the
 * managers decide; nothing is anonymised here) and purges the audit events older than the audit
 * retention behind a checkpoint. Each tenant in its own transactions, under its row-level security;
 * the list of tenants comes from an owner-rights function (ids only).
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly prisma: PrismaService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Lists the files due at `now` (the clock's time by default) and purges the audit events expired
   * by the database's clock; `tenantId` narrows the run to one tenant (tests).
   */
  async run(now: Date = this.clock.now(), options: { tenantId?: string } = {}): Promise<SweepResult> {
    const tenants = options.tenantId
      ? [options.tenantId]
      : (await this.prisma.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id FROM app_retention_tenants()`).map((row) => row.tenant_id);
    const result: SweepResult = { tenants: tenants.length, due: 0, added: 0, cleared: 0, purged: 0, failed: 0 };
    for (const tenantId of tenants) {
      try {
        const review = await this.refreshReviews(tenantId, now);
        result.due += review.due;
        result.added += review.added;
        result.cleared += review.cleared;
        result.purged += await this.purgeAudit(tenantId);
      } catch (error) {
        result.failed += 1;
        // The SQL state or the error's name only: messages may quote data.
        const code = (error as { code?: unknown }).code;
        this.logger.error(`tenant ${tenantId}: retention run failed (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'})`);
      }
    }
    this.logger.log(`${result.due} files due (${result.added} new, ${result.cleared} no longer due), ${result.purged} audit events purged, ${result.failed} failed`);
    return result;
  }

  private refreshReviews(tenantId: string, now: Date): Promise<{ due: number; added: number; cleared: number }> {
    // A CCAS of 100 000 files takes seconds (each file's last contact is computed): more than a request's 5 s.
    return this.db.forTenant(tenantId, async (tx) => {
      const [row] = await tx.$queryRaw<{ due: bigint; added: bigint; cleared: bigint }[]>`SELECT * FROM app_refresh_retention_reviews(${now}::timestamptz)`;
      const counts = { due: Number(row.due), added: Number(row.added), cleared: Number(row.cleared) };
      if (counts.added || counts.cleared) {
        await this.audit.record(tx, { action: 'update', entityType: 'retention-review', details: { target: 'daily-check', ...counts } }, { tenantId, membershipId: null });
      }
      return counts;
    }, '', { timeoutMs: REFRESH_TIMEOUT_MS });
  }

  /**
   * Purges the events older than the tenant's audit retention, counted back from the database's
   * clock (not `now`: the API role cannot choose how far back it purges). The purge records its
   * checkpoint and its own audit event (see audit_purge_expired).
   */
  private purgeAudit(tenantId: string): Promise<number> {
    return this.db.forTenant(tenantId, async (tx) => {
      const [row] = await tx.$queryRaw<{ purged: bigint }[]>`SELECT audit_purge_expired() AS purged`;
      return Number(row.purged);
    });
  }
}
