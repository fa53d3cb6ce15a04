import { Injectable } from '@nestjs/common';
import type { AppointmentSettings, AppointmentSettingsInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { currentUser } from '../../common/request-context';
import { TenantDb } from '../../tenancy/tenant-db.service';

/** The tenant's reminder settings (tenant_settings: one row per tenant, created with it). */
@Injectable()
export class AppointmentSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<AppointmentSettings> {
    return this.db.transaction(async (tx) => {
      const row = await tx.tenantSetting.findFirst({ where: { tenantId: currentUser().tenantId } });
      return row ? pick(row) : { reminderEmail: true, reminderSms: true, reminderHoursBefore: 48 };
    });
  }

  /** Changes the settings; reminders not sent yet move with a new delay. */
  update(input: AppointmentSettingsInput): Promise<AppointmentSettings> {
    return this.db.transaction(async (tx) => {
      const tenantId = currentUser().tenantId;
      const row = await tx.tenantSetting.update({ where: { tenantId }, data: { ...input, updatedAt: new Date() } });
      await tx.$executeRaw`
        UPDATE appointment_notifications n SET due_at = a.starts_at - make_interval(hours => ${input.reminderHoursBefore}::int)
          FROM appointments a
         WHERE a.tenant_id = n.tenant_id AND a.id = n.appointment_id
           AND n.kind = 'REMINDER' AND n.state = 'PENDING' AND a.starts_at > now()`;
      await this.audit.record(tx, { action: 'update', entityType: 'tenant-settings', entityId: tenantId, details: { target: 'appointments', ...input } });
      return pick(row);
    });
  }
}

const pick = (row: AppointmentSettings): AppointmentSettings => ({
  reminderEmail: row.reminderEmail,
  reminderSms: row.reminderSms,
  reminderHoursBefore: row.reminderHoursBefore,
});
