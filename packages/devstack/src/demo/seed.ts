import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_TENANTS } from './accounts';
import { seedDemoAppointments } from './appointments';
import { seedDemoBeneficiaries } from './beneficiaries';
import { seedDemoDigitalInclusion } from './digital-inclusion';
import { seedDemoProcedures } from './procedures';
import { seedDemoRetention } from './retention';

/**
 * Loads the demo tenants, sites, memberships, beneficiary files, procedures, digital inclusion records and appointments once (a second run changes nothing). Runs as the
 * owner, tenant by tenant, with the tenant set like the API does, so it works under FORCE RLS.
 */
export async function seedDemo(ownerUrl: string, log: (line: string) => void = () => undefined): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    let created = false;
    for (const tenant of DEMO_TENANTS) {
      await client.query('BEGIN');
      try {
        await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
        const { rowCount } = await client.query('SELECT 1 FROM tenants WHERE id = $1', [tenant.id]);
        if (rowCount) {
          await client.query('ROLLBACK');
          continue;
        }
        log(`Loading demo data for ${tenant.name}`);
        await client.query('INSERT INTO tenants (id, name, insee_code, siret) VALUES ($1, $2, $3, $4)', [
          tenant.id,
          tenant.name,
          tenant.inseeCode,
          tenant.siret,
        ]);
        for (const site of tenant.sites) {
          await client.query('INSERT INTO sites (tenant_id, id, name, address) VALUES ($1, $2, $3, $4)', [
            tenant.id,
            site.id,
            site.name,
            site.address,
          ]);
        }
        const memberships = new Map<string, string>();
        for (const account of DEMO_ACCOUNTS.filter((a) => a.tenantId === tenant.id)) {
          const { rows } = await client.query<{ id: string }>(
            `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles)
             VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [tenant.id, account.email, account.firstName, account.lastName, account.roles],
          );
          memberships.set(account.email, rows[0].id);
          for (const siteId of account.siteIds) {
            await client.query('INSERT INTO membership_sites (tenant_id, membership_id, site_id) VALUES ($1, $2, $3)', [
              tenant.id,
              rows[0].id,
              siteId,
            ]);
          }
        }
        const files = await seedDemoBeneficiaries(client, tenant, memberships);
        log(`  ${files} beneficiary files`);
        const procedures = await seedDemoProcedures(client, tenant, memberships);
        log(`  ${procedures} procedures`);
        const digital = await seedDemoDigitalInclusion(client, tenant, memberships);
        log(`  ${digital.partners} partners, ${digital.assessments} digital assessments, ${digital.referrals} referrals`);
        const agendas = await seedDemoAppointments(client, tenant, memberships);
        log(`  ${agendas.appointments} appointments, ${agendas.absences} absences`);
        log(`  ${await seedDemoRetention(client, tenant)} files with no contact for more than two years`);
        await client.query('COMMIT');
        created = true;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return created;
  } finally {
    await client.end();
  }
}
