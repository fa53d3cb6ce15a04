import { z } from 'zod';
import { enumOf, optionalText, PastInstant, PersonRef, uniqueList } from './fields.js';

// Digital autonomy assessment ("diagnostic numérique"): a short questionnaire a worker goes through
// with the person in two or three minutes, and the level it gives. The rule is explained in
// docs/decisions/007-digital-autonomy-scoring.md; change both together.

// Questions, as the worker reads them to the person.

export const DIGITAL_ASSESSMENT_QUESTION_LABELS = {
  equipment: 'Quel équipement avez-vous ?',
  emailAccess: 'Avez-vous une adresse e-mail que vous pouvez ouvrir vous-même ?',
  onlineAccounts: 'Quels comptes en ligne avez-vous déjà ?',
  skills: 'Pour chacun de ces gestes : le faites-vous seul·e, avec de l’aide, ou pas encore ?',
  barriers: 'Qu’est-ce qui vous rend le numérique difficile ?',
  willingToLearn: 'Aimeriez-vous apprendre à faire vos démarches en ligne ?',
} as const;

export const DIGITAL_EQUIPMENT_LABELS = {
  smartphone: 'Smartphone',
  computerOrTablet: 'Ordinateur ou tablette',
  internetAtHome: 'Internet à la maison (box)',
  mobileData: 'Données mobiles (forfait internet sur le téléphone)',
} as const;

export const DIGITAL_EMAIL_ACCESS_LABELS = {
  YES: 'Oui, seul·e',
  WITH_HELP: 'Oui, avec de l’aide',
  NO: 'Non',
} as const;
export const DigitalEmailAccess = enumOf(DIGITAL_EMAIL_ACCESS_LABELS);
export type DigitalEmailAccess = z.infer<typeof DigitalEmailAccess>;

/** The accounts most procedures go through; which ones exist tells the worker what to open next. */
export const DIGITAL_ONLINE_ACCOUNT_LABELS = {
  AMELI: 'Ameli',
  CAF: 'CAF',
  IMPOTS: 'impots.gouv',
  FRANCE_TRAVAIL: 'France Travail',
  FRANCE_CONNECT: 'FranceConnect',
} as const;
export const DigitalOnlineAccount = enumOf(DIGITAL_ONLINE_ACCOUNT_LABELS);
export type DigitalOnlineAccount = z.infer<typeof DigitalOnlineAccount>;

/** The five gestures every online procedure needs, from the simplest to the least common. */
export const DIGITAL_SKILL_LABELS = {
  useDevice: 'Utiliser un clavier ou un écran tactile',
  browse: 'Naviguer sur un site internet',
  fillForm: 'Remplir un formulaire en ligne',
  scanAndSend: 'Scanner et envoyer un document',
  managePasswords: 'Gérer ses mots de passe',
} as const;
export type DigitalSkill = keyof typeof DIGITAL_SKILL_LABELS;

// "Pas encore" rather than "Non": the answer describes today, not what the person is able to learn.
export const DIGITAL_SKILL_LEVEL_LABELS = {
  ALONE: 'Seul·e',
  WITH_HELP: 'Avec de l’aide',
  NO: 'Pas encore',
} as const;
export const DigitalSkillLevel = enumOf(DIGITAL_SKILL_LEVEL_LABELS);
export type DigitalSkillLevel = z.infer<typeof DigitalSkillLevel>;

export const DIGITAL_BARRIER_LABELS = {
  LANGUAGE: 'Langue (parle ou lit peu le français)',
  READING_WRITING: 'Lecture ou écriture',
  DISABILITY_HEALTH: 'Handicap ou santé',
} as const;
export const DigitalBarrier = enumOf(DIGITAL_BARRIER_LABELS);
export type DigitalBarrier = z.infer<typeof DigitalBarrier>;

export const DIGITAL_WILLINGNESS_LABELS = { YES: 'Oui', MAYBE: 'Peut-être', NO: 'Non' } as const;
export const DigitalWillingness = enumOf(DIGITAL_WILLINGNESS_LABELS);
export type DigitalWillingness = z.infer<typeof DigitalWillingness>;

/** Every question is answered: a missing answer must not silently count as "no" in the score. */
export const DigitalAssessmentAnswers = z.strictObject({
  equipment: z.strictObject({
    smartphone: z.boolean(),
    computerOrTablet: z.boolean(),
    internetAtHome: z.boolean(),
    mobileData: z.boolean(),
  }),
  emailAccess: DigitalEmailAccess,
  onlineAccounts: uniqueList(DigitalOnlineAccount, Object.keys(DIGITAL_ONLINE_ACCOUNT_LABELS).length),
  skills: z.strictObject({
    useDevice: DigitalSkillLevel,
    browse: DigitalSkillLevel,
    fillForm: DigitalSkillLevel,
    scanAndSend: DigitalSkillLevel,
    managePasswords: DigitalSkillLevel,
  }),
  /** Empty when the person names none. */
  barriers: uniqueList(DigitalBarrier, Object.keys(DIGITAL_BARRIER_LABELS).length),
  willingToLearn: DigitalWillingness,
});
export type DigitalAssessmentAnswers = z.infer<typeof DigitalAssessmentAnswers>;

// The level, from the most to the least autonomous.

export const DIGITAL_AUTONOMY_LEVEL_LABELS = {
  AUTONOME: 'Autonome',
  AUTONOME_AVEC_AIDE: 'Autonome avec de l’aide',
  A_ACCOMPAGNER: 'À accompagner',
  ELOIGNE: 'Éloigné·e du numérique',
} as const;
export const DigitalAutonomyLevel = enumOf(DIGITAL_AUTONOMY_LEVEL_LABELS);
export type DigitalAutonomyLevel = z.infer<typeof DigitalAutonomyLevel>;

/** Bumped whenever the rule below changes, so that levels computed by different rules can be told apart. */
export const DIGITAL_AUTONOMY_RULE_VERSION = 1;

/** Each skill and the e-mail access: done alone 2, with help 1, not yet 0. */
export const DIGITAL_SKILL_POINTS = { ALONE: 2, WITH_HELP: 1, NO: 0 } as const satisfies Record<DigitalSkillLevel, number>;
export const DIGITAL_EMAIL_POINTS = { YES: 2, WITH_HELP: 1, NO: 0 } as const satisfies Record<DigitalEmailAccess, number>;

/** 5 skills × 2 + e-mail 2 + a device 1 + a connection 1. */
export const DIGITAL_AUTONOMY_MAX_SCORE = 14;

/**
 * Lowest score of each level (ELOIGNE below 4). AUTONOME: everything alone but one gesture done with
 * help (2 + 2 + 4 × 2 + 1). AUTONOME_AVEC_AIDE: connected, and half of the six things (e-mail and
 * five skills) done alone, the other half with help (2 + 3 × 2 + 3 × 1). A_ACCOMPAGNER: connected,
 * with one gesture done alone or two with help to build on (2 + 2).
 */
export const DIGITAL_AUTONOMY_THRESHOLDS = { AUTONOME: 13, AUTONOME_AVEC_AIDE: 11, A_ACCOMPAGNER: 4 } as const;

export type DigitalAutonomyResult = {
  level: DigitalAutonomyLevel;
  /** The raw sum, 0 to 14, before caps: it shows progress even while a cap holds the level. */
  score: number;
  /** Short sentences a worker can read back to the person, in the order of the questionnaire. */
  reasons: string[];
};

const SKILLS = Object.keys(DIGITAL_SKILL_LABELS) as DigitalSkill[];
const lowerFirst = (label: string) => label.charAt(0).toLocaleLowerCase('fr-FR') + label.slice(1);
const listOf = (labels: string[]) => labels.map(lowerFirst).join(', ');

const WILLINGNESS_REASONS: Record<DigitalWillingness, string> = {
  YES: 'Souhaite apprendre',
  MAYBE: 'Hésite à apprendre',
  NO: 'Ne souhaite pas apprendre pour l’instant',
};

/**
 * The level of a questionnaire. Points (see above) give the score, thresholds give the level, then
 * three caps: no smartphone, computer or tablet → ELOIGNE; no skill at all, even with help →
 * ELOIGNE; AUTONOME needs a connection and an e-mail address opened alone, else AUTONOME_AVEC_AIDE.
 * Online accounts, barriers and the wish to learn are not scored: they appear in the reasons, to
 * choose the help, never to lower the level a second time.
 */
export function scoreDigitalAutonomy(answers: DigitalAssessmentAnswers): DigitalAutonomyResult {
  const { equipment, emailAccess, skills } = answers;
  const hasDevice = equipment.smartphone || equipment.computerOrTablet;
  const hasConnection = equipment.internetAtHome || equipment.mobileData;

  const score =
    SKILLS.reduce((sum, skill) => sum + DIGITAL_SKILL_POINTS[skills[skill]], 0) +
    DIGITAL_EMAIL_POINTS[emailAccess] +
    (hasDevice ? 1 : 0) +
    (hasConnection ? 1 : 0);

  const skillsAt = (level: DigitalSkillLevel) => SKILLS.filter((skill) => skills[skill] === level).map((skill) => DIGITAL_SKILL_LABELS[skill]);
  const noSkill = skillsAt('NO').length === SKILLS.length;

  let level: DigitalAutonomyLevel =
    score >= DIGITAL_AUTONOMY_THRESHOLDS.AUTONOME
      ? 'AUTONOME'
      : score >= DIGITAL_AUTONOMY_THRESHOLDS.AUTONOME_AVEC_AIDE
        ? 'AUTONOME_AVEC_AIDE'
        : score >= DIGITAL_AUTONOMY_THRESHOLDS.A_ACCOMPAGNER
          ? 'A_ACCOMPAGNER'
          : 'ELOIGNE';
  if (!hasDevice || noSkill) level = 'ELOIGNE';
  else if (level === 'AUTONOME' && (!hasConnection || emailAccess !== 'YES')) level = 'AUTONOME_AVEC_AIDE';

  // Each cap's cause is one of these sentences, so that the level can always be explained.
  const reasons: string[] = [];
  if (!hasDevice) reasons.push('Ni smartphone, ni ordinateur ou tablette');
  if (!hasConnection) reasons.push('Pas de connexion internet (ni box à la maison, ni données mobiles)');
  if (emailAccess === 'WITH_HELP') reasons.push('Pas d’adresse e-mail utilisable seul·e');
  if (emailAccess === 'NO') reasons.push('Pas d’adresse e-mail utilisable, même avec de l’aide');
  if (noSkill) {
    reasons.push('Aucun des gestes de base, même avec de l’aide');
  } else {
    const alone = skillsAt('ALONE');
    const withHelp = skillsAt('WITH_HELP');
    const notYet = skillsAt('NO');
    // What the person does alone comes first: the assessment is read back to them.
    if (alone.length) reasons.push(`Fait seul·e : ${listOf(alone)}`);
    if (withHelp.length) reasons.push(`Avec de l’aide : ${listOf(withHelp)}`);
    if (notYet.length) reasons.push(`Pas encore, même avec de l’aide : ${listOf(notYet)}`);
  }
  if (answers.barriers.length) {
    const barriers = listOf(answers.barriers.map((barrier) => DIGITAL_BARRIER_LABELS[barrier]));
    reasons.push(`${answers.barriers.length > 1 ? 'Freins signalés' : 'Frein signalé'} : ${barriers}`);
  }
  if (!answers.onlineAccounts.length) reasons.push(`Aucun compte en ligne (${Object.values(DIGITAL_ONLINE_ACCOUNT_LABELS).join(', ')})`);
  reasons.push(WILLINGNESS_REASONS[answers.willingToLearn]);

  return { level, score, reasons };
}

// What the API takes and returns.

/** The person may decline the assessment; the refusal is recorded, with their words if they give any. */
/** The person answers the questionnaire, or declines it (recorded too). Dated now unless said otherwise. */
export const CreateDigitalAssessmentInput = z.discriminatedUnion('declined', [
  z.strictObject({ beneficiaryId: z.uuid(), occurredAt: PastInstant.optional(), declined: z.literal(true), reason: optionalText(1000).default(null) }),
  z.strictObject({ beneficiaryId: z.uuid(), occurredAt: PastInstant.optional(), declined: z.literal(false), answers: DigitalAssessmentAnswers }),
]);
export type CreateDigitalAssessmentInput = z.input<typeof CreateDigitalAssessmentInput>;

export const DigitalAssessment = z.object({
  id: z.uuid(),
  beneficiaryId: z.uuid(),
  occurredAt: z.iso.datetime(),
  assessor: PersonRef,
  declined: z.boolean(),
  declineReason: z.string().nullable(),
  /** Null when the person declined, as are the level and the score. */
  answers: DigitalAssessmentAnswers.nullable(),
  level: DigitalAutonomyLevel.nullable(),
  score: z.number().int().min(0).max(DIGITAL_AUTONOMY_MAX_SCORE).nullable(),
  /** As computed when the assessment was recorded; empty when declined. */
  reasons: z.array(z.string()),
});
export type DigitalAssessment = z.infer<typeof DigitalAssessment>;

/** An assessment is proposed again once the latest is more than this old. */
export const ASSESSMENT_MAX_AGE_MONTHS = 12;

/**
 * Whether to propose an assessment: none yet, or the latest is more than 12 calendar months old
 * (exactly 12 months is not yet due). Pass the latest one whether or not it was declined: a refusal
 * is respected until the next yearly proposal, and a worker can still start one at any time.
 */
export function assessmentDue(latest: { occurredAt: string } | null, now: Date): boolean {
  if (!latest) return true;
  const occurredAt = Date.parse(latest.occurredAt);
  // An unreadable date cannot show that an assessment is recent.
  if (Number.isNaN(occurredAt)) return true;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - ASSESSMENT_MAX_AGE_MONTHS);
  return occurredAt < limit.getTime();
}
