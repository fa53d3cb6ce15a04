import {
  assessmentDue,
  CreateDigitalAssessmentInput,
  DIGITAL_AUTONOMY_LEVEL_LABELS,
  DIGITAL_AUTONOMY_MAX_SCORE,
  DIGITAL_AUTONOMY_THRESHOLDS,
  DigitalAssessment,
  DigitalAssessmentAnswers,
  scoreDigitalAutonomy,
} from './digital-assessments.js';

type Answers = DigitalAssessmentAnswers;
type Skills = Answers['skills'];

const allSkills = (level: Skills['useDevice']): Skills => ({
  useDevice: level,
  browse: level,
  fillForm: level,
  scanAndSend: level,
  managePasswords: level,
});

/** Someone who does everything alone: the reference every case below changes a few answers of. */
const autonomous: Answers = {
  equipment: { smartphone: true, computerOrTablet: true, internetAtHome: true, mobileData: true },
  emailAccess: 'YES',
  onlineAccounts: ['AMELI', 'CAF', 'IMPOTS', 'FRANCE_TRAVAIL', 'FRANCE_CONNECT'],
  skills: allSkills('ALONE'),
  barriers: [],
  willingToLearn: 'YES',
};
const phoneOnly = { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true };
const nothing = { smartphone: false, computerOrTablet: false, internetAtHome: false, mobileData: false };

const ALL_ALONE =
  'Fait seul·e : utiliser un clavier ou un écran tactile, naviguer sur un site internet, remplir un formulaire en ligne, scanner et envoyer un document, gérer ses mots de passe';
const NO_ACCOUNT = 'Aucun compte en ligne (Ameli, CAF, impots.gouv, France Travail, FranceConnect)';

describe('scoreDigitalAutonomy: one hand-made case per level', () => {
  it('AUTONOME: everything alone, 14 points', () => {
    expect(scoreDigitalAutonomy(autonomous)).toEqual({ level: 'AUTONOME', score: 14, reasons: [ALL_ALONE, 'Souhaite apprendre'] });
  });

  it('AUTONOME_AVEC_AIDE: online alone, forms and documents with help, 12 points', () => {
    const answers: Answers = {
      ...autonomous,
      onlineAccounts: ['AMELI'],
      skills: { ...allSkills('ALONE'), fillForm: 'WITH_HELP', scanAndSend: 'WITH_HELP' },
    };
    // 2 + 2 + 2 + 1 + 1 skills, e-mail 2, device 1, connection 1.
    expect(scoreDigitalAutonomy(answers)).toEqual({
      level: 'AUTONOME_AVEC_AIDE',
      score: 12,
      reasons: [
        'Fait seul·e : utiliser un clavier ou un écran tactile, naviguer sur un site internet, gérer ses mots de passe',
        'Avec de l’aide : remplir un formulaire en ligne, scanner et envoyer un document',
        'Souhaite apprendre',
      ],
    });
  });

  it('A_ACCOMPAGNER: everything with help, 8 points', () => {
    const answers: Answers = { ...autonomous, emailAccess: 'WITH_HELP', onlineAccounts: ['CAF'], skills: allSkills('WITH_HELP'), willingToLearn: 'MAYBE' };
    // 5 × 1 skills, e-mail 1, device 1, connection 1.
    expect(scoreDigitalAutonomy(answers)).toEqual({
      level: 'A_ACCOMPAGNER',
      score: 8,
      reasons: [
        'Pas d’adresse e-mail utilisable seul·e',
        'Avec de l’aide : utiliser un clavier ou un écran tactile, naviguer sur un site internet, remplir un formulaire en ligne, scanner et envoyer un document, gérer ses mots de passe',
        'Hésite à apprendre',
      ],
    });
  });

  it('ELOIGNE: a basic phone, no e-mail, nothing done online, 0 points', () => {
    const answers: Answers = {
      equipment: nothing,
      emailAccess: 'NO',
      onlineAccounts: [],
      skills: allSkills('NO'),
      barriers: ['READING_WRITING'],
      willingToLearn: 'NO',
    };
    expect(scoreDigitalAutonomy(answers)).toEqual({
      level: 'ELOIGNE',
      score: 0,
      reasons: [
        'Ni smartphone, ni ordinateur ou tablette',
        'Pas de connexion internet (ni box à la maison, ni données mobiles)',
        'Pas d’adresse e-mail utilisable, même avec de l’aide',
        'Aucun des gestes de base, même avec de l’aide',
        'Frein signalé : lecture ou écriture',
        NO_ACCOUNT,
        'Ne souhaite pas apprendre pour l’instant',
      ],
    });
  });
});

describe('scoreDigitalAutonomy: each threshold, from both sides', () => {
  it('states the thresholds of the decision record', () => {
    expect(DIGITAL_AUTONOMY_THRESHOLDS).toEqual({ AUTONOME: 13, AUTONOME_AVEC_AIDE: 11, A_ACCOMPAGNER: 4 });
    expect(DIGITAL_AUTONOMY_MAX_SCORE).toBe(14);
  });

  it('13 is AUTONOME: one gesture with help', () => {
    const answers: Answers = { ...autonomous, onlineAccounts: ['AMELI', 'CAF'], skills: { ...allSkills('ALONE'), managePasswords: 'WITH_HELP' }, willingToLearn: 'NO' };
    expect(scoreDigitalAutonomy(answers)).toEqual({
      level: 'AUTONOME',
      score: 13,
      reasons: [
        'Fait seul·e : utiliser un clavier ou un écran tactile, naviguer sur un site internet, remplir un formulaire en ligne, scanner et envoyer un document',
        'Avec de l’aide : gérer ses mots de passe',
        'Ne souhaite pas apprendre pour l’instant',
      ],
    });
  });

  it('12 is AUTONOME_AVEC_AIDE: one gesture not yet possible', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, skills: { ...allSkills('ALONE'), scanAndSend: 'NO' } });
    expect(result.score).toBe(12);
    expect(result.level).toBe('AUTONOME_AVEC_AIDE');
    expect(result.reasons).toContain('Pas encore, même avec de l’aide : scanner et envoyer un document');
  });

  // Smartphone with data (2), e-mail alone (2), then half the skills alone and half with help.
  const halfAlone: Answers = {
    ...autonomous,
    equipment: phoneOnly,
    skills: { useDevice: 'ALONE', browse: 'ALONE', fillForm: 'WITH_HELP', scanAndSend: 'WITH_HELP', managePasswords: 'WITH_HELP' },
  };

  it('11 is AUTONOME_AVEC_AIDE: three of six things alone, three with help', () => {
    expect(scoreDigitalAutonomy(halfAlone)).toMatchObject({ level: 'AUTONOME_AVEC_AIDE', score: 11 });
  });

  it('10 is A_ACCOMPAGNER: one more thing needs help', () => {
    expect(scoreDigitalAutonomy({ ...halfAlone, skills: { ...halfAlone.skills, browse: 'WITH_HELP' } })).toMatchObject({ level: 'A_ACCOMPAGNER', score: 10 });
  });

  // Smartphone with data (2), no e-mail (0), and only the phone itself used.
  const phoneUser: Answers = {
    equipment: phoneOnly,
    emailAccess: 'NO',
    onlineAccounts: [],
    skills: { ...allSkills('NO'), useDevice: 'ALONE' },
    barriers: [],
    willingToLearn: 'MAYBE',
  };

  it('4 is A_ACCOMPAGNER: uses the phone alone, something to build on', () => {
    expect(scoreDigitalAutonomy(phoneUser)).toEqual({
      level: 'A_ACCOMPAGNER',
      score: 4,
      reasons: [
        'Pas d’adresse e-mail utilisable, même avec de l’aide',
        'Fait seul·e : utiliser un clavier ou un écran tactile',
        'Pas encore, même avec de l’aide : naviguer sur un site internet, remplir un formulaire en ligne, scanner et envoyer un document, gérer ses mots de passe',
        NO_ACCOUNT,
        'Hésite à apprendre',
      ],
    });
  });

  it('3 is ELOIGNE: uses the phone only with help', () => {
    const result = scoreDigitalAutonomy({ ...phoneUser, skills: { ...phoneUser.skills, useDevice: 'WITH_HELP' } });
    expect(result).toMatchObject({ level: 'ELOIGNE', score: 3 });
    expect(result.reasons).toContain('Avec de l’aide : utiliser un clavier ou un écran tactile');
  });
});

describe('scoreDigitalAutonomy: caps', () => {
  it('no smartphone, computer or tablet → ELOIGNE, whatever skills are claimed', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, equipment: nothing });
    expect(result).toEqual({
      level: 'ELOIGNE',
      score: 12,
      reasons: ['Ni smartphone, ni ordinateur ou tablette', 'Pas de connexion internet (ni box à la maison, ni données mobiles)', ALL_ALONE, 'Souhaite apprendre'],
    });
  });

  it('a box or mobile data without a device is still ELOIGNE, at 13 points', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, equipment: { ...nothing, internetAtHome: true, mobileData: true } });
    expect(result.score).toBe(13);
    expect(result.level).toBe('ELOIGNE');
    expect(result.reasons[0]).toBe('Ni smartphone, ni ordinateur ou tablette');
  });

  it('no gesture at all, even with help → ELOIGNE, though equipped and with an e-mail (4 points)', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, skills: allSkills('NO') });
    expect(result).toEqual({ level: 'ELOIGNE', score: 4, reasons: ['Aucun des gestes de base, même avec de l’aide', 'Souhaite apprendre'] });
  });

  it('AUTONOME needs an e-mail address opened alone', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, emailAccess: 'WITH_HELP' });
    expect(result).toEqual({ level: 'AUTONOME_AVEC_AIDE', score: 13, reasons: ['Pas d’adresse e-mail utilisable seul·e', ALL_ALONE, 'Souhaite apprendre'] });
  });

  it('AUTONOME needs a connection of one’s own', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, equipment: { ...autonomous.equipment, internetAtHome: false, mobileData: false } });
    expect(result).toEqual({
      level: 'AUTONOME_AVEC_AIDE',
      score: 13,
      reasons: ['Pas de connexion internet (ni box à la maison, ni données mobiles)', ALL_ALONE, 'Souhaite apprendre'],
    });
  });

  it('a single device and a single connection are enough', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, equipment: { smartphone: false, computerOrTablet: true, internetAtHome: true, mobileData: false } });
    expect(result).toMatchObject({ level: 'AUTONOME', score: 14 });
  });
});

describe('scoreDigitalAutonomy: what is not scored', () => {
  const base: Answers = { ...autonomous, emailAccess: 'WITH_HELP', skills: allSkills('WITH_HELP') };

  it.each([
    ['YES', 'Souhaite apprendre'],
    ['MAYBE', 'Hésite à apprendre'],
    ['NO', 'Ne souhaite pas apprendre pour l’instant'],
  ] as const)('the wish to learn (%s) is read back but changes neither score nor level', (willingToLearn, sentence) => {
    const result = scoreDigitalAutonomy({ ...base, willingToLearn });
    expect(result.score).toBe(8);
    expect(result.level).toBe('A_ACCOMPAGNER');
    expect(result.reasons[result.reasons.length - 1]).toBe(sentence);
  });

  it('barriers are read back but change neither score nor level', () => {
    const result = scoreDigitalAutonomy({ ...autonomous, barriers: ['LANGUAGE', 'READING_WRITING', 'DISABILITY_HEALTH'] });
    expect(result).toEqual({
      level: 'AUTONOME',
      score: 14,
      reasons: [ALL_ALONE, 'Freins signalés : langue (parle ou lit peu le français), lecture ou écriture, handicap ou santé', 'Souhaite apprendre'],
    });
  });

  it('online accounts change neither score nor level; having none is read back', () => {
    const withNone = scoreDigitalAutonomy({ ...autonomous, onlineAccounts: [] });
    expect(withNone).toEqual({ level: 'AUTONOME', score: 14, reasons: [ALL_ALONE, NO_ACCOUNT, 'Souhaite apprendre'] });
    expect(scoreDigitalAutonomy({ ...autonomous, onlineAccounts: ['FRANCE_CONNECT'] }).reasons).toEqual([ALL_ALONE, 'Souhaite apprendre']);
  });
});

describe('labels', () => {
  it('names the levels as workers say them', () => {
    expect(DIGITAL_AUTONOMY_LEVEL_LABELS).toEqual({
      AUTONOME: 'Autonome',
      AUTONOME_AVEC_AIDE: 'Autonome avec de l’aide',
      A_ACCOMPAGNER: 'À accompagner',
      ELOIGNE: 'Éloigné·e du numérique',
    });
  });
});

describe('CreateDigitalAssessmentInput', () => {
  const occurredAt = '2026-11-02T10:15:00+01:00';
  const beneficiaryId = '019ac000-0000-7000-8000-000000000011';

  it('records a refusal, with or without the person’s words', () => {
    expect(CreateDigitalAssessmentInput.parse({ beneficiaryId, occurredAt, declined: true })).toEqual({ beneficiaryId, occurredAt, declined: true, reason: null });
    expect(CreateDigitalAssessmentInput.parse({ beneficiaryId, occurredAt, declined: true, reason: '  Pas le temps aujourd’hui ' })).toEqual({
      beneficiaryId,
      occurredAt,
      declined: true,
      reason: 'Pas le temps aujourd’hui',
    });
  });

  it('takes the answers of an assessment', () => {
    expect(CreateDigitalAssessmentInput.parse({ beneficiaryId, occurredAt, declined: false, answers: autonomous })).toEqual({ beneficiaryId, occurredAt, declined: false, answers: autonomous });
  });

  it('refuses answers without `declined: false`, and a refusal with answers', () => {
    expect(CreateDigitalAssessmentInput.safeParse({ beneficiaryId, occurredAt, answers: autonomous }).success).toBe(false);
    expect(CreateDigitalAssessmentInput.safeParse({ beneficiaryId, occurredAt, declined: false }).success).toBe(false);
    expect(CreateDigitalAssessmentInput.safeParse({ beneficiaryId, occurredAt, declined: true, answers: autonomous }).success).toBe(false);
  });

  it('refuses a date in the future and a missing person; the date defaults to now', () => {
    expect(CreateDigitalAssessmentInput.safeParse({ beneficiaryId, occurredAt: '2999-01-01T10:00:00Z', declined: true }).success).toBe(false);
    expect(CreateDigitalAssessmentInput.safeParse({ occurredAt, declined: true }).success).toBe(false);
    expect(CreateDigitalAssessmentInput.parse({ beneficiaryId, declined: true })).toEqual({ beneficiaryId, declined: true, reason: null });
  });

  it('refuses incomplete, repeated or unknown answers', () => {
    const { willingToLearn: _omitted, ...withoutWillingness } = autonomous;
    const invalid = [
      withoutWillingness,
      { ...autonomous, onlineAccounts: ['CAF', 'CAF'] },
      { ...autonomous, barriers: ['NOISE'] },
      { ...autonomous, skills: { ...autonomous.skills, managePasswords: 'SOMETIMES' } },
      { ...autonomous, equipment: { ...autonomous.equipment, landline: true } },
      { ...autonomous, comment: 'libre' },
    ];
    for (const answers of invalid) expect(CreateDigitalAssessmentInput.safeParse({ beneficiaryId, occurredAt, declined: false, answers }).success).toBe(false);
  });
});

describe('DigitalAssessment', () => {
  const common = {
    id: '019ac000-0000-7000-8000-000000000010',
    beneficiaryId: '019ac000-0000-7000-8000-000000000011',
    occurredAt: '2026-11-02T09:15:00.000Z',
    assessor: { id: '019ac000-0000-7000-8000-000000000012', name: 'Claire Martin' },
  };

  it('reads an assessment and a refusal', () => {
    const assessed = { ...common, declined: false, declineReason: null, answers: autonomous, level: 'AUTONOME', score: 14, reasons: [ALL_ALONE] };
    const declined = { ...common, declined: true, declineReason: 'Pas aujourd’hui', answers: null, level: null, score: null, reasons: [] };
    expect(DigitalAssessment.parse(assessed)).toEqual(assessed);
    expect(DigitalAssessment.parse(declined)).toEqual(declined);
  });
});

describe('assessmentDue', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it('is due when the file has none', () => {
    expect(assessmentDue(null, now)).toBe(true);
  });

  it('is not due 11 months after the latest', () => {
    expect(assessmentDue({ occurredAt: '2025-12-28T10:00:00Z' }, now)).toBe(false);
  });

  it('is due 13 months after the latest', () => {
    expect(assessmentDue({ occurredAt: '2025-10-28T10:00:00Z' }, now)).toBe(true);
  });

  it('becomes due just after 12 months, whatever the offset', () => {
    expect(assessmentDue({ occurredAt: '2025-11-28T10:00:00Z' }, now)).toBe(false);
    expect(assessmentDue({ occurredAt: '2025-11-28T11:00:00+01:00' }, now)).toBe(false);
    expect(assessmentDue({ occurredAt: '2025-11-28T09:59:59Z' }, now)).toBe(true);
  });

  it('is due when the latest date cannot be read', () => {
    expect(assessmentDue({ occurredAt: 'hier' }, now)).toBe(true);
  });
});
