import type pg from 'pg';
import type { BENEFIT_LABELS, BeneficiaryStatus, EMPLOYMENT_STATUS_LABELS, FAMILY_STATUS_LABELS, HOUSING_STATUS_LABELS } from '@ccas/shared';
import type { IncomeSource, INTERVIEW_CHANNEL_LABELS, LEGAL_PROTECTION_LABELS, NoteVisibility, ORIGIN_LABELS } from '@ccas/shared';
import { DEMO_ACCOUNTS, DEMO_TENANTS } from './accounts';

/**
 * About forty beneficiary files per demo tenant, with households, referents and a journal of
 * interviews, so that the product looks lived-in on first start. People are drawn from the tables
 * below by a seeded generator (same people on every run); dates are relative to the day of seeding.
 */

type DemoTenant = { id: string; sites: readonly { id: string; name: string; address: string }[] };
type InterviewChannel = keyof typeof INTERVIEW_CHANNEL_LABELS;
const [villeneuve] = DEMO_TENANTS;
export const DAY = 86_400_000;

/** The fixed person the browser tests rely on (CCAS de Villeneuve); no other file there shares her names. */
export const DEMO_BENEFICIARY = {
  tenantId: villeneuve.id,
  lastName: 'Lefèvre',
  firstName: 'Noémie',
  birthDate: '1985-03-14',
  phone: '06 45 12 78 90',
  siteName: 'Hôtel de ville',
  referentEmail: 'agent@villeneuve.test',
  teamNote: 'Pièces justificatives complètes, dossier FSL transmis au Département le jour même.',
  privateNote: 'Mme évoque un épuisement lié à ses horaires de nuit. À reprendre lors du prochain entretien.',
} as const;

// Names, by family origin, with the nationalities met in each group. Each tenant takes every other
// last name, so the two tenants have different people. Deliberately absent: Lefèvre/Lefebvre, Noémie,
// and the names of the demo accounts.
interface NameGroup { last: string[]; FEMALE: string[]; MALE: string[]; nationalities: string[] }
const group = (last: string, female: string, male: string, nationalities: string): NameGroup =>
  ({ last: last.split(','), FEMALE: female.split(' '), MALE: male.split(' '), nationalities: nationalities.split(' ') });
const FRENCH = group(
  'Bernard,Dubois,Thomas,Robert,Richard,Petit,Simon,Laurent,Michel,Bertrand,Roux,Vincent,Fournier,Morel,Mercier,Dupont,' +
    'Lambert,Bonnet,François,Legrand,Garnier,Faure,Blanc,Guérin,Muller,Henry,Roussel,Perrin,Morin,Clément,Gauthier,Dumont,' +
    'Fontaine,Chevalier,Robin,Masson,Boyer,Lemaire,Duval,Joly,Roche,Meyer,Meunier,Marchand,Dufour,Blanchard,Barbier,Brunet,' +
    'Schmitt,Leroux,Colin,Renard,Arnaud,Caron,Aubert,Giraud,Leclerc,Vidal,Bourgeois,Lemoine,Picard,Gaillard,Lacroix,Fabre,Le Gall,Rivière',
  'Nathalie Isabelle Sandrine Stéphanie Céline Aurélie Émilie Julie Laura Manon Chloé Kelly Jessica Océane Élodie Audrey Virginie',
  'Christophe Frédéric Stéphane David Nicolas Sébastien Thomas Kévin Dylan Enzo Jordan Anthony Ludovic Franck Cédric Mickaël',
  'Française',
);
const ELDERLY = {
  FEMALE: 'Ginette Monique Jacqueline Denise Yvette Paulette Simone Odette Colette Josiane Marie-Thérèse Fernande Huguette'.split(' '),
  MALE: 'Gérard Roger Marcel René Daniel André Bernard Michel Jean-Claude Raymond Lucien Alain Guy'.split(' '),
};
const OTHER_ORIGINS = [
  group('Diallo,Traoré,Mendy,Koné,Camara,Cissé,Sow,Keita', 'Fatoumata Awa Mariam Aminata Kadiatou', 'Mamadou Moussa Ibrahim Bakary Souleymane', 'Française Française Malienne Sénégalaise Guinéenne'),
  group('Haddad,Bouzid,Mansouri,Rahmani,Cherif,Hamidi,Belkacem,Ziani', 'Fatima Aïcha Khadija Samira Leïla Yasmina', 'Mohamed Ahmed Rachid Youssef Samir Mehdi', 'Française Française Algérienne Marocaine Tunisienne'),
  group('Ferreira,Dos Santos,Da Silva,Pereira,Martins,Gonçalves', 'Maria Ana Sandra Sónia', 'José Manuel Paulo Carlos', 'Française Portugaise'),
  group('Yilmaz,Kaya,Demir,Çelik', 'Elif Ayşe Fatma', 'Mehmet Emre Murat', 'Française Turque'),
  group('Nguyen,Tran,Pham,Vo', 'Linh Mai Hoa', 'Minh Duc Hung', 'Française'),
  group('Popescu,Ionescu', 'Elena Ioana', 'Mihai Andrei', 'Roumaine Française'),
  group('Kowalski,Nowak', 'Agnieszka Katarzyna', 'Piotr Tomasz', 'Polonaise Française'),
];
const REFUGEES = [
  group('Ahmadi,Hashimi', 'Zahra Maryam', 'Ahmad Hamid', 'Afghane'),
  group('Kovalenko,Shevchenko', 'Olena Iryna', 'Serhiy Andriy', 'Ukrainienne'),
  group('Tesfaye,Berhane', 'Selam Helen', 'Yonas Dawit', 'Érythréenne'),
  group('Abdallah,Osman', 'Amna Hawa', 'Ismail Yahia', 'Soudanaise'),
];
const CHILD_NAMES = 'Lina Jade Adam Rayan Nolan Maël Sarah Inaya Louise Gabriel Hugo Mila Yanis Éden Lyam Ambre Sacha Naël Romane Assia Timéo Lou'.split(' ');
const ALIASES = ['Le Grand', 'Momo', 'Djé'];
const STREETS = [
  'rue Jean Jaurès', 'avenue de la République', 'rue Victor Hugo', 'allée des Tilleuls', 'rue Pasteur', 'rue du 8 Mai 1945',
  'chemin des Vignes', 'place de la Libération', 'rue Gambetta', 'avenue Pablo Picasso', 'rue des Écoles', 'impasse des Acacias',
  'square Louise Michel', 'rue de la Gare', 'boulevard Aristide Briand', 'rue Émile Zola',
];
const MAIL_DOMAINS = ['gmail.com', 'orange.fr', 'laposte.net', 'free.fr', 'hotmail.fr', 'sfr.fr'];

// Situations. Amounts are monthly, in euro cents; statutory ones (RSA, AAH, ASPA…) are the 2025 rates.
type Code<T> = keyof T;
interface Profile {
  sex: 'FEMALE' | 'MALE';
  age: [number, number];
  family: Code<typeof FAMILY_STATUS_LABELS>;
  housing: Code<typeof HOUSING_STATUS_LABELS>;
  employment: Code<typeof EMPLOYMENT_STATUS_LABELS>;
  incomes: [IncomeSource['kind'], number][];
  benefits: Code<typeof BENEFIT_LABELS>[];
  spouse?: boolean;
  children?: number;
  /** An adult child who does not live in the household (the contact of an elderly person). */
  grownChild?: boolean;
  protection?: [Code<typeof LEGAL_PROTECTION_LABELS>, string];
  origin: [Code<typeof ORIGIN_LABELS>, string?];
  housingNote?: string | string[];
  /** Newly arrived, refugee status. */
  refugee?: boolean;
  topics: (keyof typeof TOPICS)[];
}
const PROFILES: Profile[] = [
  { sex: 'MALE', age: [32, 45], family: 'MARRIED', housing: 'SOCIAL_TENANT', employment: 'EMPLOYED', spouse: true, children: 3, incomes: [['SALARY', 145000], ['ACTIVITY_BONUS', 18420], ['FAMILY_ALLOWANCES', 33710], ['HOUSING_ALLOWANCE', 31000]], benefits: ['APL', 'ACTIVITY_BONUS', 'FAMILY_ALLOWANCES'], origin: ['SPONTANEOUS'], housingNote: 'T3 suroccupé (5 personnes), demande de mutation en cours.', topics: ['energy', 'school', 'socialHousing', 'tax'] },
  { sex: 'FEMALE', age: [27, 40], family: 'SEPARATED', housing: 'PRIVATE_TENANT', employment: 'JOB_SEEKER', children: 2, incomes: [['RSA', 116374], ['FAMILY_ALLOWANCES', 14852], ['CHILD_SUPPORT', 15000], ['HOUSING_ALLOWANCE', 38000]], benefits: ['RSA', 'APL', 'FAMILY_ALLOWANCES', 'CSS'], origin: ['DEPARTEMENT', 'Orientée par l’assistante sociale de la Maison des solidarités'], topics: ['rsa', 'rent', 'food', 'school', 'job'] },
  { sex: 'FEMALE', age: [78, 92], family: 'WIDOWED', housing: 'OWNER', employment: 'RETIRED', grownChild: true, incomes: [['PENSION', 72000], ['ASPA', 31428]], benefits: ['ASPA', 'APA', 'ENERGY_CHEQUE'], origin: ['FAMILY', 'Sa fille a pris contact avec le CCAS'], housingNote: 'Maison de plain-pied, salle de bains non adaptée.', topics: ['apa', 'homecare', 'tax', 'digital'] },
  { sex: 'MALE', age: [68, 84], family: 'DIVORCED', housing: 'PRIVATE_TENANT', employment: 'RETIRED', incomes: [['PENSION', 115000], ['HOUSING_ALLOWANCE', 9000]], benefits: ['ALS', 'ENERGY_CHEQUE'], origin: ['ELECTED_OFFICIAL', 'Signalé par l’adjointe aux solidarités'], housingNote: 'Logement au 3e étage sans ascenseur.', topics: ['pension', 'homecare', 'energy', 'css'] },
  { sex: 'MALE', age: [35, 58], family: 'SINGLE', housing: 'STREET', employment: 'NO_ACTIVITY', incomes: [['RSA', 64652]], benefits: ['RSA', 'CSS'], origin: ['PARTNER', 'Orienté par la maraude du Samu social'], housingNote: ['Dort sous le porche de la gare, refuse le 115.', 'Dort dans sa voiture sur le parking du supermarché.', 'Alterne la rue et des nuits chez des connaissances.'], topics: ['street', 'dom', 'id', 'rsa', 'css'] },
  { sex: 'MALE', age: [30, 55], family: 'SINGLE', housing: 'SOCIAL_TENANT', employment: 'UNABLE_TO_WORK', incomes: [['AAH', 103332], ['HOUSING_ALLOWANCE', 27500]], benefits: ['AAH', 'APL', 'CSS'], protection: ['ENHANCED_CURATORSHIP', 'Curatelle renforcée exercée par l’UDAF, mandataire Mme Brossard'], origin: ['PARTNER', 'Orienté par le CMP'], topics: ['curator', 'mdph', 'budget', 'food'] },
  { sex: 'MALE', age: [18, 24], family: 'SINGLE', housing: 'HOSTED', employment: 'JOB_SEEKER', incomes: [], benefits: [], origin: ['MUNICIPAL_SERVICE', 'Orienté par le service jeunesse'], housingNote: 'Hébergé chez sa mère, conflits fréquents.', topics: ['young', 'digital', 'mobility', 'job'] },
  { sex: 'FEMALE', age: [42, 58], family: 'DIVORCED', housing: 'PRIVATE_TENANT', employment: 'JOB_SEEKER', incomes: [['UNEMPLOYMENT', 98000], ['HOUSING_ALLOWANCE', 12000]], benefits: ['ARE', 'ALS'], origin: ['SPONTANEOUS'], topics: ['job', 'budget', 'overindebt', 'rent'] },
  { sex: 'FEMALE', age: [40, 60], family: 'MARRIED', housing: 'SOCIAL_TENANT', employment: 'UNABLE_TO_WORK', spouse: true, incomes: [['AAH', 45000], ['SALARY', 162000]], benefits: ['AAH', 'PCH'], origin: ['PARTNER', 'Orientée par le service social de l’hôpital'], topics: ['mdph', 'digital', 'css'] },
  { sex: 'MALE', age: [66, 80], family: 'MARRIED', housing: 'OWNER', employment: 'RETIRED', spouse: true, grownChild: true, incomes: [['PENSION', 132000], ['PENSION', 61000]], benefits: ['ENERGY_CHEQUE'], origin: ['SPONTANEOUS'], housingNote: 'Pavillon mal isolé, chauffage au fioul.', topics: ['energy', 'tax', 'pension'] },
  { sex: 'FEMALE', age: [28, 42], family: 'MARRIED', housing: 'HOTEL', employment: 'NO_ACTIVITY', spouse: true, children: 2, refugee: true, incomes: [['RSA', 135770]], benefits: ['RSA', 'CSS', 'FAMILY_ALLOWANCES'], origin: ['PARTNER', 'Orientée par la plateforme d’accueil des demandeurs d’asile'], topics: ['cafOpen', 'residence', 'school', 'socialHousing'] },
  { sex: 'MALE', age: [25, 45], family: 'SINGLE', housing: 'HOSTED', employment: 'EMPLOYED', incomes: [['SALARY', 92000], ['ACTIVITY_BONUS', 24500]], benefits: ['ACTIVITY_BONUS'], origin: ['SPONTANEOUS'], housingNote: 'Hébergé chez un ami, dort sur le canapé.', topics: ['socialHousing', 'mobility', 'food'] },
  { sex: 'FEMALE', age: [24, 38], family: 'SEPARATED', housing: 'SHELTER', employment: 'NO_ACTIVITY', children: 1, incomes: [['RSA', 96978]], benefits: ['RSA', 'CSS'], origin: ['PARTNER', 'Orientée par l’intervenante sociale du commissariat'], topics: ['violence', 'rsa', 'socialHousing', 'id'] },
  { sex: 'FEMALE', age: [82, 95], family: 'WIDOWED', housing: 'INSTITUTION', employment: 'RETIRED', grownChild: true, incomes: [['PENSION', 88000], ['ASPA', 15428]], benefits: ['ASPA', 'APA'], protection: ['GUARDIANSHIP', 'Tutelle confiée à son fils'], origin: ['FAMILY', 'Son fils, tuteur'], topics: ['homecare', 'apa', 'pension'] },
  { sex: 'MALE', age: [30, 50], family: 'COHABITING', housing: 'PRIVATE_TENANT', employment: 'SELF_EMPLOYED', spouse: true, children: 1, incomes: [['OTHER', 61000], ['RSA', 42000], ['HOUSING_ALLOWANCE', 29000]], benefits: ['RSA', 'APL'], origin: ['SPONTANEOUS'], topics: ['selfEmployed', 'rsa', 'budget'] },
  { sex: 'FEMALE', age: [19, 26], family: 'SINGLE', housing: 'MAKESHIFT', employment: 'TRAINING', children: 1, incomes: [['FAMILY_ALLOWANCES', 19360]], benefits: ['FAMILY_ALLOWANCES', 'CSS'], origin: ['DEPARTEMENT', 'Signalement de la PMI'], housingNote: ['Vit en caravane sur un terrain privé, sans raccordement électrique.', 'Squat dans un pavillon vacant, menace d’expulsion.'], topics: ['socialHousing', 'cafOpen', 'energy', 'food'] },
];

// Interview entries: themes, summary, follow-up action, channel if typical. {civ} is "Mme"/"M.",
// {pron} "elle"/"lui", {e} the feminine ending.
type Topic = { themes: string[]; summary: string; action?: string; channel?: InterviewChannel };
const TOPICS = {
  rsa: { themes: ['Accès aux droits'], summary: 'Déclaration trimestrielle RSA faite avec {civ} sur caf.fr (mot de passe réinitialisé). Ressources du trimestre déclarées.', action: 'Vérifier le versement du RSA' },
  rent: { themes: ['Logement', 'Budget, dettes'], summary: 'Dette locative de 1 850 € (4 mois). Plan d’apurement proposé par le bailleur : 80 €/mois. Dossier FSL maintien constitué ce jour.', action: 'Transmettre le dossier FSL' },
  energy: { themes: ['Énergie', 'Aide financière'], summary: 'Facture de régularisation d’électricité de 612 €. Chèque énergie non utilisé : aide à l’envoi. Demande d’aide facultative pour la commission.', action: 'Présenter la demande en commission permanente' },
  food: { themes: ['Alimentation', 'Aide financière'], summary: 'Reste à vivre insuffisant ce mois-ci. Bons alimentaires remis (2 × 30 €), orientation vers l’épicerie sociale pour 3 mois.', action: 'Faire le point sur l’épicerie sociale' },
  budget: { themes: ['Budget, dettes'], summary: 'Point budget : charges 1 140 €, ressources 1 310 €, trois crédits renouvelables. Dossier de surendettement proposé, {civ} souhaite réfléchir.', action: 'Reprendre contact pour le dossier Banque de France' },
  overindebt: { themes: ['Budget, dettes'], summary: 'Dossier de surendettement rempli avec {civ} et déposé en ligne sur le site de la Banque de France. Copie remise.', action: 'Suivre la recevabilité du dossier' },
  apa: { themes: ['Santé', 'Accès aux droits'], summary: 'Perte d’autonomie depuis une chute, se déplace avec un déambulateur. Dossier APA complété, inscription au registre canicule.', action: 'Envoyer le dossier APA au Département', channel: 'HOME_VISIT' },
  homecare: { themes: ['Santé'], summary: 'Mise en place du portage de repas (5 jours sur 7) et de la téléassistance. Famille informée, avec l’accord de la personne.', action: 'Vérifier la mise en place du portage', channel: 'HOME_VISIT' },
  tax: { themes: ['Numérique', 'Papiers, administratif'], summary: 'Déclaration de revenus faite sur impots.gouv.fr à la place de {civ} (pas d’ordinateur). Avis de non-imposition à transmettre au bailleur.' },
  pension: { themes: ['Accès aux droits'], summary: 'Retraite complémentaire jamais demandée. Relevé de carrière téléchargé, demande Agirc-Arrco déposée en ligne avec {pron}.', action: 'Suivre la réponse Agirc-Arrco' },
  dom: { themes: ['Papiers, administratif'], summary: 'Élection de domicile au CCAS renouvelée pour un an. Courrier à retirer à l’accueil, {civ} passe environ une fois par semaine.', action: 'Renouvellement de la domiciliation', channel: 'WALK_IN' },
  street: { themes: ['Santé', 'Alimentation'], summary: 'Rencontré lors de la maraude. Refuse l’hébergement ce soir. Accepte un rendez-vous à la PASS de l’hôpital (plaies aux pieds).', action: 'Accompagnement à la PASS', channel: 'OUTSIDE' },
  id: { themes: ['Papiers, administratif'], summary: 'Perte de la carte d’identité. Pré-demande ANTS faite avec {civ}, rendez-vous pris en mairie.', action: 'RDV mairie pour la carte d’identité' },
  css: { themes: ['Santé', 'Accès aux droits'], summary: 'Droits santé fermés depuis janvier. Demande de Complémentaire santé solidaire faite sur ameli.fr avec {pron}.', action: 'Vérifier l’ouverture de la CSS' },
  curator: { themes: ['Budget, dettes'], summary: 'Rencontre tripartite avec la mandataire. Budget hebdomadaire de 70 € maintenu. {civ} demande une avance pour des vêtements, à voir avec la curatrice.', action: 'Appeler la mandataire' },
  mdph: { themes: ['Santé', 'Accès aux droits'], summary: 'Renouvellement AAH à échéance dans 6 mois. Formulaire MDPH rempli ensemble, certificat médical à demander au médecin traitant.', action: 'Envoyer le dossier MDPH complet' },
  job: { themes: ['Emploi, insertion'], summary: 'Actualisation France Travail faite avec {pron}. Pas de réponse aux candidatures. Orientation vers le PLIE et l’atelier CV de la médiathèque.', action: 'Point sur l’atelier CV' },
  young: { themes: ['Emploi, insertion', 'Mobilité'], summary: 'Sans diplôme ni ressources. Orienté vers la Mission locale (contrat d’engagement jeune). Aide communale au permis B présentée.', action: 'Vérifier l’inscription à la Mission locale' },
  socialHousing: { themes: ['Logement'], summary: 'Demande de logement social renouvelée en ligne (numéro unique conservé). Situation à présenter à la commission du contingent communal.', action: 'Présenter au contingent communal' },
  residence: { themes: ['Papiers, administratif'], summary: 'Titre de séjour expirant dans 2 mois. Renouvellement déposé sur l’ANEF avec {civ} (création d’une adresse mail). Attestation de prolongation téléchargée.', action: 'Suivre la demande ANEF' },
  cafOpen: { themes: ['Accès aux droits', 'Famille, parentalité'], summary: 'Ouverture des droits CAF : demandes RSA, aide au logement et prestations familiales faites avec {pron}. Interprète par téléphone.', action: 'Vérifier l’ouverture des droits CAF' },
  school: { themes: ['Famille, parentalité', 'Aide financière'], summary: 'Impayé de cantine de 240 €. Tarif social demandé au service scolaire. Aide facultative de 120 € accordée pour la rentrée.' },
  violence: { themes: ['Famille, parentalité', 'Logement'], summary: '{civ} reçue en urgence, hébergée au CHRS avec son enfant depuis 10 jours. Plainte déposée. Demandes SIAO et logement social mises à jour.', action: 'Point SIAO' },
  mobility: { themes: ['Mobilité', 'Emploi, insertion'], summary: 'Véhicule en panne, indispensable pour le travail en horaires décalés. Devis de 540 €. Demande de microcrédit accompagnée.', action: 'Suivre la demande de microcrédit' },
  digital: { themes: ['Numérique'], summary: 'Création d’une adresse mail et du compte Ameli avec {pron}. Orientation vers l’atelier numérique de la médiathèque.', action: 'Atelier numérique du mercredi' },
  selfEmployed: { themes: ['Accès aux droits', 'Emploi, insertion'], summary: 'Déclaration URSSAF du chiffre d’affaires puis déclaration trimestrielle RSA. Activité en baisse, point sur le statut de micro-entrepreneur.' },
  death: { themes: ['Papiers, administratif'], summary: 'Appel de la famille : {civ} est décédé{e} à l’hôpital. Informations données sur les démarches (caisse de retraite, banque, CAF). Fin du suivi.', channel: 'PHONE' },
} satisfies Record<string, Topic>;
const NOTES: Record<NoteVisibility, string[]> = {
  TEAM: [
    'Documents originaux rendus, copies au dossier.',
    'Prévoir un interprète au prochain rendez-vous.',
    'Préfère être appelé{e} le matin, ne répond pas aux numéros masqués.',
    'Suivi en lien avec l’assistante sociale de secteur du Département.',
    'Justificatifs déposés à l’accueil, à transmettre à la CAF.',
  ],
  PRIVATE: [
    'Semble très fatigué{e}, évoque des difficultés de sommeil. À revoir sans pression.',
    'Évoque à demi-mot des tensions dans le couple. Ne pas aborder devant le conjoint.',
    'Hypothèse : difficultés de lecture non dites. Vérifier discrètement.',
    'Consommation d’alcool probable. Proposer le CSAPA au moment opportun.',
  ],
};
/** Typical duration of an interview by channel, in minutes (none for an email). */
const CHANNEL_MINUTES = { IN_PERSON_PLANNED: [30, 60], WALK_IN: [10, 30], PHONE: [5, 20], HOME_VISIT: [45, 90], OUTSIDE: [10, 30], EMAIL: null, VIDEO: [20, 40] } satisfies Record<InterviewChannel, [number, number] | null>;
const USUAL_CHANNELS: InterviewChannel[] = ['IN_PERSON_PLANNED', 'IN_PERSON_PLANNED', 'IN_PERSON_PLANNED', 'WALK_IN', 'WALK_IN', 'PHONE', 'PHONE', 'EMAIL', 'VIDEO'];

type Row = Record<string, unknown>;
interface DemoInterview { row: Row & { author_id: string; occurred_at: Date; updated_at: Date }; note?: { visibility: NoteVisibility; body: string } }
interface DemoFile { row: Row & { created_at: Date }; household: Row[]; referents: string[]; interviews: DemoInterview[] }
const JSON_COLUMNS = new Set(['income_sources', 'follow_up_actions']);

/** Small deterministic generator (mulberry32), seeded by the tenant id. */
export function generator(seedText: string) {
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261);
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const shuffle = <T>(items: readonly T[]): T[] => items.map((item) => [next(), item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  return { int, pick, shuffle, chance: (p: number) => next() < p, digits: (n: number) => Array.from({ length: n }, () => int(0, 9)).join('') };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** A working day `days` before `now`, at a time between 8:00 and 16:45 UTC. */
export function workingTime(now: Date, days: number, minuteOfDay: number): Date {
  const date = new Date(now.getTime() - days * DAY);
  date.setUTCDate(date.getUTCDate() - (date.getUTCDay() === 0 ? 2 : date.getUTCDay() === 6 ? 1 : 0));
  date.setUTCHours(8, minuteOfDay, 0, 0);
  return date;
}
const fill = (text: string, sex: string) =>
  text.replaceAll('{civ}', sex === 'FEMALE' ? 'Mme' : 'M.').replaceAll('{pron}', sex === 'FEMALE' ? 'elle' : 'lui').replaceAll('{e}', sex === 'FEMALE' ? 'e' : '');
const mailbox = (first: string, last: string) => `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.-]/g, '').toLowerCase();

/** Inserts the tenant's demo files inside the caller's transaction (app.tenant_id already set). */
export async function seedDemoBeneficiaries(client: pg.Client, tenant: DemoTenant, memberships: ReadonlyMap<string, string>): Promise<number> {
  const files = demoFiles(tenant, memberships, new Date());
  const manager = DEMO_ACCOUNTS.find((a) => a.tenantId === tenant.id && a.roles.includes('MANAGER'));
  const assignedBy = (manager && memberships.get(manager.email)) ?? null;
  // In order of creation, so that file numbers (assigned by a trigger) follow the dates.
  for (const file of files.sort((a, b) => a.row.created_at.getTime() - b.row.created_at.getTime())) {
    const beneficiaryId = await insert(client, 'beneficiaries', file.row);
    for (const member of file.household) await insert(client, 'household_members', { ...member, beneficiary_id: beneficiaryId });
    for (const membershipId of file.referents) {
      await insert(client, 'beneficiary_referents', { tenant_id: tenant.id, beneficiary_id: beneficiaryId, membership_id: membershipId, assigned_by: assignedBy, assigned_at: file.row.created_at });
    }
    for (const { row, note } of file.interviews) {
      const interviewId = await insert(client, 'interviews', { ...row, beneficiary_id: beneficiaryId });
      if (!note) continue;
      await client.query("SELECT set_config('app.member_id', $1, true)", [row.author_id]);
      await insert(client, 'interview_notes', { tenant_id: tenant.id, interview_id: interviewId, author_id: row.author_id, visibility: note.visibility, body: note.body, updated_at: row.updated_at });
    }
  }
  await client.query("SELECT set_config('app.member_id', '', true)");
  return files.length;
}

async function insert(client: pg.Client, table: string, row: Row): Promise<string> {
  const columns = Object.keys(row);
  const values = columns.map((column) => (JSON_COLUMNS.has(column) ? JSON.stringify(row[column]) : row[column]));
  const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
  const { rows } = await client.query<{ id?: string }>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) RETURNING *`, values);
  return rows[0].id ?? '';
}

/** The files of one tenant, in memory: same people on every run, dates relative to `now`. */
export function demoFiles(tenant: DemoTenant, memberships: ReadonlyMap<string, string>, now: Date, count = 40): DemoFile[] {
  const tenantIndex = DEMO_TENANTS.findIndex((t) => t.id === tenant.id);
  const random = generator(tenant.id);
  const accounts = DEMO_ACCOUNTS.filter((a) => a.tenantId === tenant.id);
  const idOf = (email: string) => memberships.get(email) ?? fail(`no membership for ${email}`);
  const agents = accounts.filter((a) => a.roles.includes('AGENT'));
  const frontDesk = accounts.find((a) => a.roles.includes('ACCUEIL')) ?? agents[0];
  const [, addressLine, postalCode, city] = /^(.*), (\d{5}) (.*)$/.exec(tenant.sites[0].address) ?? fail('site address');
  const lastNames = new Map([FRENCH, ...OTHER_ORIGINS, ...REFUGEES].map((g) => [g, random.shuffle(g.last.filter((_, n) => n % DEMO_TENANTS.length === tenantIndex))]));
  const left = (groups: NameGroup[]) => groups.filter((g) => lastNames.get(g)?.length);
  const dueOn = (at: Date) => isoDate(new Date(at.getTime() + random.int(10, 45) * DAY));
  const files: DemoFile[] = [];
  let homeless = 0;

  for (let i = 0; i < count; i++) {
    const profile = PROFILES[i % PROFILES.length];
    const isNew = i >= count - 2; // just opened at the front desk: minimal data, no interview yet
    const status: BeneficiaryStatus | 'NEW' = isNew ? 'NEW' : i % 11 === 5 ? 'INACTIVE' : i % 17 === 9 ? 'ARCHIVED' : i >= PROFILES.length && profile.age[0] >= 80 ? 'DECEASED' : 'ACTIVE';
    const { sex } = profile;
    const age = random.int(...profile.age);
    const origins = profile.refugee ? left(REFUGEES) : random.chance(0.3) ? left(OTHER_ORIGINS) : [];
    const names = origins.length ? random.pick(origins) : FRENCH;
    const lastName = lastNames.get(names)?.pop() ?? fail('not enough last names');
    const firstNames = (forSex: 'FEMALE' | 'MALE') => (names === FRENCH && age >= 60 ? ELDERLY : names)[forSex];
    const firstName = random.pick(firstNames(sex));
    const aliasOnly = profile.housing === 'STREET' && homeless++ === 0;
    const birthDate = `${now.getUTCFullYear() - age - 1}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const mobile = `0${random.pick(['6', '7'])} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
    const landline = `0${postalCode.startsWith('38') ? 4 : 1} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
    const siteId = random.pick(tenant.sites).id;
    const fileAgents = agents.filter((a) => a.siteIds.includes(siteId));
    const referents = isNew ? [] : random.chance(0.15) || fileAgents.length === 0 ? agents : [fileAgents[0]];
    const domiciliation = ['STREET', 'MAKESHIFT'].includes(profile.housing);
    const street = `${random.int(1, 120)} ${random.pick(STREETS)}`;
    const address = domiciliation ? `CCAS, ${addressLine}` : profile.housing === 'SOCIAL_TENANT' ? `${street}, bât. ${random.pick(['A', 'B', 'C', 'D'])}, appt ${random.int(1, 60)}`
      : profile.housing === 'HOTEL' ? `Hôtel Le Central, chambre ${random.int(1, 30)}, ${street}` : profile.housing === 'SHELTER' ? `CHRS L’Escale, ${street}` : street;
    const nationality = random.pick(names.nationalities);
    const marriedName = sex === 'FEMALE' && ['MARRIED', 'WIDOWED', 'DIVORCED'].includes(profile.family) && random.chance(0.6);
    const birthName = marriedName ? random.pick(names.last.filter((name) => name !== lastName)) : null;
    const incomes = profile.incomes.map(([kind, cents]) => ({ kind, monthlyAmountCents: ['SALARY', 'PENSION', 'UNEMPLOYMENT', 'HOUSING_ALLOWANCE', 'OTHER'].includes(kind) ? Math.round(cents * (0.85 + random.int(0, 30) / 100)) : cents }));
    const cafNumber = profile.benefits.some((b) => ['RSA', 'ACTIVITY_BONUS', 'AAH', 'APL', 'ALS', 'FAMILY_ALLOWANCES'].includes(b)) ? random.digits(7) : null;
    const housingNote = Array.isArray(profile.housingNote) ? random.pick(profile.housingNote) : (profile.housingNote ?? null);
    const franceTravailId = profile.employment === 'JOB_SEEKER' ? `${random.digits(7)}${random.pick(['A', 'B', 'K', 'M', 'X'])}` : null;

    // The journal: 1–6 interviews over the last 18 months, the latest one recent for active files.
    const latestAgo = { NEW: 0, ACTIVE: random.int(1, 110), INACTIVE: random.int(300, 420), ARCHIVED: random.int(430, 520), DECEASED: random.int(120, 250) }[status];
    const spread = random.int(20, 420);
    const days = isNew ? [] : [latestAgo, ...Array.from({ length: random.int(0, 5) }, () => random.int(latestAgo + 1, Math.min(540, latestAgo + spread)))];
    const times = days.map((ago) => workingTime(now, ago, random.int(0, 35) * 15)).sort((a, b) => a.getTime() - b.getTime());
    const topics = random.shuffle(profile.topics);
    const interviews = times.map((occurredAt, n): DemoInterview => {
      const last = n === times.length - 1;
      const topic: Topic = status === 'DECEASED' && last ? TOPICS.death : TOPICS[topics[n % topics.length]];
      const author = idOf(random.chance(0.15) ? random.pick(agents).email : random.pick(referents).email);
      const channel = topic.channel ?? (age >= 75 && random.chance(0.4) ? 'HOME_VISIT' : random.pick(USUAL_CHANNELS));
      const minutes: [number, number] | null = CHANNEL_MINUTES[channel];
      const closed = random.chance(0.8);
      const due = topic.action ? dueOn(occurredAt) : null;
      const roll = random.int(0, 99);
      const visibility: NoteVisibility | null = status === 'DECEASED' && last ? null : roll < 30 ? 'TEAM' : roll < 50 ? 'PRIVATE' : null;
      const body = fill(random.pick(NOTES[visibility ?? 'TEAM']), sex);
      const row = {
        tenant_id: tenant.id, author_id: author, occurred_at: occurredAt, channel, duration_minutes: minutes && random.int(...minutes),
        themes: topic.themes, summary: fill(topic.summary, sex),
        follow_up_actions: topic.action && due ? [{ label: topic.action, dueOn: due, done: closed && due < isoDate(now) }] : [],
        created_at: new Date(occurredAt.getTime() + 3_600_000), updated_at: new Date(occurredAt.getTime() + 3_600_000),
      };
      return { row, note: visibility ? { visibility, body } : undefined };
    });
    const firstContact = interviews[0]?.row.occurred_at ?? workingTime(now, random.int(2, 9), random.int(0, 35) * 15);
    const createdAt = new Date(firstContact.getTime() - random.int(0, 3) * DAY);
    const household: Row[] = [];
    const member = (relation: string, first: string, last: string | null, birth: string, inHousehold = true) =>
      household.push({ tenant_id: tenant.id, relation, first_name: first, last_name: last, birth_date: birth, lives_in_household: inHousehold, created_at: createdAt, updated_at: createdAt });
    if (profile.spouse) member('SPOUSE', random.pick(firstNames(sex === 'FEMALE' ? 'MALE' : 'FEMALE')), lastName, `${Number(birthDate.slice(0, 4)) + random.int(-4, 4)}-0${random.int(1, 9)}-1${random.int(0, 9)}`);
    for (const child of random.shuffle(CHILD_NAMES).slice(0, profile.children ?? 0)) member('CHILD', child, lastName, `${now.getUTCFullYear() - random.int(1, Math.min(17, age - 18))}-0${random.int(1, 9)}-${random.int(10, 28)}`);
    if (profile.grownChild) member('CHILD', random.pick(names[random.pick(['FEMALE', 'MALE'] as const)]), lastName, `${Number(birthDate.slice(0, 4)) + random.int(24, 32)}-0${random.int(1, 9)}-0${random.int(1, 9)}`, false);

    const consent = !isNew && random.chance(0.85) ? interviews[0] : undefined;
    files.push({
      referents: referents.map((a) => idOf(a.email)),
      household: isNew ? [] : household,
      interviews,
      row: {
        tenant_id: tenant.id, status: isNew ? 'ACTIVE' : status, site_id: siteId,
        last_name: aliasOnly ? null : lastName, first_name: aliasOnly ? null : firstName, birth_name: isNew ? null : birthName,
        alias: aliasOnly ? ALIASES[tenantIndex % ALIASES.length] : null, birth_date: aliasOnly ? null : birthDate, sex, nationality: isNew || aliasOnly ? null : nationality,
        phone: aliasOnly ? null : age >= 75 && random.chance(0.5) ? landline : mobile,
        email: !isNew && !aliasOnly && age < 70 && random.chance(0.6) ? `${mailbox(firstName, lastName)}${random.chance(0.3) ? random.int(1, 99) : ''}@${random.pick(MAIL_DOMAINS)}` : null,
        ...(isNew ? {} : {
          address_line: address, postal_code: postalCode, city, domiciliation, family_status: profile.family, housing_status: profile.housing,
          housing_note: housingNote, employment_status: profile.employment, income_sources: incomes, benefits: profile.benefits,
          caf_number: cafNumber, france_travail_id: franceTravailId, legal_protection: profile.protection?.[0] ?? (random.chance(0.5) ? 'NONE' : null),
          legal_protection_detail: profile.protection?.[1] ?? null, origin: profile.origin[0], origin_detail: profile.origin[1] ?? null,
          consent_date: consent ? isoDate(consent.row.occurred_at) : null, consent_recorded_by: consent?.row.author_id ?? null,
        }),
        last_contact_at: interviews.at(-1)?.row.occurred_at ?? null,
        created_by: idOf(isNew || random.chance(0.3) ? frontDesk.email : (referents[0] ?? agents[0]).email),
        created_at: createdAt, updated_at: interviews.at(-1)?.row.updated_at ?? createdAt,
      },
    });
  }
  if (tenant.id === DEMO_BENEFICIARY.tenantId) files.push(fixedPerson(tenant, idOf, now));
  return files;
}

function fixedPerson(tenant: DemoTenant, idOf: (email: string) => string, now: Date): DemoFile {
  const p = DEMO_BENEFICIARY;
  const author = idOf(p.referentEmail);
  const [, postalCode, city] = /(\d{5}) (.*)$/.exec(tenant.sites[0].address) ?? fail('site address');
  const first = workingTime(now, 60, 120);
  const second = workingTime(now, 12, 390);
  const interview = (at: Date, channel: InterviewChannel, minutes: number, themes: string[], summary: string, action: string, done: boolean, visibility: NoteVisibility, body: string): DemoInterview => ({
    row: { tenant_id: tenant.id, author_id: author, occurred_at: at, channel, duration_minutes: minutes, themes, summary, follow_up_actions: [{ label: action, dueOn: isoDate(new Date(at.getTime() + 14 * DAY)), done }], created_at: at, updated_at: at },
    note: { visibility, body },
  });
  const member = (relation: string, firstName: string, birthDate: string) => ({ tenant_id: tenant.id, relation, first_name: firstName, last_name: p.lastName, birth_date: birthDate, lives_in_household: true });
  return {
    referents: [author],
    household: [member('SPOUSE', 'Mathieu', '1983-09-02'), member('CHILD', 'Léo', '2013-06-21'), member('CHILD', 'Jade', '2017-11-05')],
    interviews: [
      interview(first, 'IN_PERSON_PLANNED', 45, ['Énergie', 'Budget, dettes'], 'Mme reçue sur rendez-vous. Régularisation d’électricité de 480 € après le changement de compteur. Dossier FSL énergie constitué, échéancier demandé au fournisseur.', 'Transmettre le dossier FSL énergie', true, 'TEAM', p.teamNote),
      interview(second, 'PHONE', 15, ['Famille, parentalité'], 'Appel de Mme : aide FSL accordée (300 €). Demande d’information sur l’aide aux vacances des enfants (VACAF) pour l’été.', 'Envoyer la liste des séjours VACAF', false, 'PRIVATE', p.privateNote),
    ],
    row: {
      tenant_id: tenant.id, status: 'ACTIVE', site_id: tenant.sites.find((s) => s.name === p.siteName)?.id ?? fail('site'),
      last_name: p.lastName, first_name: p.firstName, birth_date: p.birthDate, sex: 'FEMALE', nationality: 'Française', phone: p.phone,
      email: 'noemie.lefevre@orange.fr', address_line: '8 rue des Écoles', postal_code: postalCode, city, family_status: 'MARRIED',
      housing_status: 'SOCIAL_TENANT', employment_status: 'EMPLOYED', benefits: ['APL', 'FAMILY_ALLOWANCES'], caf_number: '2345678',
      income_sources: [{ kind: 'SALARY', monthlyAmountCents: 128000 }, { kind: 'UNEMPLOYMENT', monthlyAmountCents: 98000 }, { kind: 'FAMILY_ALLOWANCES', monthlyAmountCents: 14852 }, { kind: 'HOUSING_ALLOWANCE', monthlyAmountCents: 18500 }],
      legal_protection: 'NONE', origin: 'SPONTANEOUS', consent_date: isoDate(first), consent_recorded_by: author, last_contact_at: second,
      created_by: author, created_at: first, updated_at: second,
    },
  };
}

function fail(message: string): never {
  throw new Error(`demo beneficiaries: ${message}`);
}
