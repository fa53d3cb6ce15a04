import pg from 'pg';
import { type DigitalAssessmentAnswers, scoreDigitalAutonomy } from '@ccas/shared';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS } from './seed';

/**
 * The national-scale dataset (issue 6): 300 CCAS, 1 000 000 files (the largest 100 000, then a long
 * tail), 5 000 000 procedures, 2 000 000 appointments over three years, with what every dashboard
 * section reads (sites, agents, referents, catalogues, appointment statuses, digital assessments,
 * referrals). `scale` multiplies every count (0.01 for a quick run).
 *
 * Loaded set-based (INSERT … SELECT … generate_series) as the schema owner, tenant by tenant with
 * `app.tenant_id` set as the API does. For the bulk tables the per-row triggers are switched off for
 * the session (`session_replication_role = replica`) and their effect is written set-based instead,
 * exactly as they would have left the data: file numbers and their counter, the name-word dictionary,
 * busy slots of the agents (the exclusion constraint still checks every one), reminders and notices
 * of appointments, the dashboard's counts (`app_recount_dashboard`). Foreign keys are built in by construction and checked set-based at the end
 * (`verify`). Secondary indexes are dropped before the load and rebuilt from their own definitions
 * after it, then VACUUM ANALYZE (what autovacuum would have done on a live database).
 */

export interface ScaleOptions {
  scale: number;
  tenants: number;
  verify: boolean;
}

export interface ScaleTenant {
  rank: number;
  id: string;
  name: string;
  files: number;
  sites: number;
  agents: number;
  managerEmail: string;
}

export interface ScaleDataset {
  format: 1;
  scale: number;
  seededAt: string;
  seedSeconds: number;
  rows: Record<string, number>;
  tenants: ScaleTenant[];
}

const FULL = { files: 1_000_000, largest: 100_000, proceduresPerFile: 5, appointmentsPerFile: 2 };
const YEARS_OF_FILES = 8;
const JOINT_SHARE = 0.05; // appointments with two agents
const SOLO_SLOTS = ['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30', '16:30'];
const JOINT_SLOT = '17:30'; // kept for two-agent appointments: a pair of agents is never double-booked
const SITE_NAMES = [
  'Espace solidarité', 'Antenne Nord', 'Antenne Sud', 'Antenne Est', 'Antenne Ouest', 'Maison France Services',
  'Point accueil Centre', 'Point accueil Gare',
];
const TOWNS = [
  'Villeneuve-sur-Lot', 'Bergerac', 'Montauban', 'Saint-Brieuc', 'Vierzon', 'Auxerre', 'Dole', 'Rodez', 'Alès', 'Cholet',
  'Laval', 'Évreux', 'Thionville', 'Roanne', 'Périgueux', 'Mâcon', 'Agen', 'Blois', 'Châteauroux', 'Béziers',
];
const ORGANISMS = [
  'CAF', 'CPAM', 'FRANCE_TRAVAIL', 'DEPARTEMENT', 'RETIREMENT', 'DGFIP', 'ANTS', 'SOCIAL_LANDLORD', 'ENERGY', 'MSA', 'MDPH',
  'PREFECTURE', 'BANK', 'HEALTH_INSURANCE', 'TOWN_HALL', 'URSSAF', 'CROUS', 'OTHER',
];
const PROCEDURE_TYPES = [
  'ACCOUNT', 'RESOURCES_DECLARATION', 'BENEFIT_APPLICATION', 'SUPPORTING_DOCUMENTS', 'CERTIFICATE', 'CHANGE_OF_SITUATION', 'JOB_SEEKER',
  'CSS', 'TAX_RETURN', 'APPOINTMENT', 'SOCIAL_HOUSING', 'ENERGY_AID', 'IDENTITY', 'RETIREMENT', 'MDPH', 'RESIDENCE_PERMIT', 'DRIVING',
  'OTHER',
];
const PARTNERS: [string, string][] = [
  ['Conseiller numérique (association)', 'DIGITAL_MEDIATION'],
  ['France Services du canton', 'FRANCE_SERVICES'],
  ['Médiathèque municipale', 'LIBRARY'],
  ['Atelier numérique solidaire', 'ASSOCIATION'],
];

// Questionnaires from the most autonomous to the least; level and score come from the product's rule.
const ANSWERS: DigitalAssessmentAnswers[] = [
  {
    equipment: { smartphone: true, computerOrTablet: true, internetAtHome: true, mobileData: true },
    emailAccess: 'YES',
    onlineAccounts: ['AMELI', 'CAF', 'IMPOTS', 'FRANCE_CONNECT'],
    skills: { useDevice: 'ALONE', browse: 'ALONE', fillForm: 'ALONE', scanAndSend: 'ALONE', managePasswords: 'WITH_HELP' },
    barriers: [],
    willingToLearn: 'YES',
  },
  {
    equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true },
    emailAccess: 'WITH_HELP',
    onlineAccounts: ['AMELI', 'CAF'],
    skills: { useDevice: 'ALONE', browse: 'ALONE', fillForm: 'WITH_HELP', scanAndSend: 'WITH_HELP', managePasswords: 'NO' },
    barriers: [],
    willingToLearn: 'YES',
  },
  {
    equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true },
    emailAccess: 'WITH_HELP',
    onlineAccounts: ['CAF'],
    skills: { useDevice: 'WITH_HELP', browse: 'WITH_HELP', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
    barriers: ['READING_WRITING'],
    willingToLearn: 'MAYBE',
  },
  {
    equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: false },
    emailAccess: 'NO',
    onlineAccounts: [],
    skills: { useDevice: 'WITH_HELP', browse: 'NO', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
    barriers: ['LANGUAGE'],
    willingToLearn: 'MAYBE',
  },
  {
    equipment: { smartphone: false, computerOrTablet: false, internetAtHome: false, mobileData: false },
    emailAccess: 'NO',
    onlineAccounts: [],
    skills: { useDevice: 'NO', browse: 'NO', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
    barriers: ['DISABILITY_HEALTH'],
    willingToLearn: 'NO',
  },
];

/** Tables loaded in bulk: their secondary indexes are rebuilt after the load. */
const BULK_TABLES = [
  'beneficiaries', 'beneficiary_name_words', 'beneficiary_referents', 'procedures', 'appointments', 'appointment_agents',
  'agent_busy_slots', 'appointment_notifications', 'digital_assessments', 'referrals',
];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
export const scaleTenantId = (rank: number) => `0193c000-0000-7000-8000-${hex(rank, 12)}`;
/** The bench's manager of a tenant: a stable OIDC subject, linked to the membership by verified e-mail. */
export const managerSubject = (tenant: ScaleTenant) => `scale-manager-${tenant.rank}`;

/** File counts: one tenant of 100 000 × scale, the others on a long tail (rank^-0.7) sharing the rest. */
export function planTenants(options: Pick<ScaleOptions, 'scale' | 'tenants'>): ScaleTenant[] {
  const largest = Math.max(1, Math.round(FULL.largest * options.scale));
  const rest = Math.max(0, Math.round(FULL.files * options.scale) - largest);
  const weights = Array.from({ length: options.tenants - 1 }, (_, i) => (i + 2) ** -0.7);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sizes = [largest, ...weights.map((w) => Math.max(3, Math.round((rest * w) / total)))];
  return sizes.map((files, index) => {
    const rank = index + 1;
    const agents = Math.max(3, Math.ceil(files / 2000));
    const sites = Math.min(agents, files, 1 + Math.floor(files / 15_000), SITE_NAMES.length);
    const town = TOWNS[index % TOWNS.length];
    return {
      rank,
      id: scaleTenantId(rank),
      name: `CCAS de ${town}${index >= TOWNS.length ? ` ${Math.floor(index / TOWNS.length) + 1}` : ''} (échelle, n° ${rank})`,
      files,
      sites,
      agents,
      managerEmail: `manager@t${rank}.scale.ccas.test`,
    };
  });
}

export async function seedScale(ownerUrl: string, options: ScaleOptions, log: (line: string) => void): Promise<ScaleDataset> {
  const started = performance.now();
  const plan = planTenants(options);
  const totalFiles = plan.reduce((sum, t) => sum + t.files, 0);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };

  // One clock for the whole dataset: three years of activity up to now, files opened over eight years.
  const now = new Date();
  const nowEpoch = now.getTime() / 1000;
  const filesStartEpoch = nowEpoch - YEARS_OF_FILES * 365.25 * 86_400;
  const filesSpan = nowEpoch - filesStartEpoch;
  const periodStartEpoch = nowEpoch - 3 * 365.25 * 86_400;
  // Working days from the Monday before three years ago to four weeks ahead (planned appointments).
  const firstMonday = new Date(Date.UTC(now.getUTCFullYear() - 3, now.getUTCMonth(), now.getUTCDate()));
  firstMonday.setUTCDate(firstMonday.getUTCDate() - ((firstMonday.getUTCDay() + 6) % 7));
  const workingDays = Math.floor(((now.getTime() - firstMonday.getTime()) / 86_400_000 + 28) / 7) * 5;
  const firstMondayText = firstMonday.toISOString().slice(0, 10);
  const templates = ANSWERS.map((answers) => ({ answers, ...scoreDigitalAutonomy(answers) }));

  try {
    await q('SET synchronous_commit = off');
    await q("SET maintenance_work_mem = '512MB'");
    await q("SET work_mem = '64MB'");

    // 1. Tenants, sites, members, partners: small, with every trigger (catalogues, motifs, settings).
    const ids = new Map<number, { sites: string[]; agents: string[]; manager: string; organisms: string[]; types: string[]; motifs: { id: string; minutes: number; location: string }[]; partners: string[] }>();
    await step(`${plan.length} tenants with their sites, ${plan.reduce((s, t) => s + t.agents, 0)} agents, managers, catalogues, motifs, partners`, async () => {
      for (const tenant of plan) {
        await q('BEGIN');
        await q("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
        await q('INSERT INTO tenants (id, name, insee_code) VALUES ($1, $2, $3)', [tenant.id, tenant.name, String(47000 + tenant.rank)]);
        await q(
          `INSERT INTO sites (tenant_id, name, address)
           SELECT $1::uuid, ($2::text[])[s], s || ' place de la Mairie' FROM generate_series(1, $3::int) s`,
          [tenant.id, SITE_NAMES, tenant.sites],
        );
        await q(
          `INSERT INTO site_opening_hours (tenant_id, site_id, weekday, opens_at, closes_at)
           SELECT $1::uuid, s.id, d, h.opens, h.closes FROM sites s, generate_series(1, 5) d,
                  (VALUES (time '08:30', time '12:30'), (time '13:30', time '18:30')) h (opens, closes)
            WHERE s.tenant_id = $1`,
          [tenant.id],
        );
        const domain = `t${tenant.rank}.scale.ccas.test`;
        await q(
          `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles)
           SELECT $1::uuid, 'agent' || lpad(g::text, 4, '0') || '@' || $2, ($3::text[])[1 + (g * 7) % cardinality($3::text[])],
                  ($4::text[])[1 + (g * 13) % cardinality($4::text[])], ARRAY['AGENT']
             FROM generate_series(1, $5::int) g`,
          [tenant.id, domain, [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES], LAST_NAMES, tenant.agents],
        );
        await q(
          `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles) VALUES
             ($1, $2, 'Claire', 'Directrice', ARRAY['MANAGER']), ($1, $3, 'Alain', 'Administrateur', ARRAY['ADMIN']),
             ($1, $4, 'Inès', 'Accueil', ARRAY['ACCUEIL'])`,
          [tenant.id, tenant.managerEmail, `admin@${domain}`, `accueil@${domain}`],
        );
        const { rows: [row] } = await q(
          `SELECT (SELECT array_agg(id ORDER BY id) FROM sites WHERE tenant_id = $1) AS sites,
                  (SELECT array_agg(id ORDER BY email) FROM memberships WHERE tenant_id = $1 AND roles = ARRAY['AGENT']) AS agents,
                  (SELECT id FROM memberships WHERE tenant_id = $1 AND email = $2) AS manager,
                  (SELECT array_agg(id ORDER BY array_position($3::text[], code)) FROM catalogue_entries WHERE tenant_id = $1 AND kind = 'organism') AS organisms,
                  (SELECT array_agg(id ORDER BY array_position($4::text[], code)) FROM catalogue_entries WHERE tenant_id = $1 AND kind = 'procedure-type') AS types,
                  (SELECT json_agg(json_build_object('id', id, 'minutes', duration_minutes, 'location', location_type) ORDER BY id)
                     FROM appointment_motifs WHERE tenant_id = $1) AS motifs`,
          [tenant.id, tenant.managerEmail, ORGANISMS, PROCEDURE_TYPES],
        );
        // Agent k works at site k mod sites; managers and the front desk at every site.
        await q(
          `INSERT INTO membership_sites (tenant_id, membership_id, site_id)
           SELECT $1::uuid, a.id, ($2::uuid[])[1 + (a.n - 1) % cardinality($2::uuid[])]
             FROM unnest($3::uuid[]) WITH ORDINALITY a (id, n)
           UNION ALL
           SELECT $1::uuid, m.id, s.id FROM memberships m CROSS JOIN sites s
            WHERE m.tenant_id = $1 AND s.tenant_id = $1 AND m.roles && ARRAY['MANAGER', 'ACCUEIL']`,
          [tenant.id, row.sites, row.agents],
        );
        await q(
          `INSERT INTO partners (tenant_id, name, kind) SELECT $1::uuid, p.name, p.kind FROM unnest($2::text[], $3::text[]) p (name, kind)`,
          [tenant.id, PARTNERS.map(([n]) => n), PARTNERS.map(([, k]) => k)],
        );
        const { rows: partners } = await q('SELECT id FROM partners WHERE tenant_id = $1 ORDER BY id', [tenant.id]);
        await q('COMMIT');
        ids.set(tenant.rank, {
          sites: row.sites,
          agents: row.agents,
          manager: row.manager,
          organisms: row.organisms,
          types: row.types,
          motifs: row.motifs,
          partners: partners.map((p: { id: string }) => p.id),
        });
      }
    });

    // 2. The bulk tables: no per-row trigger (their work is done set-based below), secondary indexes later.
    /** Drops the indexes of `tables` that no constraint owns, and gives their definitions back. */
    const dropSecondaryIndexes = async (tables: string[]) => {
      const { rows } = await q(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indrelid = ANY ($1::regclass[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
        [tables],
      );
      for (const index of rows) await q(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
      return rows as { name: string; definition: string }[];
    };
    const indexes = await step('dropped the secondary indexes of the bulk tables', () => dropSecondaryIndexes(BULK_TABLES));
    await q('SET session_replication_role = replica');

    const progress = (label: string) => {
      let done = 0;
      let next = 0.1;
      return (tenant: ScaleTenant) => {
        done += tenant.files;
        if (done / totalFiles >= next || tenant.files >= totalFiles * 0.05) {
          log(`    ${label}: tenant ${tenant.rank} (${tenant.files.toLocaleString('en-US')} files) done, ${Math.round((done / totalFiles) * 100)} % of the files, ${elapsed()}`);
          while (done / totalFiles >= next) next += 0.1;
        }
      };
    };

    await step(`${totalFiles.toLocaleString('en-US')} beneficiary files, file numbers and name words`, async () => {
      const tick = progress('files');
      await q('SELECT setseed(0.0606)');
      for (const tenant of plan) {
        const t = ids.get(tenant.rank)!;
        await q('BEGIN');
        await q("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
        await q(
          `INSERT INTO beneficiaries (
             tenant_id, file_number, status, site_id, last_name, first_name, birth_name, alias, birth_date, sex, phone, email,
             address_line, postal_code, city, created_by, created_at, updated_at, status_changed_at, last_contact_at)
           SELECT $1::uuid, g, status, ($3::uuid[])[1 + s0], last_name, first_name, birth_name, alias, birth_date, sex,
                  CASE WHEN r_phone < 0.65 THEN '06 ' || pairs WHEN r_phone < 0.80 THEN '07 ' || pairs
                       WHEN r_phone < 0.85 THEN '+33 6 ' || pairs WHEN r_phone < 0.92 THEN '05 53 ' || substr(pairs, 4) END,
                  CASE WHEN r_email < 0.4 THEN replace(app_search_key(first_name || '.' || last_name), ' ', '') || '@example.fr' END,
                  (1 + floor(r_number * 180))::int || ' ' || ($8::text[])[1 + floor(r_street * cardinality($8::text[]))::int],
                  $9, $10,
                  ($4::uuid[])[1 + s0 + $11::int * floor(r_agent * ((cardinality($4::uuid[]) - 1 - s0) / $11::int + 1))::int],
                  created_at, coalesce(changed_at, created_at), coalesce(changed_at, created_at),
                  CASE WHEN r_contact < 0.7 THEN created_at + r_contact / 0.7 * (to_timestamp($12) - created_at) END
             FROM (
               SELECT drawn.*,
                      ($5::text[])[1 + floor(power(r_last, 1.8) * cardinality($5::text[]))::int] AS last_name,
                      CASE WHEN sex = 'FEMALE' THEN ($6::text[])[1 + floor(power(r_first, 1.5) * cardinality($6::text[]))::int]
                           ELSE ($7::text[])[1 + floor(power(r_first, 1.5) * cardinality($7::text[]))::int] END AS first_name,
                      CASE WHEN sex = 'FEMALE' AND r_birth_name < 0.25 THEN ($5::text[])[1 + floor(r_birth_name * 4 * cardinality($5::text[]))::int] END AS birth_name,
                      CASE WHEN r_alias < 0.01 THEN 'dit ' || ($7::text[])[1 + floor(r_alias * 1000)::int] END AS alias,
                      CASE WHEN r_status < 0.80 THEN 'ACTIVE' WHEN r_status < 0.92 THEN 'INACTIVE' WHEN r_status < 0.99 THEN 'ARCHIVED' ELSE 'DECEASED' END AS status,
                      CASE WHEN r_status >= 0.80 THEN created_at + r_changed * (to_timestamp($12) - created_at) END AS changed_at,
                      regexp_replace(digits, '(..)(..)(..)(..)', '\\1 \\2 \\3 \\4') AS pairs
                 FROM (
                   SELECT g, (g - 1) % $11::int AS s0, random() AS r_last, random() AS r_first, random() AS r_birth_name, random() AS r_alias,
                          random() AS r_status, random() AS r_changed, random() AS r_phone, random() AS r_email, random() AS r_number,
                          random() AS r_street, random() AS r_contact, random() AS r_agent,
                          lpad(floor(random() * 100000000)::int::text, 8, '0') AS digits,
                          CASE WHEN random() < 0.54 THEN 'FEMALE' ELSE 'MALE' END AS sex,
                          date '1930-01-01' + floor(random() * (date '2008-12-31' - date '1930-01-01' + 1))::int AS birth_date,
                          to_timestamp($13 + (g - 1 + random()) / $2::int * $14) AS created_at
                     FROM generate_series(1, $2::int) g
                 ) drawn
             ) files`,
          [
            tenant.id, tenant.files, t.sites, t.agents, LAST_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, STREETS,
            String(47000 + (tenant.rank % 1000)).padStart(5, '0'), tenant.name.replace(/^CCAS de (.*) \(.*$/, '$1'),
            tenant.sites, nowEpoch, filesStartEpoch, filesSpan,
          ],
        );
        // What beneficiaries_file_number and beneficiaries_name_words would have left.
        await q('INSERT INTO file_number_counters (tenant_id, last_value) VALUES ($1, $2)', [tenant.id, tenant.files]);
        await q(
          `INSERT INTO beneficiary_name_words (tenant_id, word)
           SELECT DISTINCT $1::uuid, unnest(name_words) FROM beneficiaries WHERE tenant_id = $1`,
          [tenant.id],
        );
        await q('COMMIT');
        tick(tenant);
      }
    });
    await step('ANALYZE beneficiaries (plans of the next steps)', () => q('ANALYZE beneficiaries'));

    await step('referents, procedures, appointments (agents, busy slots, reminders), digital assessments, referrals', async () => {
      const tick = progress('activity');
      await q('SELECT setseed(0.0707)');
      for (const tenant of plan) {
        const t = ids.get(tenant.rank)!;
        await q('BEGIN');
        await q("SELECT set_config('app.tenant_id', $1, true)", [tenant.id]);
        await insertActivity(q, tenant, t, {
          nowEpoch, filesStartEpoch, filesSpan, periodStartEpoch, firstMonday: firstMondayText, workingDays, templates,
        });
        await q('COMMIT');
        tick(tenant);
      }
    });

    await q('SET session_replication_role = DEFAULT');
    await step(`rebuilt ${indexes.length} secondary indexes`, async () => {
      for (const index of indexes) await q(index.definition);
    });
    await step('dashboard counts (what their triggers would have kept), their indexes built after them', async () => {
      const countIndexes = await dropSecondaryIndexes(['procedure_counts', 'appointment_counts', 'active_file_counts']);
      const tick = progress('counts');
      for (const tenant of plan) {
        await q('SELECT app_recount_dashboard($1)', [tenant.id]);
        tick(tenant);
      }
      for (const index of countIndexes) await q(index.definition);
    });
    if (options.verify) await step('verified every foreign key of the bulk tables (set-based)', () => verifyForeignKeys(client));
    await step('VACUUM ANALYZE', () => q('VACUUM (ANALYZE)'));

    const rows: Record<string, number> = {};
    for (const table of ['tenants', 'sites', 'memberships', ...BULK_TABLES]) {
      // Owner and superuser: the counts of every tenant (no app.tenant_id set outside a transaction).
      const { rows: [row] } = await q(`SELECT count(*)::bigint AS n FROM ${client.escapeIdentifier(table)}`);
      rows[table] = Number(row.n);
    }
    return {
      format: 1,
      scale: options.scale,
      seededAt: now.toISOString(),
      seedSeconds: Math.round((performance.now() - started) / 1000),
      rows,
      tenants: plan,
    };
  } catch (error) {
    await q('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

interface Clock {
  nowEpoch: number;
  filesStartEpoch: number;
  filesSpan: number;
  periodStartEpoch: number;
  firstMonday: string;
  workingDays: number;
  templates: { answers: DigitalAssessmentAnswers; level: string; score: number; reasons: string[] }[];
}

type Query = (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

async function insertActivity(
  q: Query,
  tenant: ScaleTenant,
  t: { sites: string[]; agents: string[]; manager: string; organisms: string[]; types: string[]; motifs: { id: string; minutes: number; location: string }[]; partners: string[] },
  clock: Clock,
): Promise<void> {
  const ns = tenant.sites;
  // Referents: 55 % of the files, an agent of the file's site; one in ten of those a second one.
  await q(
    `INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id, assigned_by, assigned_at)
     SELECT $1::uuid, id, ($2::uuid[])[1 + s0 + $4::int * floor(r_agent * ((cardinality($2::uuid[]) - 1 - s0) / $4::int + 1))::int], $3, created_at
       FROM (SELECT id, created_at, (file_number - 1) % $4::int AS s0, random() AS r, random() AS r_agent
               FROM beneficiaries WHERE tenant_id = $1) f
      WHERE r < 0.55`,
    [tenant.id, t.agents, t.manager, ns],
  );
  await q(
    `INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id, assigned_by, assigned_at)
     SELECT tenant_id, beneficiary_id, ($2::uuid[])[1 + array_position($2::uuid[], membership_id) % cardinality($2::uuid[])], $3, assigned_at
       FROM beneficiary_referents WHERE tenant_id = $1 AND random() < 0.1`,
    [tenant.id, t.agents, t.manager],
  );

  // Procedures over the three years, by an agent of the file's site, on files opened by then (recent files more often).
  const fileAt = (at: string) =>
    `greatest(1, ceil(sqrt(random()) * least(1, (extract(epoch FROM ${at}) - ${clock.filesStartEpoch}) / ${clock.filesSpan}) * $2::int))::int`;
  await q(
    `INSERT INTO procedures (tenant_id, beneficiary_id, agent_id, occurred_at, organism_id, procedure_type_id, mode, consent,
                             mandate_reference, duration_minutes, outcome, closed_at, created_at, updated_at)
     SELECT $1::uuid, b.id, ($3::uuid[])[1 + o.s0 + $4::int * floor(d.r_agent * ((cardinality($3::uuid[]) - 1 - o.s0) / $4::int + 1))::int],
            o.at, ($5::uuid[])[1 + floor(power(d.r_org, 2.2) * cardinality($5::uuid[]))::int],
            ($6::uuid[])[1 + floor(power(d.r_type, 2) * cardinality($6::uuid[]))::int],
            CASE WHEN d.r_mode < 0.35 THEN 'A_LA_PLACE' WHEN d.r_mode < 0.80 THEN 'AVEC' ELSE 'ORIENTATION' END,
            CASE WHEN d.r_consent < 0.70 THEN 'ORAL' WHEN d.r_consent < 0.95 THEN 'WRITTEN' ELSE 'MANDATE' END,
            CASE WHEN d.r_consent >= 0.95 THEN 'AC-' || lpad(d.g::text, 7, '0') END,
            CASE WHEN d.r_minutes < 0.7 THEN 10 + 5 * floor(d.r_minutes / 0.7 * 11)::int END,
            o.outcome,
            CASE WHEN o.outcome IN ('PENDING_DOCUMENTS', 'TO_FOLLOW_UP') AND o.at < to_timestamp($7) - interval '30 days' AND d.r_closed < 0.9
                 THEN o.at + d.r_closed * interval '30 days' END,
            o.at, o.at
       FROM (SELECT g, at0, random() AS r_agent, random() AS r_org, random() AS r_type, random() AS r_mode, random() AS r_consent,
                    random() AS r_minutes, random() AS r_outcome, random() AS r_closed, ${fileAt('at0')} AS fno
               FROM (SELECT g, to_timestamp($8::float8 + random() * ($7::float8 - $8::float8)) AS at0 FROM generate_series(1, $9::int) g) t) d
       JOIN beneficiaries b ON b.tenant_id = $1 AND b.file_number = d.fno
       CROSS JOIN LATERAL (SELECT greatest(d.at0, b.created_at) AS at, (d.fno - 1) % $4::int AS s0,
                                  CASE WHEN d.r_outcome < 0.70 THEN 'DONE' WHEN d.r_outcome < 0.80 THEN 'PENDING_DOCUMENTS'
                                       WHEN d.r_outcome < 0.85 THEN 'FAILED' ELSE 'TO_FOLLOW_UP' END AS outcome) o`,
    [tenant.id, tenant.files, t.agents, ns, t.organisms, t.types, clock.nowEpoch, clock.periodStartEpoch,
      Math.round(tenant.files * FULL.proceduresPerFile)],
  );

  // Appointments on a grid of one-hour slots per agent (never two at once, as the exclusion constraint
  // requires), spread over the working days; two-agent ones at the pair's own end-of-day slot.
  const total = Math.round(tenant.files * FULL.appointmentsPerFile);
  const pairs = Math.floor(t.agents.length / 2);
  const joint = Math.min(Math.round(total * JOINT_SHARE), pairs * clock.workingDays);
  const solo = Math.min(total - joint, t.agents.length * clock.workingDays * SOLO_SLOTS.length);
  await insertAppointments(q, tenant, t, clock, { count: solo, joint: false });
  if (joint > 0) await insertAppointments(q, tenant, t, clock, { count: joint, joint: true });

  // Digital inclusion: 35 % of the files opened in the three years assessed at the opening (5 % of
  // older ones during the period), 8 % declined; 30 % reassessed 3 to 12 months later, often better.
  await q(
    `WITH first AS (
       INSERT INTO digital_assessments (tenant_id, beneficiary_id, assessor_id, occurred_at, declined, answers, level, score, reasons, rule_version, created_at)
       SELECT $1::uuid, id, created_by, at, declined,
              CASE WHEN NOT declined THEN ($2::jsonb)->(tpl - 1) END, CASE WHEN NOT declined THEN ($3::text[])[tpl] END,
              CASE WHEN NOT declined THEN ($4::int[])[tpl] END,
              CASE WHEN declined THEN '{}'::text[] ELSE ARRAY(SELECT jsonb_array_elements_text(($5::jsonb)->(tpl - 1))) END,
              CASE WHEN NOT declined THEN 1 END, at
         FROM (SELECT id, created_by, random() < 0.08 AS declined, 1 + floor(power(random(), 0.8) * cardinality($3::text[]))::int AS tpl,
                      least(to_timestamp($6), CASE WHEN created_at >= to_timestamp($7) THEN created_at + random() * interval '30 days'
                                                   ELSE to_timestamp($7::float8 + random() * ($6::float8 - $7::float8)) END) AS at
                 FROM beneficiaries
                WHERE tenant_id = $1 AND random() < CASE WHEN created_at >= to_timestamp($7) THEN 0.35 ELSE 0.05 END) f
       RETURNING beneficiary_id, assessor_id, occurred_at, level, declined)
     INSERT INTO digital_assessments (tenant_id, beneficiary_id, assessor_id, occurred_at, declined, answers, level, score, reasons, rule_version, created_at)
     SELECT $1::uuid, beneficiary_id, assessor_id, at, false, ($2::jsonb)->(tpl - 1), ($3::text[])[tpl], ($4::int[])[tpl],
            ARRAY(SELECT jsonb_array_elements_text(($5::jsonb)->(tpl - 1))), 1, at
       FROM (SELECT beneficiary_id, assessor_id, occurred_at + (90 + random() * 270) * interval '1 day' AS at,
                    greatest(1, array_position($3::text[], level) - (random() < 0.5)::int) AS tpl
               FROM first WHERE NOT declined AND random() < 0.3) s
      WHERE at < to_timestamp($6)`,
    [tenant.id, JSON.stringify(clock.templates.map((x) => x.answers)), clock.templates.map((x) => x.level),
      clock.templates.map((x) => x.score), JSON.stringify(clock.templates.map((x) => x.reasons)), clock.nowEpoch, clock.periodStartEpoch],
  );
  await q(
    `INSERT INTO referrals (tenant_id, beneficiary_id, partner_id, agent_id, occurred_at, status, status_changed_at, created_at, updated_at)
     SELECT $1::uuid, beneficiary_id, ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int], assessor_id, at, status,
            changed, at, changed
       FROM (SELECT beneficiary_id, assessor_id, at, least(to_timestamp($3), at + r_changed * interval '60 days') AS changed0,
                    CASE WHEN at < to_timestamp($3) - interval '60 days'
                         THEN CASE WHEN r < 0.55 THEN 'DONE' WHEN r < 0.65 THEN 'DECLINED' WHEN r < 0.85 THEN 'NO_NEWS' WHEN r < 0.95 THEN 'ACCEPTED' ELSE 'PROPOSED' END
                         ELSE CASE WHEN r < 0.5 THEN 'PROPOSED' WHEN r < 0.8 THEN 'ACCEPTED' ELSE 'DONE' END END AS status
               FROM (SELECT beneficiary_id, assessor_id, least(to_timestamp($3), occurred_at + random() * interval '7 days') AS at, random() AS r,
                            random() AS r_changed
                       FROM digital_assessments
                      WHERE tenant_id = $1 AND NOT declined
                        AND random() < CASE level WHEN 'ELOIGNE' THEN 0.5 WHEN 'A_ACCOMPAGNER' THEN 0.4 WHEN 'AUTONOME_AVEC_AIDE' THEN 0.1 ELSE 0 END) d) r
      CROSS JOIN LATERAL (SELECT CASE WHEN status = 'PROPOSED' THEN at ELSE changed0 END AS changed) c`,
    [tenant.id, t.partners, clock.nowEpoch],
  );
}

async function insertAppointments(
  q: Query,
  tenant: ScaleTenant,
  t: { sites: string[]; agents: string[]; motifs: { id: string; minutes: number; location: string }[] },
  clock: Clock,
  options: { count: number; joint: boolean },
): Promise<void> {
  if (options.count <= 0) return;
  const slots = options.joint ? [JOINT_SLOT] : SOLO_SLOTS;
  // Owners of the grid: each agent (solo), or each pair of agents 2p, 2p+1 (joint).
  const owners = options.joint ? Math.floor(t.agents.length / 2) : t.agents.length;
  const agentOf = options.joint ? '2 * (g % $5::int)' : 'g % $5::int';
  await q(
    `WITH drawn AS (
       SELECT g, ${agentOf} AS a, g / $5::int AS k, $4::int / $5::int + (g % $5::int < $4::int % $5::int)::int AS m
         FROM generate_series(0, $4::int - 1) g
     ), placed AS (
       -- The k-th of an owner's m appointments takes a slot in [floor(k·c), floor((k+1)·c)), c = slots / m ≥ 1:
       -- disjoint ranges of whole slots, so no two of them ever share one.
       SELECT a, floor(k * c)::int + floor(random() * (floor((k + 1) * c) - floor(k * c)))::int AS p,
              1 + floor(power(random(), 1.5) * cardinality($8::uuid[]))::int AS motif, random() AS r_status, random() AS r_created,
              random() AS r_changed, random() AS r_file
         FROM (SELECT drawn.*, ($6::int * cardinality($7::text[]))::float8 / m AS c FROM drawn) d
     ), timed AS (
       SELECT a, motif, r_status, r_created, r_changed, r_file, a % $9::int AS s,
              (($10::date + (p / cardinality($7::text[]) / 5) * 7 + (p / cardinality($7::text[])) % 5)
                 + ($7::text[])[1 + p % cardinality($7::text[])]::time) AT TIME ZONE 'Europe/Paris' AS starts_at
         FROM placed
     ), booked AS (
       SELECT timed.*, starts_at + ($11::int[])[motif] * interval '1 minute' AS ends_at,
              least(to_timestamp($12) - r_created * interval '1 hour', starts_at - (1 + r_created * 30) * interval '1 day') AS created_at,
              CASE WHEN starts_at < to_timestamp($12)
                   THEN CASE WHEN r_status < 0.72 THEN 'SEEN' WHEN r_status < 0.84 THEN 'NO_SHOW' WHEN r_status < 0.93 THEN 'EXCUSED'
                             WHEN r_status < 0.98 THEN 'REVOKED' ELSE 'PLANNED' END
                   ELSE CASE WHEN r_status < 0.92 THEN 'PLANNED' WHEN r_status < 0.97 THEN 'EXCUSED' ELSE 'REVOKED' END END AS status,
              -- A file of the agent's site, opened before the appointment.
              1 + s + $9::int * least((($2::int - 1 - s) / $9::int),
                floor(sqrt(r_file) * least(1, (extract(epoch FROM starts_at) - $13) / $14) * ((($2::int - 1 - s) / $9::int) + 1))::int) AS fno
         FROM timed
     ), ins AS (
       INSERT INTO appointments (tenant_id, beneficiary_id, site_id, motif_id, location_type, starts_at, ends_at, status,
                                 status_changed_at, status_changed_by, created_by, created_at, updated_at)
       SELECT $1::uuid, b.id, ($3::uuid[])[1 + k.s], ($8::uuid[])[k.motif], ($15::text[])[k.motif], k.starts_at, k.ends_at, k.status,
              c.changed_at, CASE WHEN c.changed_at IS NOT NULL THEN ($16::uuid[])[1 + k.a] END, ($16::uuid[])[1 + k.a], k.created_at,
              coalesce(c.changed_at, k.created_at)
         FROM booked k
         JOIN beneficiaries b ON b.tenant_id = $1 AND b.file_number = k.fno
         CROSS JOIN LATERAL (SELECT CASE
                WHEN k.status IN ('SEEN', 'NO_SHOW') THEN least(to_timestamp($12), k.ends_at + k.r_changed * interval '2 hours')
                WHEN k.status IN ('EXCUSED', 'REVOKED') THEN k.created_at + k.r_changed * (least(k.starts_at, to_timestamp($12)) - k.created_at)
              END AS changed_at) c
       RETURNING id, created_by, starts_at, ends_at, status, status_changed_at, created_at
     ), agents AS (
       -- What appointment_agents_busy_slots would have written: a busy slot per agent of an appointment not cancelled.
       INSERT INTO appointment_agents (tenant_id, appointment_id, membership_id)
       SELECT $1::uuid, i.id, w.agent FROM ins i
        CROSS JOIN LATERAL (SELECT i.created_by AS agent
                            UNION ALL
                            SELECT ($16::uuid[])[array_position($16::uuid[], i.created_by) + 1] WHERE $17::boolean) w
       RETURNING appointment_id, membership_id
     ), slots AS (
       INSERT INTO agent_busy_slots (tenant_id, membership_id, during, appointment_id)
       SELECT $1::uuid, w.membership_id, tstzrange(i.starts_at, i.ends_at), i.id
         FROM agents w JOIN ins i ON i.id = w.appointment_id
        WHERE i.status NOT IN ('EXCUSED', 'REVOKED')
       RETURNING 1
     ), notices AS (
       -- What appointments_schedule_notifications (and the reminders job since) would have left: a
       -- reminder per channel 48 h before (sent when due, skipped when cancelled first), and the
       -- notices of a cancellation.
       INSERT INTO appointment_notifications (tenant_id, appointment_id, kind, channel, due_at, state, skip_reason, sent_at, created_at)
       SELECT $1::uuid, i.id, n.kind, c.channel, n.due_at, n.state, n.skip_reason,
              CASE WHEN n.state = 'SENT' THEN greatest(n.due_at, n.created_at) END, n.created_at
         FROM ins i
        CROSS JOIN (VALUES ('EMAIL'), ('SMS')) c (channel)
        CROSS JOIN LATERAL (
          SELECT 'REMINDER' AS kind, i.starts_at - interval '48 hours' AS due_at, i.created_at,
                 CASE WHEN i.status IN ('EXCUSED', 'REVOKED') AND i.status_changed_at < i.starts_at - interval '48 hours' THEN 'SKIPPED'
                      WHEN i.starts_at - interval '48 hours' <= to_timestamp($12) THEN 'SENT' ELSE 'PENDING' END AS state,
                 CASE WHEN i.status IN ('EXCUSED', 'REVOKED') AND i.status_changed_at < i.starts_at - interval '48 hours' THEN 'cancelled' END AS skip_reason
          UNION ALL
          SELECT 'CANCELLED', i.status_changed_at, i.status_changed_at, 'SENT', NULL
           WHERE i.status IN ('EXCUSED', 'REVOKED')) n
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM ins) AS appointments, (SELECT count(*) FROM slots) AS slots, (SELECT count(*) FROM notices) AS notices`,
    [
      tenant.id, tenant.files, t.sites, options.count, owners, clock.workingDays, slots, t.motifs.map((m) => m.id), tenant.sites,
      clock.firstMonday, t.motifs.map((m) => m.minutes), clock.nowEpoch, clock.filesStartEpoch, clock.filesSpan,
      t.motifs.map((m) => m.location), t.agents, options.joint,
    ],
  );
}

/** Every foreign key of the bulk tables holds: one anti-join per key (owner, superuser: all tenants). */
async function verifyForeignKeys(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
            ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refs
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])`,
    [BULK_TABLES],
  );
  const id = (name: string) => client.escapeIdentifier(name);
  for (const fk of rows) {
    const notNull = fk.cols.map((col) => `c.${id(col)} IS NOT NULL`).join(' AND ');
    const match = fk.cols.map((col, i) => `p.${id(fk.refs[i])} = c.${id(col)}`).join(' AND ');
    const { rows: [row] } = await client.query(
      `SELECT count(*)::int AS n FROM ${fk.child} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${match})`,
    );
    if (row.n > 0) throw new Error(`foreign key ${fk.name} of ${fk.child}: ${row.n} rows point nowhere`);
  }
}
