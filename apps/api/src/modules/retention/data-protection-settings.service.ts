import { Injectable } from '@nestjs/common';
import type { DataProtectionSettings, DataProtectionSettingsInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { currentUser } from '../../common/request-context';
import { TenantDb } from '../../tenancy/tenant-db.service';

/** How long the tenant keeps files without contact and its audit trail (tenant_settings). */
@Injectable()
export class DataProtectionSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<DataProtectionSettings> {
    return this.db.transaction(async (tx) => {
      const tenantId = currentUser().tenantId;
      // The row exists from the tenant's creation (migration 20261129020000).
      const row = await tx.tenantSetting.findUniqueOrThrow({ where: { tenantId } });
      await this.audit.record(tx, { action: 'read', entityType: 'tenant-settings', entityId: tenantId, details: { target: 'data-protection' } });
      return pick(row);
    });
  }

  /** Takes effect at the next daily run: files are listed, and audit events purged, with the new delays. */
  update(input: DataProtectionSettingsInput): Promise<DataProtectionSettings> {
    return this.db.transaction(async (tx) => {
      const tenantId = currentUser().tenantId;
      // The row exists from the tenant's creation (migration 20261129020000).
      const row = await tx.tenantSetting.update({ where: { tenantId }, data: { ...input, updatedAt: new Date() } });
      await this.audit.record(tx, { action: 'update', entityType: 'tenant-settings', entityId: tenantId, details: { target: 'data-protection', ...input } });
      return pick(row);
    });
  }
}

const pick = (row: DataProtectionSettings): DataProtectionSettings => ({
  retentionMonths: row.retentionMonths,
  auditRetentionMonths: row.auditRetentionMonths,
});
