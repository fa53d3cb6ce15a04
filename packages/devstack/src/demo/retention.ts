import type pg from 'pg';
import { DEMO_BENEFICIARY } from './beneficiaries';

/**
 * A few files with no contact for more than two years, so that the direction's "Archivage" list is
 * not empty in the demo: the first archived or inactive files without appointments (never LEFÈVRE
 * Noémie) have their whole history moved back, as if the person had not come since. The list of files
 * due is then filled the way the daily job fills it (app_refresh_retention_reviews).
 */
const MONTHS_WITHOUT_CONTACT = [26, 28, 31, 35];

type DemoTenant = { id: string };

export async function seedDemoRetention(client: pg.Client, tenant: DemoTenant, now = new Date()): Promise<number> {
  const { rows: files } = await client.query<{ id: string; latest: Date }>(
    `SELECT b.id, app_beneficiary_last_contact(b.tenant_id, b.id) AS latest
       FROM beneficiaries b
      WHERE b.tenant_id = $1 AND b.status IN ('ARCHIVED', 'INACTIVE')
        AND NOT (b.last_name IS NOT DISTINCT FROM $2 AND b.first_name IS NOT DISTINCT FROM $3)
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = b.tenant_id AND a.beneficiary_id = b.id)
      ORDER BY b.status, b.file_number
      LIMIT $4`,
    [tenant.id, DEMO_BENEFICIARY.lastName, DEMO_BENEFICIARY.firstName, MONTHS_WITHOUT_CONTACT.length],
  );
  for (const [index, file] of files.entries()) {
    const target = new Date(now);
    target.setUTCMonth(target.getUTCMonth() - MONTHS_WITHOUT_CONTACT[index]);
    const shift = `${Math.round((file.latest.getTime() - target.getTime()) / 1000)} seconds`;
    const params = [tenant.id, file.id, shift];
    await client.query(
      `UPDATE beneficiaries SET created_at = created_at - $3::interval, updated_at = updated_at - $3::interval,
              last_contact_at = last_contact_at - $3::interval, consent_date = (consent_date - $3::interval)::date
        WHERE tenant_id = $1 AND id = $2`,
      params,
    );
    await client.query(
      `UPDATE household_members SET created_at = created_at - $3::interval, updated_at = updated_at - $3::interval WHERE tenant_id = $1 AND beneficiary_id = $2`,
      params,
    );
    await client.query(
      `UPDATE interviews SET occurred_at = occurred_at - $3::interval, created_at = created_at - $3::interval, updated_at = updated_at - $3::interval
        WHERE tenant_id = $1 AND beneficiary_id = $2`,
      params,
    );
    await client.query(
      `UPDATE procedures SET occurred_at = occurred_at - $3::interval, created_at = created_at - $3::interval, updated_at = updated_at - $3::interval,
              closed_at = closed_at - $3::interval
        WHERE tenant_id = $1 AND beneficiary_id = $2`,
      params,
    );
    await client.query(
      `UPDATE digital_assessments SET occurred_at = occurred_at - $3::interval, created_at = created_at - $3::interval WHERE tenant_id = $1 AND beneficiary_id = $2`,
      params,
    );
    await client.query(
      `UPDATE referrals SET occurred_at = occurred_at - $3::interval, status_changed_at = status_changed_at - $3::interval,
              created_at = created_at - $3::interval, updated_at = updated_at - $3::interval
        WHERE tenant_id = $1 AND beneficiary_id = $2`,
      params,
    );
  }
  await client.query('SELECT * FROM app_refresh_retention_reviews($1)', [now]);
  return files.length;
}
