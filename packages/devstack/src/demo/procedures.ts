import type pg from 'pg';
import type { PROCEDURE_OUTCOME_LABELS, PROCEDURE_REASON_LABELS, ProcedureMode } from '@ccas/shared';
import { DEMO_ACCOUNTS } from './accounts';
import { DAY, DEMO_BENEFICIARY, generator, workingTime } from './beneficiaries';

/**
 * A few hundred procedures ("démarches faites à la place de / avec / orientation") per demo tenant over the last
 * twelve months, so that the procedure dashboards and the agents' to-do lists have something to show. Drawn by a
 * seeded generator from the tables below, on the tenant's files, by its agents; dates are relative to the seeding day.
 */

type Reason = keyof typeof PROCEDURE_REASON_LABELS;
type Outcome = keyof typeof PROCEDURE_OUTCOME_LABELS;
type DemoTenant = { id: string };
interface FileRow {
  id: string; first_name: string | null; last_name: string | null; sex: string | null; status: string; age: number | null;
  nationality: string | null; benefits: string[] | null; employment_status: string | null; housing_status: string | null;
  created_at: Date; last_contact_at: Date | null; referents: string[];
}

// Who a procedure is typical of; a pair without one fits anybody.
const FITS = {
  rsa: (f: FileRow) => Boolean(f.benefits?.some((b) => ['RSA', 'ACTIVITY_BONUS'].includes(b))),
  family: (f: FileRow) => Boolean(f.benefits?.some((b) => ['RSA', 'APL', 'ALS', 'FAMILY_ALLOWANCES', 'AAH'].includes(b))),
  job: (f: FileRow) => f.employment_status === 'JOB_SEEKER',
  senior: (f: FileRow) => (f.age ?? 0) >= 60 || f.employment_status === 'RETIRED',
  foreign: (f: FileRow) => Boolean(f.nationality && f.nationality !== 'Française'),
  disability: (f: FileRow) => f.employment_status === 'UNABLE_TO_WORK' || Boolean(f.benefits?.some((b) => ['AAH', 'PCH'].includes(b))),
  housing: (f: FileRow) => !['OWNER', 'INSTITUTION'].includes(f.housing_status ?? ''),
  young: (f: FileRow) => f.age !== null && f.age < 28,
  worker: (f: FileRow) => f.employment_status === 'SELF_EMPLOYED',
};
// Organism code, procedure-type code (catalogue_entries.code), weight, who it fits.
const PAIRS: [string, string, number, (keyof typeof FITS)?][] = [
  ['CAF', 'RESOURCES_DECLARATION', 16, 'rsa'], ['CAF', 'CHANGE_OF_SITUATION', 5, 'family'], ['CAF', 'CERTIFICATE', 5, 'family'],
  ['CAF', 'BENEFIT_APPLICATION', 4], ['CAF', 'ACCOUNT', 4, 'family'], ['CPAM', 'CSS', 8], ['CPAM', 'ACCOUNT', 4], ['CPAM', 'CERTIFICATE', 4],
  ['FRANCE_TRAVAIL', 'JOB_SEEKER', 14, 'job'], ['FRANCE_TRAVAIL', 'SUPPORTING_DOCUMENTS', 3, 'job'], ['FRANCE_TRAVAIL', 'ACCOUNT', 2, 'young'],
  ['DGFIP', 'TAX_RETURN', 6], ['DGFIP', 'CERTIFICATE', 3], ['DGFIP', 'ACCOUNT', 2, 'senior'], ['ANTS', 'IDENTITY', 5], ['ANTS', 'DRIVING', 2, 'young'],
  ['PREFECTURE', 'RESIDENCE_PERMIT', 10, 'foreign'], ['SOCIAL_LANDLORD', 'SOCIAL_HOUSING', 6, 'housing'], ['ENERGY', 'ENERGY_AID', 4],
  ['RETIREMENT', 'RETIREMENT', 4, 'senior'], ['RETIREMENT', 'CERTIFICATE', 3, 'senior'], ['MDPH', 'MDPH', 8, 'disability'],
  ['DEPARTEMENT', 'BENEFIT_APPLICATION', 3, 'senior'], ['TOWN_HALL', 'APPOINTMENT', 2], ['BANK', 'ACCOUNT', 1], ['HEALTH_INSURANCE', 'BENEFIT_APPLICATION', 2, 'senior'],
  ['URSSAF', 'CHANGE_OF_SITUATION', 6, 'worker'], ['CROUS', 'BENEFIT_APPLICATION', 2, 'young'], ['MSA', 'CERTIFICATE', 1], ['OTHER', 'OTHER', 1],
];
const REASONS: Record<ProcedureMode, Reason[]> = {
  A_LA_PLACE: ['NO_SKILLS', 'NO_SKILLS', 'NO_SKILLS', 'NO_EQUIPMENT', 'NO_EQUIPMENT', 'NO_CREDENTIALS', 'NO_CREDENTIALS', 'URGENCY', 'ACCOUNT_BLOCKED'],
  AVEC: ['NO_SKILLS', 'NO_SKILLS', 'NO_EQUIPMENT', 'NO_CREDENTIALS', 'ACCOUNT_BLOCKED'],
  ORIENTATION: ['NO_EQUIPMENT'],
};
// Short notes by outcome ({e}: feminine ending). Never a credential.
const NOTES: Record<Outcome | 'ORIENTATION', string[]> = {
  DONE: ['Accusé de réception remis à la personne.', 'Attestation imprimée et remise en main propre.', 'Récapitulatif envoyé sur la boîte mail de la personne.', 'Fait en une fois, la personne est repartie rassurée.', 'Compte FranceConnect créé avec l’identité numérique La Poste.'],
  PENDING_DOCUMENTS: ['Manque l’avis d’imposition, à rapporter.', 'En attente du justificatif de domicile.', 'Pièce d’identité expirée, à renouveler d’abord.', 'RIB au nom de la personne à fournir.', 'Bulletins de salaire des trois derniers mois à apporter.'],
  TO_FOLLOW_UP: ['Rappeler dans quinze jours pour vérifier le traitement.', 'Réponse de l’organisme attendue sous un mois.', 'Relancer si pas de versement le mois prochain.', 'Courrier de l’organisme à relire ensemble.'],
  FAILED: ['Site en maintenance, à refaire au prochain passage.', 'Code de vérification envoyé sur un ancien numéro, impossible de continuer.', 'Compte bloqué après plusieurs tentatives, à voir par téléphone avec l’organisme.', 'Dossier refusé : ressources au-dessus du plafond.'],
  ORIENTATION: ['Orienté{e} vers le conseiller numérique de la médiathèque.', 'Montré comment faire sur le poste en libre-service de l’accueil.', 'Rendez-vous France Services proposé pour la suite.', 'Pas à pas imprimé et remis, la personne le fera chez elle.'],
};
const MINUTES: Record<ProcedureMode, [number, number]> = { A_LA_PLACE: [2, 9], AVEC: [3, 12], ORIENTATION: [1, 4] }; // in 5-minute steps

/** Inserts the tenant's demo procedures inside the caller's transaction (files already inserted); returns their number. */
export async function seedDemoProcedures(client: pg.Client, tenant: DemoTenant, memberships: ReadonlyMap<string, string>, now = new Date()): Promise<number> {
  const random = generator(`${tenant.id}/procedures`);
  const accounts = DEMO_ACCOUNTS.filter((a) => a.tenantId === tenant.id);
  const agents = accounts.filter((a) => a.roles.includes('AGENT')).map((a) => memberships.get(a.email) ?? fail(a.email));
  const frontDesk = accounts.find((a) => a.roles.includes('ACCUEIL'));
  const frontDeskId = frontDesk && memberships.get(frontDesk.email);
  const catalogue = new Map((await client.query<{ kind: string; code: string; id: string }>(
    'SELECT kind, code, id FROM catalogue_entries WHERE tenant_id = $1 AND code IS NOT NULL', [tenant.id])).rows.map((r) => [`${r.kind}/${r.code}`, r.id]));
  const entry = (kind: string, code: string) => catalogue.get(`${kind}/${code}`) ?? fail(`catalogue entry ${kind} ${code}`);
  const { rows: files } = await client.query<FileRow>(
    `SELECT b.id, b.first_name, b.last_name, b.sex, b.status, extract(year FROM age(b.birth_date))::int AS age, b.nationality, b.benefits,
            b.employment_status, b.housing_status, b.created_at, b.last_contact_at,
            coalesce(array_agg(r.membership_id) FILTER (WHERE r.membership_id IS NOT NULL), '{}') AS referents
     FROM beneficiaries b LEFT JOIN beneficiary_referents r ON r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id
     WHERE b.tenant_id = $1 GROUP BY b.tenant_id, b.id ORDER BY b.file_number`, [tenant.id]);
  const isFixed = (f: FileRow) => tenant.id === DEMO_BENEFICIARY.tenantId && f.last_name === DEMO_BENEFICIARY.lastName && f.first_name === DEMO_BENEFICIARY.firstName;
  // Some people come much more often than others; a file gets procedures while it is followed.
  const people = files.filter((f) => !isFixed(f)).map((f) => ({
    file: f, weight: random.pick([1, 1, 1, 1, 2, 2, 3, 5]), mandate: random.int(100, 2400), count: 0,
    from: Math.max(f.created_at.getTime(), now.getTime() - 365 * DAY), to: f.status === 'ACTIVE' ? now.getTime() : (f.last_contact_at ?? f.created_at).getTime(),
  }));
  const rows: Row[] = [];
  const target = random.int(340, 460);
  for (let tries = 0; rows.length < target && tries < 100_000; tries++) {
    // Busier in the recent months: the density grows linearly from 1 (a year ago) to 1.8 (now).
    const ago = random.int(1, 365);
    if (random.int(0, 99) >= 100 * (1 + 0.8 * (1 - ago / 365)) / 1.8) continue;
    const at = workingTime(now, ago, random.int(0, 35) * 15);
    const open = people.filter((p) => p.from <= at.getTime() && at.getTime() < p.to && p.count < 40);
    if (!open.length) continue;
    let roll = random.int(0, open.reduce((sum, p) => sum + p.weight, 0) - 1);
    const person = open.find((p) => (roll -= p.weight) < 0) ?? open[0];
    const { file } = person;
    person.count++;
    const pairs = PAIRS.filter(([, , , fit]) => !fit || FITS[fit](file));
    roll = random.int(0, pairs.reduce((sum, p) => sum + p[2], 0) - 1);
    const [organism, type] = pairs.find((p) => (roll -= p[2]) < 0) ?? pairs[0];
    const modeRoll = random.int(0, 99);
    const mode: ProcedureMode = modeRoll < 55 ? 'A_LA_PLACE' : modeRoll < 85 ? 'AVEC' : 'ORIENTATION';
    const reasons = new Set<Reason>();
    if (mode !== 'ORIENTATION') {
      reasons.add(random.pick(REASONS[mode]));
      if (mode === 'A_LA_PLACE' && random.chance(0.35)) reasons.add(random.pick(REASONS[mode]));
      if (FITS.foreign(file) && random.chance(0.6)) reasons.add('LANGUAGE');
      if (FITS.disability(file) && random.chance(0.4)) reasons.add('DISABILITY');
    } else if (random.chance(0.15)) reasons.add('NO_EQUIPMENT');
    const byFrontDesk = mode === 'ORIENTATION' && random.chance(0.25) ? frontDeskId : undefined;
    const referents = file.referents.filter((id) => agents.includes(id));
    const agent = byFrontDesk ?? (referents.length && random.chance(0.65) ? random.pick(referents) : random.pick(agents));
    const consentRoll = random.int(0, 99);
    const mandate = consentRoll < { A_LA_PLACE: 16, AVEC: 5, ORIENTATION: 0 }[mode];
    const consent = mandate ? 'MANDATE' : consentRoll < (mode === 'ORIENTATION' ? 5 : 25) ? 'WRITTEN' : 'ORAL';
    const outcomeRoll = random.int(0, 99);
    const outcome: Outcome = outcomeRoll < 74 ? 'DONE' : outcomeRoll < 84 ? 'PENDING_DOCUMENTS' : outcomeRoll < 93 ? 'TO_FOLLOW_UP' : 'FAILED';
    // Follow-ups of the last weeks are mostly still open (the to-do lists); older ones were closed.
    const stillOpen = ago <= 28 ? random.chance(0.85) : ago <= 60 && random.chance(0.3);
    const closedAt = outcome === 'DONE' || outcome === 'FAILED' || stillOpen ? null
      : new Date(Math.min(at.getTime() + random.int(3, 30) * DAY, now.getTime() - 3_600_000));
    const notes = mode === 'ORIENTATION' && outcome === 'DONE' ? NOTES.ORIENTATION : NOTES[outcome];
    const note = random.chance(outcome === 'DONE' ? 0.3 : 0.7) ? random.pick(notes).replaceAll('{e}', file.sex === 'FEMALE' ? 'e' : '') : null;
    rows.push({
      beneficiary_id: file.id, agent_id: agent, occurred_at: at, organism_id: entry('organism', organism), procedure_type_id: entry('procedure-type', type),
      mode, reasons: [...reasons], consent, mandate_reference: mandate ? `AC-${at.getUTCFullYear()}-${String(person.mandate).padStart(5, '0')}` : null,
      duration_minutes: random.int(...MINUTES[mode]) * 5, outcome, note, closed_at: closedAt,
    });
  }
  const fixed = files.find(isFixed);
  if (fixed) rows.push(...fixedProcedures(fixed.id, memberships.get(DEMO_BENEFICIARY.referentEmail) ?? fail('referent'), entry, now));

  const columns = ['tenant_id', 'beneficiary_id', 'agent_id', 'occurred_at', 'organism_id', 'procedure_type_id', 'mode', 'reasons', 'consent', 'mandate_reference', 'duration_minutes', 'outcome', 'note', 'closed_at', 'created_at', 'updated_at'];
  for (let start = 0; start < rows.length; start += 200) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + 200).map((row) => {
      const createdAt = new Date(row.occurred_at.getTime() + 10 * 60_000);
      const record: Record<string, unknown> = { tenant_id: tenant.id, ...row, created_at: createdAt, updated_at: row.closed_at ?? createdAt };
      values.push(...columns.map((column) => record[column]));
      return `(${columns.map((_, n) => `$${values.length - columns.length + n + 1}`).join(', ')})`;
    });
    await client.query(`INSERT INTO procedures (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
  // The last contact stays the latest of interviews and procedures.
  await client.query(
    `UPDATE beneficiaries b SET last_contact_at = greatest(b.last_contact_at, p.latest)
     FROM (SELECT beneficiary_id, max(occurred_at) AS latest FROM procedures WHERE tenant_id = $1 GROUP BY beneficiary_id) p
     WHERE b.tenant_id = $1 AND b.id = p.beneficiary_id`, [tenant.id]);
  return rows.length;
}

interface Row {
  beneficiary_id: string; agent_id: string; occurred_at: Date; organism_id: string; procedure_type_id: string; mode: ProcedureMode; reasons: Reason[];
  consent: string; mandate_reference: string | null; duration_minutes: number; outcome: Outcome; note: string | null; closed_at: Date | null;
}

/** The fixed person's procedures, around her interviews (none after the latest, so her last contact stays the same). */
function fixedProcedures(beneficiaryId: string, agentId: string, entry: (kind: string, code: string) => string, now: Date): Row[] {
  const first = workingTime(now, 60, 165);
  const later = workingTime(now, 33, 420);
  const row = (at: Date, organism: string, type: string, mode: ProcedureMode, reasons: Reason[], consent: string, minutes: number, outcome: Outcome, note: string, closedAt: Date | null = null): Row => ({
    beneficiary_id: beneficiaryId, agent_id: agentId, occurred_at: at, organism_id: entry('organism', organism), procedure_type_id: entry('procedure-type', type),
    mode, reasons, consent, mandate_reference: consent === 'MANDATE' ? `AC-${at.getUTCFullYear()}-00123` : null, duration_minutes: minutes, outcome, note, closed_at: closedAt,
  });
  return [
    row(first, 'DEPARTEMENT', 'BENEFIT_APPLICATION', 'A_LA_PLACE', ['URGENCY'], 'WRITTEN', 30, 'DONE', 'Dossier FSL énergie déposé en ligne, accusé de réception remis à Mme.'),
    row(new Date(first.getTime() + 40 * 60_000), 'ENERGY', 'ENERGY_AID', 'AVEC', ['NO_CREDENTIALS'], 'ORAL', 20, 'TO_FOLLOW_UP', 'Échéancier demandé sur l’espace client du fournisseur, réponse attendue.', new Date(first.getTime() + 14 * DAY)),
    row(later, 'CAF', 'CHANGE_OF_SITUATION', 'A_LA_PLACE', ['NO_EQUIPMENT'], 'MANDATE', 15, 'PENDING_DOCUMENTS', 'Changement de situation déclaré, bulletins de salaire à fournir.'),
  ];
}

function fail(message: string): never {
  throw new Error(`demo procedures: ${message}`);
}
