import pg from 'pg';

/**
 * One bench tenant with many beneficiary files, loaded set-based (INSERT … SELECT … generate_series)
 * as the schema owner, with `app.tenant_id` set like the API does because of FORCE ROW LEVEL SECURITY.
 * The data is pseudo-random but reproducible (setseed), with the accents, homonyms and skew of real
 * French names (Martin is far more frequent than Lévêque).
 */

export const BENCH_TENANT_ID = '0193b000-0000-7000-8000-0000000be0c0';
export const BENCH_SITE_ID = '0193b000-0000-7000-8000-0000000be0c1';

export interface BenchAgent {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface SeedResult {
  agents: BenchAgent[];
  files: number;
  referents: number;
}

// Most frequent first: the skewed draw below makes the head of each list far more common.
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier',
  'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand',
  'Dufour', 'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin',
  'Fernandez', 'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal',
  'Bourgeois', 'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis',
  'Olivier', 'Rodriguez', 'Da Silva', 'Hubert', 'Louis', 'Charles', 'Guillot', 'Rivière', 'Le Gall', 'Guillaume',
  'Adam', 'Rey', 'Moulin', 'Gonzalez', 'Berger', 'Lecomte', 'Ménard', 'Fleury', 'Deschamps', 'Carpentier',
  'Julien', 'Bénard', 'Maillard', 'Marchal', 'Aubry', 'Vasseur', 'Le Roux', 'Renault', 'Jacquet', 'Collet',
  'Prévost', 'Poirier', 'Charpentier', 'Royer', 'Huet', 'Baron', 'Dupuy', 'Pons', 'Carré', 'Breton',
  'Rémy', 'Schneider', 'Perrot', 'Barré', 'Marty', 'Cousin', 'Bouchard', 'Hoarau', 'Diallo', 'Traoré',
  'Benali', 'Haddad', 'Mansouri', 'Cissé', 'Koné', 'Ben Ahmed', 'Saïdi', 'Lévêque', 'Bégué', 'Chrétien',
  'Thébault', 'Pelletier', 'Hébert', 'Lagarde', 'Daniel', 'Besnard', 'Kerboeuf', "N'Diaye", 'Lefeuvre', 'Févre',
];

export const FEMALE_FIRST_NAMES = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Hélène', 'Christine', 'Sophie', 'Sandrine', 'Valérie',
  'Béatrice', 'Françoise', 'Monique', 'Céline', 'Aurélie', 'Émilie', 'Julie', 'Camille', 'Léa', 'Chloé',
  'Manon', 'Sarah', 'Laura', 'Pauline', 'Gaëlle', 'Amélie', 'Mélanie', 'Clémence', 'Élodie', 'Anaïs',
  'Inès', 'Maëlle', 'Zoé', 'Thérèse', 'Geneviève', 'Jacqueline', 'Odette', 'Yvette', 'Josiane', 'Fatima',
  'Yasmine', 'Aïcha', 'Awa', 'Emma', 'Jade', 'Louise', 'Noëlle', 'Stéphanie', 'Brigitte', 'Agnès',
];

export const MALE_FIRST_NAMES = [
  'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas', 'Christophe', 'Patrick', 'François', 'Daniel',
  'Julien', 'David', 'Laurent', 'Thomas', 'Stéphane', 'Sébastien', 'Frédéric', 'Jérôme', 'Gérard', 'René',
  'Loïc', 'Joël', 'Noël', 'Hervé', 'Raymond', 'Marcel', 'Maurice', 'Gilles', 'Bernard', 'Dominique',
  'Claude', 'Mohamed', 'Karim', 'Moussa', 'Kévin', 'Lucas', 'Hugo', 'Théo', 'Mathéo', 'André',
  'Benoît', 'Grégoire', 'Aurélien', 'Cédric', 'Jérémy', 'Yannick', 'Léon', 'Émile', 'Anthony', 'Rémi',
];

// A CCAS serves one commune (drawn six times as often); a few files live in the neighbouring ones.
const CITIES: [string, string][] = [
  ...Array.from({ length: 6 }, (): [string, string] => ['Villeneuve-sur-Lot', '47300']),
  ['Bias', '47300'], ['Pujols', '47300'], ['Sainte-Livrade-sur-Lot', '47110'], ['Casseneuil', '47440'],
  ['Agen', '47000'], ['Fumel', '47500'], ['Penne-d’Agenais', '47140'], ['Monflanquin', '47150'],
];

export const STREETS = [
  'rue de la République', 'avenue Victor Hugo', 'rue Jean Jaurès', 'rue des Écoles', 'boulevard du Général de Gaulle',
  'rue Pasteur', 'place de l’Église', 'allée des Tilleuls', 'rue Émile Zola', 'avenue de la Gare',
  'rue du Moulin', 'chemin des Vignes', 'résidence Les Érables', 'rue Léon Blum', 'impasse des Lilas',
];

const AGENTS: Omit<BenchAgent, 'id'>[] = [
  { email: 'agent1@bench.ccas.test', firstName: 'Hélène', lastName: 'Garnier' },
  { email: 'agent2@bench.ccas.test', firstName: 'François', lastName: 'Lemoine' },
  { email: 'agent3@bench.ccas.test', firstName: 'Gaëlle', lastName: 'Rivière' },
  { email: 'agent4@bench.ccas.test', firstName: 'Noël', lastName: 'Bénard' },
  { email: 'agent5@bench.ccas.test', firstName: 'Béatrice', lastName: 'Lefèvre' },
];

export async function seedBench(
  ownerUrl: string,
  files: number,
  log: (line: string) => void,
): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [BENCH_TENANT_ID]);
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");

    const agents = await step('tenant, site, 5 AGENT memberships', async () => {
      await client.query('INSERT INTO tenants (id, name, insee_code) VALUES ($1, $2, $3)', [
        BENCH_TENANT_ID,
        'CCAS de Villeneuve-sur-Lot (benchmark)',
        '47323',
      ]);
      await client.query('INSERT INTO sites (tenant_id, id, name, address) VALUES ($1, $2, $3, $4)', [
        BENCH_TENANT_ID,
        BENCH_SITE_ID,
        'Espace solidarité',
        '1 place de la Mairie, 47300 Villeneuve-sur-Lot',
      ]);
      const created: BenchAgent[] = [];
      for (const agent of AGENTS) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles)
           VALUES ($1, $2, $3, $4, ARRAY['AGENT']) RETURNING id`,
          [BENCH_TENANT_ID, agent.email, agent.firstName, agent.lastName],
        );
        await client.query('INSERT INTO membership_sites (tenant_id, membership_id, site_id) VALUES ($1, $2, $3)', [
          BENCH_TENANT_ID,
          rows[0].id,
          BENCH_SITE_ID,
        ]);
        created.push({ id: rows[0].id, ...agent });
      }
      return created;
    });

    // Secondary indexes are rebuilt once after the load (exactly as the migrations define them):
    // far faster than maintaining the trigram GIN index row by row.
    const indexes = await step('dropped secondary indexes of beneficiaries for the load', async () => {
      const { rows } = await client.query<{ name: string; definition: string }>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indrelid = 'beneficiaries'::regclass
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      );
      for (const index of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
      return rows;
    });

    // File numbers are normally assigned one by one by a trigger that upserts the tenant's counter;
    // for a bulk load we number the rows ourselves and set the counter once.
    await client.query('ALTER TABLE beneficiaries DISABLE TRIGGER beneficiaries_file_number');
    await step(`${files.toLocaleString('en-US')} beneficiary files`, async () => {
      await client.query('SELECT setseed(0.4242)');
      await client.query(
        `INSERT INTO beneficiaries (
           tenant_id, file_number, status, site_id, last_name, first_name, birth_name, alias, birth_date, sex,
           phone, email, address_line, postal_code, city, created_by, created_at, last_contact_at)
         SELECT $1, g, status, $2, last_name, first_name, birth_name, alias, birth_date, sex,
                CASE WHEN r_phone < 0.65 THEN '06 ' || pairs
                     WHEN r_phone < 0.80 THEN '07 ' || pairs
                     WHEN r_phone < 0.85 THEN '+33 6 ' || pairs
                     WHEN r_phone < 0.92 THEN '05 53 ' || substr(pairs, 4) END,
                CASE WHEN r_email < 0.4
                     THEN replace(app_search_key(first_name || '.' || last_name), ' ', '') || '@example.fr' END,
                (1 + floor(r_number * 180))::int || ' ' || ($6::text[])[1 + floor(r_street * cardinality($6::text[]))::int],
                ($8::text[])[city_index], ($7::text[])[city_index],
                $9::uuid, created_at,
                CASE WHEN r_contact < 0.7 THEN created_at + r_contact / 0.7 * (now() - created_at) END
           FROM (
             SELECT drawn.*,
                    ($3::text[])[1 + floor(power(r_last, 1.8) * cardinality($3::text[]))::int] AS last_name,
                    CASE WHEN sex = 'FEMALE'
                         THEN ($4::text[])[1 + floor(power(r_first, 1.5) * cardinality($4::text[]))::int]
                         ELSE ($5::text[])[1 + floor(power(r_first, 1.5) * cardinality($5::text[]))::int] END AS first_name,
                    CASE WHEN sex = 'FEMALE' AND r_birth_name < 0.25
                         THEN ($3::text[])[1 + floor(r_birth_name * 4 * cardinality($3::text[]))::int] END AS birth_name,
                    CASE WHEN r_alias < 0.01 THEN 'dit ' || ($5::text[])[1 + floor(r_alias * 1000)::int] END AS alias,
                    CASE WHEN r_status < 0.85 THEN 'ACTIVE' WHEN r_status < 0.95 THEN 'INACTIVE'
                         WHEN r_status < 0.99 THEN 'ARCHIVED' ELSE 'DECEASED' END AS status,
                    regexp_replace(digits, '(..)(..)(..)(..)', '\\1 \\2 \\3 \\4') AS pairs
               FROM (
                 SELECT g, random() AS r_last, random() AS r_first, random() AS r_birth_name, random() AS r_alias,
                        random() AS r_status, random() AS r_phone, random() AS r_email, random() AS r_number,
                        random() AS r_street, random() AS r_contact,
                        lpad(floor(random() * 100000000)::int::text, 8, '0') AS digits,
                        CASE WHEN random() < 0.54 THEN 'FEMALE' ELSE 'MALE' END AS sex,
                        date '1930-01-01' + floor(random() * (date '2008-12-31' - date '1930-01-01' + 1))::int AS birth_date,
                        now() - random() * interval '12 years' AS created_at,
                        1 + floor(random() * cardinality($8::text[]))::int AS city_index
                   FROM generate_series(1, $10::int) g
               ) drawn
           ) files`,
        [
          BENCH_TENANT_ID,
          BENCH_SITE_ID,
          LAST_NAMES,
          FEMALE_FIRST_NAMES,
          MALE_FIRST_NAMES,
          STREETS,
          CITIES.map(([city]) => city),
          CITIES.map(([, postalCode]) => postalCode),
          agents[0].id,
          files,
        ],
      );
      await client.query(
        `INSERT INTO file_number_counters (tenant_id, last_value) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET last_value = EXCLUDED.last_value`,
        [BENCH_TENANT_ID, files],
      );
    });
    await client.query('ALTER TABLE beneficiaries ENABLE TRIGGER beneficiaries_file_number');

    await step(`rebuilt ${indexes.length} secondary indexes (${indexes.map((i) => i.name).join(', ')})`, async () => {
      for (const index of indexes) await client.query(index.definition);
    });

    const referents = await step('referents for about half of the files', async () => {
      const agentIds = agents.map((a) => a.id);
      const first = await client.query(
        `INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id, assigned_by, assigned_at)
         SELECT $1, id, agent, agent, created_at
           FROM (SELECT id, created_at, random() AS r, ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] AS agent
                   FROM beneficiaries WHERE tenant_id = $1) drawn
          WHERE r < 0.5`,
        [BENCH_TENANT_ID, agentIds],
      );
      // One followed file in ten has a second referent (the next agent).
      const second = await client.query(
        `INSERT INTO beneficiary_referents (tenant_id, beneficiary_id, membership_id, assigned_by, assigned_at)
         SELECT tenant_id, beneficiary_id, ($2::uuid[])[1 + array_position($2::uuid[], membership_id) % cardinality($2::uuid[])], membership_id, assigned_at
           FROM beneficiary_referents WHERE tenant_id = $1 AND random() < 0.1`,
        [BENCH_TENANT_ID, agentIds],
      );
      return (first.rowCount ?? 0) + (second.rowCount ?? 0);
    });

    await client.query('COMMIT');
    await step('ANALYZE', () => client.query('ANALYZE'));
    return { agents, files, referents };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
