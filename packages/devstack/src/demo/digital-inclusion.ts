import type pg from 'pg';
import { DIGITAL_AUTONOMY_RULE_VERSION, scoreDigitalAutonomy, suggestsDigitalPartner } from '@ccas/shared';
import type { DigitalAssessmentAnswers, DigitalSkillLevel, PartnerKind, ReferralStatus } from '@ccas/shared';
import { DEMO_ACCOUNTS, DEMO_TENANTS } from './accounts';
import { DAY, DEMO_BENEFICIARY, generator, workingTime } from './beneficiaries';

/**
 * Digital inclusion per demo tenant: a directory of partners, autonomy assessments for about two thirds of the active
 * files (answers drawn from the person's profile, level by the shared rule), and referrals to partners after them.
 * The fixed person (DEMO_BENEFICIARY) has none: a browser test records her first assessment.
 */

type DemoTenant = { id: string };
interface FileRow {
  id: string; first_name: string | null; last_name: string | null; age: number | null; nationality: string | null;
  benefits: string[] | null; employment_status: string | null; created_at: Date; referents: string[];
}
type Partner = [name: string, kind: PartnerKind, address: string, contact: string, offer: string];

const PARTNERS: Partner[][] = [
  [
    ['Conseiller numérique — Médiathèque Louise Michel', 'DIGITAL_MEDIATION', '8 rue Louise Michel, 94290 Villeneuve', 'Karim Benali, 01 45 97 12 30', 'Rendez-vous individuels le mardi et le jeudi ; ateliers « premiers pas sur smartphone » le samedi matin.'],
    ['France Services de Villeneuve', 'FRANCE_SERVICES', '1 place de la Mairie, 94290 Villeneuve', '01 45 97 10 00, franceservices@villeneuve.example.fr', 'Accompagnement aux démarches CAF, Ameli, impôts, ANTS et France Travail ; postes en libre accès.'],
    ['Emmaüs Connect', 'DIGITAL_MEDIATION', '21 avenue de la République, 94000 Créteil', 'creteil@emmaus-connect.example.org', 'Recharges solidaires, smartphones et ordinateurs reconditionnés à petit prix, ateliers d’initiation.'],
    ['Secours populaire — comité de Villeneuve', 'ASSOCIATION', '5 rue des Écoles, 94290 Villeneuve', '01 45 97 44 21 (mercredi après-midi)', 'Aide alimentaire, vestiaire, permanence d’accès aux droits.'],
    ['Mission locale des Bords de Marne', 'OTHER_SERVICE', '14 boulevard Jean Jaurès, 94290 Villeneuve', '01 45 97 55 60', 'Accompagnement des 16-25 ans : emploi, formation, Contrat d’engagement jeune.'],
    ['Médiathèque Aimé Césaire', 'LIBRARY', '30 rue des Lilas, 94290 Villeneuve', 'Accueil, 01 45 97 12 00', 'Ordinateurs et wifi en accès libre, aide ponctuelle des bibliothécaires.'],
    ['Centre social Les Tilleuls', 'ASSOCIATION', '2 allée des Tilleuls, 94290 Villeneuve', 'Sandrine Moreau, 01 45 97 80 12', 'Cours de français langue étrangère, écrivain public le lundi.'],
  ],
  [
    ['Conseillère numérique du CIAS', 'DIGITAL_MEDIATION', '3 avenue du Val, 38000 Val', 'Léa Fontaine, 04 76 12 34 50', 'Permanences dans les mairies du Val, ateliers tablette pour les seniors.'],
    ['France Services du Val', 'FRANCE_SERVICES', '3 avenue du Val, 38000 Val', '04 76 12 34 00', 'Démarches administratives en ligne avec un agent, sur rendez-vous ou sans.'],
    ['Emmaüs Connect Grenoble', 'DIGITAL_MEDIATION', '9 rue Chenoise, 38000 Grenoble', 'grenoble@emmaus-connect.example.org', 'Équipement et connexion solidaires, parcours « Les Bons Clics ».'],
    ['Secours populaire du Val', 'ASSOCIATION', '12 place du Marché, 38000 Val', '04 76 12 99 10', 'Aide alimentaire, permanence d’accueil et de solidarité.'],
    ['Mission locale Isère Val', 'OTHER_SERVICE', '6 rue de la Gare, 38000 Val', '04 76 12 56 70', 'Jeunes de 16 à 25 ans : emploi, formation, logement.'],
    ['Bibliothèque intercommunale du Val', 'LIBRARY', '1 rue de l’Église, 38000 Val', '04 76 12 20 20', 'Postes informatiques, impressions et « café numérique » un vendredi sur deux.'],
  ],
];
const DECLINES = ['Ne souhaite pas en parler aujourd’hui.', 'Dit ne pas en avoir besoin, un proche fait ses démarches.', 'Pas le temps aujourd’hui, à reproposer.', 'Préfère venir avec sa fille la prochaine fois.', null];
const SKILLS = [['useDevice', 0], ['browse', 0.15], ['fillForm', 0.3], ['scanAndSend', 0.4], ['managePasswords', 0.35]] as const;
const RANK: Record<DigitalSkillLevel, number> = { NO: 0, WITH_HELP: 1, ALONE: 2 };

/** Inserts the tenant's partners, assessments and referrals inside the caller's transaction; returns their numbers. */
export async function seedDemoDigitalInclusion(client: pg.Client, tenant: DemoTenant, memberships: ReadonlyMap<string, string>, now = new Date()) {
  const random = generator(`${tenant.id}/digital-inclusion`);
  const agents = DEMO_ACCOUNTS.filter((a) => a.tenantId === tenant.id && a.roles.includes('AGENT')).map((a) => memberships.get(a.email) ?? fail(a.email));
  const partners: { id: string; kind: PartnerKind; name: string }[] = [];
  for (const [name, kind, address, contact, offer] of PARTNERS[DEMO_TENANTS.findIndex((t) => t.id === tenant.id)] ?? []) {
    const createdAt = workingTime(now, random.int(400, 700), random.int(0, 35) * 15);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO partners (tenant_id, name, kind, address, contact, offer, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [tenant.id, name, kind, address, contact, offer, createdAt]);
    partners.push({ id: rows[0].id, kind, name });
  }
  const { rows: files } = await client.query<FileRow>(
    `SELECT b.id, b.first_name, b.last_name, extract(year FROM age(b.birth_date))::int AS age, b.nationality, b.benefits, b.employment_status, b.created_at,
            coalesce(array_agg(r.membership_id) FILTER (WHERE r.membership_id IS NOT NULL), '{}') AS referents
     FROM beneficiaries b LEFT JOIN beneficiary_referents r ON r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id
     WHERE b.tenant_id = $1 AND b.status = 'ACTIVE' GROUP BY b.tenant_id, b.id ORDER BY b.file_number`, [tenant.id]);
  const isFixed = (f: FileRow) => tenant.id === DEMO_BENEFICIARY.tenantId && f.last_name === DEMO_BENEFICIARY.lastName && f.first_name === DEMO_BENEFICIARY.firstName;
  let assessments = 0;
  let referrals = 0;
  for (const file of files.filter((f) => !isFixed(f))) {
    if (!random.chance(0.68)) continue;
    const referents = file.referents.filter((id) => agents.includes(id));
    const assessor = referents.length ? referents[0] : random.pick(agents);
    const known = Math.max(20, Math.floor((now.getTime() - file.created_at.getTime()) / DAY));
    // Mostly recent (a power draw), except for those seen twice, first 7 to 18 months ago.
    const twice = known >= 200 && random.chance(0.35);
    let ago = twice ? random.int(200, Math.min(known, 540)) : 3 + Math.floor((random.int(0, 1000) / 1000) ** 1.5 * (Math.min(known, 540) - 3));
    const at = () => workingTime(now, ago, random.int(0, 35) * 15);
    if (random.chance(0.12)) {
      await insertAssessment(client, tenant.id, file.id, assessor, at(), { declined: true, reason: random.pick(DECLINES) });
      assessments++;
      continue;
    }
    let ability = profileAbility(file, random);
    let answers = drawAnswers(file, ability, random);
    let result = scoreDigitalAutonomy(answers);
    let date = at();
    await insertAssessment(client, tenant.id, file.id, assessor, date, { answers, result });
    assessments++;
    // About 15 % are seen again 6 to 12 months later; most of those who were accompanied have progressed.
    if (twice) {
      ago -= random.int(183, Math.min(365, ago - 3));
      ability += random.chance(0.7) ? 0.15 + random.int(0, 20) / 100 : 0;
      const again = drawAnswers(file, ability, random);
      for (const [skill] of SKILLS) if (RANK[answers.skills[skill]] > RANK[again.skills[skill]]) again.skills[skill] = answers.skills[skill];
      if (RANK[answers.emailAccess === 'YES' ? 'ALONE' : answers.emailAccess] > RANK[again.emailAccess === 'YES' ? 'ALONE' : again.emailAccess]) again.emailAccess = answers.emailAccess;
      for (const key of ['smartphone', 'computerOrTablet', 'internetAtHome', 'mobileData'] as const) again.equipment[key] ||= answers.equipment[key];
      [answers, result, date] = [again, scoreDigitalAutonomy(again), at()];
      await insertAssessment(client, tenant.id, file.id, assessor, date, { answers, result });
      assessments++;
    }
    const targets: PartnerKind[][] = [];
    if (suggestsDigitalPartner(result.level) && random.chance(0.85)) targets.push(random.pick([['DIGITAL_MEDIATION'], ['DIGITAL_MEDIATION'], ['FRANCE_SERVICES'], ['LIBRARY']]));
    if (random.chance(0.15)) targets.push((file.age ?? 99) < 30 || file.employment_status === 'JOB_SEEKER' ? ['OTHER_SERVICE'] : ['ASSOCIATION']);
    for (const kinds of targets) {
      const partner = random.pick(partners.filter((p) => kinds.includes(p.kind)));
      if (!partner) continue;
      const occurredAt = new Date(Math.min(date.getTime() + (random.chance(0.6) ? 30 * 60_000 : random.int(1, 14) * DAY), now.getTime() - 3_600_000));
      const days = (now.getTime() - occurredAt.getTime()) / DAY;
      const roll = random.int(0, 99);
      const status: ReferralStatus = days < 21 ? (roll < 70 ? 'PROPOSED' : 'ACCEPTED')
        : days < 90 ? (roll < 10 ? 'PROPOSED' : roll < 45 ? 'ACCEPTED' : roll < 75 ? 'DONE' : roll < 85 ? 'DECLINED' : 'NO_NEWS')
          : roll < 55 ? 'DONE' : roll < 75 ? 'NO_NEWS' : roll < 90 ? 'DECLINED' : 'ACCEPTED';
      const changedAt = status === 'PROPOSED' ? occurredAt : new Date(Math.min(occurredAt.getTime() + random.int(2, 45) * DAY, now.getTime() - 3_600_000));
      const reason = partner.kind === 'ASSOCIATION' || partner.kind === 'OTHER_SERVICE'
        ? random.pick(['Orientation pour une aide alimentaire.', 'Accompagnement vers l’emploi et la formation.', 'Besoin d’aide pour les courriers administratifs.'])
        : random.pick(['Apprendre à utiliser son smartphone pour les démarches.', 'Créer une adresse e-mail et un compte Ameli.', 'Ateliers pour gagner en autonomie sur les sites CAF et impôts.', 'Besoin d’un équipement à petit prix.', null]);
      await client.query(
        `INSERT INTO referrals (tenant_id, beneficiary_id, partner_id, agent_id, version, occurred_at, reason, status, status_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $6, $9)`,
        [tenant.id, file.id, partner.id, assessor, status === 'PROPOSED' ? 0 : 1, occurredAt, reason, status, changedAt]);
      referrals++;
    }
  }
  return { partners: partners.length, assessments, referrals };
}

/** How at ease with digital tools the person probably is, 0 to 1, from their profile. */
function profileAbility(file: FileRow, random: ReturnType<typeof generator>): number {
  const age = file.age ?? 45;
  let ability = age >= 75 ? 0.2 : age >= 60 || file.employment_status === 'RETIRED' ? 0.35 : age < 28 ? 0.75 : age < 45 ? 0.65 : 0.5;
  if (file.nationality && file.nationality !== 'Française') ability -= 0.1;
  if (file.employment_status === 'UNABLE_TO_WORK') ability -= 0.1;
  return ability + (random.int(0, 40) - 20) / 100;
}

function drawAnswers(file: FileRow, ability: number, random: ReturnType<typeof generator>): DigitalAssessmentAnswers {
  const young = file.age !== null && file.age < 30;
  const smartphone = young || random.chance(0.3 + ability * 0.8);
  const computerOrTablet = random.chance(ability * 0.6);
  const device = smartphone || computerOrTablet;
  const skill = (difficulty: number): DigitalSkillLevel => {
    const level = (device ? ability : ability - 0.5) - difficulty + (random.int(0, 30) - 15) / 100;
    return level > 0.45 ? 'ALONE' : level > 0.05 ? 'WITH_HELP' : 'NO';
  };
  const skills = Object.fromEntries(SKILLS.map(([name, difficulty]) => [name, skill(difficulty)])) as DigitalAssessmentAnswers['skills'];
  // Young job seekers live on their phone but stumble on administrative forms.
  if (young && file.employment_status === 'JOB_SEEKER' && skills.fillForm === 'ALONE' && random.chance(0.6)) skills.fillForm = 'WITH_HELP';
  const email = ability - 0.15 + (random.int(0, 30) - 15) / 100;
  const benefits = file.benefits ?? [];
  const accounts = [
    random.chance(ability + 0.2) && 'AMELI', benefits.some((b) => ['RSA', 'APL', 'ALS', 'FAMILY_ALLOWANCES', 'AAH', 'ACTIVITY_BONUS'].includes(b)) && random.chance(0.5 + ability / 2) && 'CAF',
    random.chance(ability * 0.6) && 'IMPOTS', file.employment_status === 'JOB_SEEKER' && random.chance(0.85) && 'FRANCE_TRAVAIL', random.chance(ability * 0.5) && 'FRANCE_CONNECT',
  ];
  const foreign = Boolean(file.nationality && file.nationality !== 'Française');
  const barriers = [foreign && random.chance(0.5) && 'LANGUAGE', random.chance(ability < 0.3 ? 0.2 : 0.05) && 'READING_WRITING',
    (file.employment_status === 'UNABLE_TO_WORK' || (file.age ?? 0) >= 75) && random.chance(0.5) && 'DISABILITY_HEALTH'];
  return {
    equipment: { smartphone, computerOrTablet, internetAtHome: random.chance(0.2 + ability * 0.6), mobileData: smartphone && random.chance(0.85) },
    emailAccess: email > 0.35 ? 'YES' : email > -0.05 ? 'WITH_HELP' : 'NO',
    onlineAccounts: accounts.filter((a) => a !== false) as DigitalAssessmentAnswers['onlineAccounts'],
    skills,
    barriers: barriers.filter((b) => b !== false) as DigitalAssessmentAnswers['barriers'],
    willingToLearn: random.pick((file.age ?? 0) >= 75 ? ['YES', 'MAYBE', 'NO', 'NO'] : ['YES', 'YES', 'YES', 'MAYBE', 'NO']),
  };
}

type Outcome = { declined: true; reason: string | null } | { answers: DigitalAssessmentAnswers; result: ReturnType<typeof scoreDigitalAutonomy> };
async function insertAssessment(client: pg.Client, tenantId: string, beneficiaryId: string, assessorId: string, at: Date, outcome: Outcome) {
  const done = 'answers' in outcome ? outcome : null;
  await client.query(
    `INSERT INTO digital_assessments (tenant_id, beneficiary_id, assessor_id, occurred_at, declined, decline_reason, answers, level, score, reasons, rule_version, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $4)`,
    [tenantId, beneficiaryId, assessorId, at, !done, done ? null : (outcome as { reason: string | null }).reason, done && JSON.stringify(done.answers),
      done?.result.level ?? null, done?.result.score ?? null, done?.result.reasons ?? [], done ? DIGITAL_AUTONOMY_RULE_VERSION : null]);
}

function fail(message: string): never {
  throw new Error(`demo digital inclusion: ${message}`);
}
