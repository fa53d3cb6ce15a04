import { z } from 'zod';
import { enumOf, IsoDate, optionalText, PastDate, PersonRef, Phone, requiredText, text, uniqueList, Version } from './fields.js';
import { PageQuery } from './pagination.js';

// Enumerations of a beneficiary file ("dossier"), with the labels social workers use.

export const BENEFICIARY_STATUS_LABELS = {
  ACTIVE: 'Actif',
  INACTIVE: 'Inactif',
  ARCHIVED: 'Archivé',
  DECEASED: 'Décédé',
} as const;
export const BeneficiaryStatus = enumOf(BENEFICIARY_STATUS_LABELS);
export type BeneficiaryStatus = z.infer<typeof BeneficiaryStatus>;

export const SEX_LABELS = { FEMALE: 'Femme', MALE: 'Homme', OTHER: 'Autre' } as const;
export const Sex = enumOf(SEX_LABELS);

export const FAMILY_STATUS_LABELS = {
  SINGLE: 'Célibataire',
  MARRIED: 'Marié·e',
  CIVIL_PARTNERSHIP: 'Pacsé·e',
  COHABITING: 'En concubinage',
  SEPARATED: 'Séparé·e',
  DIVORCED: 'Divorcé·e',
  WIDOWED: 'Veuf·ve',
} as const;
export const FamilyStatus = enumOf(FAMILY_STATUS_LABELS);

export const HOUSING_STATUS_LABELS = {
  OWNER: 'Propriétaire',
  SOCIAL_TENANT: 'Locataire du parc social',
  PRIVATE_TENANT: 'Locataire du parc privé',
  HOSTED: 'Hébergé·e chez un tiers',
  SHELTER: 'Hébergement d’urgence ou d’insertion',
  HOTEL: 'Hôtel social',
  INSTITUTION: 'Établissement (EHPAD, foyer…)',
  MAKESHIFT: 'Habitat précaire, squat',
  STREET: 'Sans abri',
  OTHER: 'Autre',
} as const;
export const HousingStatus = enumOf(HOUSING_STATUS_LABELS);

export const EMPLOYMENT_STATUS_LABELS = {
  EMPLOYED: 'Salarié·e',
  SELF_EMPLOYED: 'Indépendant·e',
  JOB_SEEKER: 'Demandeur·se d’emploi',
  TRAINING: 'En formation, étudiant·e',
  RETIRED: 'Retraité·e',
  UNABLE_TO_WORK: 'Invalidité, inaptitude',
  NO_ACTIVITY: 'Sans activité',
  OTHER: 'Autre',
} as const;
export const EmploymentStatus = enumOf(EMPLOYMENT_STATUS_LABELS);

export const INCOME_KIND_LABELS = {
  SALARY: 'Salaire',
  UNEMPLOYMENT: 'Allocation chômage (ARE, ASS)',
  RSA: 'RSA',
  ACTIVITY_BONUS: 'Prime d’activité',
  AAH: 'AAH',
  PENSION: 'Retraite',
  ASPA: 'ASPA (minimum vieillesse)',
  DISABILITY_PENSION: 'Pension d’invalidité',
  FAMILY_ALLOWANCES: 'Prestations familiales',
  HOUSING_ALLOWANCE: 'Aide au logement (APL, ALS)',
  CHILD_SUPPORT: 'Pension alimentaire',
  OTHER: 'Autre ressource',
} as const;
export const IncomeKind = enumOf(INCOME_KIND_LABELS);

export const BENEFIT_LABELS = {
  RSA: 'RSA',
  ACTIVITY_BONUS: 'Prime d’activité',
  AAH: 'AAH',
  APL: 'APL',
  ALS: 'ALS',
  CSS: 'Complémentaire santé solidaire (CSS)',
  AME: 'Aide médicale de l’État (AME)',
  ASPA: 'ASPA',
  APA: 'APA',
  PCH: 'PCH',
  FAMILY_ALLOWANCES: 'Allocations familiales',
  ARE: 'Allocation chômage (ARE)',
  ASS: 'ASS',
  ENERGY_CHEQUE: 'Chèque énergie',
} as const;
export const Benefit = enumOf(BENEFIT_LABELS);

export const LEGAL_PROTECTION_LABELS = {
  NONE: 'Aucune',
  SAFEGUARD: 'Sauvegarde de justice',
  CURATORSHIP: 'Curatelle simple',
  ENHANCED_CURATORSHIP: 'Curatelle renforcée',
  GUARDIANSHIP: 'Tutelle',
  FAMILY_AUTHORISATION: 'Habilitation familiale',
  MASP: 'MASP (accompagnement social personnalisé)',
  MAJ: 'MAJ (accompagnement judiciaire)',
} as const;
export const LegalProtection = enumOf(LEGAL_PROTECTION_LABELS);

export const ORIGIN_LABELS = {
  SPONTANEOUS: 'Démarche spontanée',
  PARTNER: 'Orientation par un partenaire',
  DEPARTEMENT: 'Service social du Département',
  ELECTED_OFFICIAL: 'Élu·e',
  MUNICIPAL_SERVICE: 'Autre service de la commune',
  FAMILY: 'Famille, entourage',
  OTHER: 'Autre',
} as const;
export const Origin = enumOf(ORIGIN_LABELS);

/** File numbers are sequential per tenant and shown padded, e.g. `D00042`. */
export const formatFileNumber = (fileNumber: number) => `D${String(fileNumber).padStart(5, '0')}`;

/** How a person is named on screen: "NOM Prénom", or their alias when they gave no identity. */
export function displayName(person: { lastName: string | null; firstName: string | null; alias: string | null }): string {
  const name = [person.lastName?.toLocaleUpperCase('fr-FR'), person.firstName].filter(Boolean).join(' ');
  if (name && person.alias) return `${name} (« ${person.alias} »)`;
  return name || `« ${person.alias ?? '?'} »`;
}

// Sections of a file. Each is read and written on its own, so that a worker edits one thing at a time.

const identityShape = {
  lastName: optionalText(100),
  firstName: optionalText(100),
  birthName: optionalText(100),
  /** For people who do not want to give their identity (e.g. living on the street). */
  alias: optionalText(100),
  birthDate: PastDate.nullable(),
  sex: Sex.nullable(),
  nationality: optionalText(60),
};
const hasNameOrAlias = (identity: { lastName: string | null; alias: string | null }) => Boolean(identity.lastName || identity.alias);
const nameOrAlias = { message: 'Indiquez au moins un nom ou un alias.', path: ['lastName'] };

export const BeneficiaryIdentity = z.strictObject(identityShape).refine(hasNameOrAlias, nameOrAlias);
export type BeneficiaryIdentity = z.infer<typeof BeneficiaryIdentity>;

const contactShape = {
  phone: Phone,
  email: z.email({ message: 'Adresse e-mail invalide.' }).max(200).nullable(),
  addressLine: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'Le code postal compte 5 chiffres.' })
    .transform((value) => (value === '' ? null : value))
    .nullable(),
  city: optionalText(100),
  /** The address is a domiciliation at the CCAS (people without a stable address). */
  domiciliation: z.boolean(),
};
export const BeneficiaryContact = z.strictObject(contactShape);
export type BeneficiaryContact = z.infer<typeof BeneficiaryContact>;

export const IncomeSource = z.strictObject({
  kind: IncomeKind,
  /** Monthly amount in euro cents. */
  monthlyAmountCents: z.number().int().min(0).max(100_000_000),
});
export type IncomeSource = z.infer<typeof IncomeSource>;

const situationShape = {
  familyStatus: FamilyStatus.nullable(),
  housingStatus: HousingStatus.nullable(),
  housingNote: optionalText(2000),
  employmentStatus: EmploymentStatus.nullable(),
  incomeSources: z.array(IncomeSource).max(20),
};
export const BeneficiarySituation = z.strictObject(situationShape);
export type BeneficiarySituation = z.infer<typeof BeneficiarySituation>;

const rightsShape = {
  benefits: uniqueList(Benefit, 20),
  cafNumber: optionalText(20),
  franceTravailId: optionalText(20),
  legalProtection: LegalProtection.nullable(),
  legalProtectionDetail: optionalText(300),
};
export const BeneficiaryRights = z.strictObject(rightsShape);
export type BeneficiaryRights = z.infer<typeof BeneficiaryRights>;

const followUpShape = {
  status: BeneficiaryStatus,
  siteId: z.uuid().nullable(),
  origin: Origin.nullable(),
  originDetail: optionalText(300),
  /** Day the person agreed to the processing of their data; who recorded it is set by the API. */
  consentDate: PastDate.nullable(),
};
export const BeneficiaryFollowUp = z.strictObject(followUpShape);
export type BeneficiaryFollowUp = z.infer<typeof BeneficiaryFollowUp>;

/** Sections and their writes. A write carries the file version it was based on (optimistic concurrency). */
const version = Version;
export const UpdateIdentityInput = z.strictObject({ version, ...identityShape }).refine(hasNameOrAlias, nameOrAlias);
export const UpdateContactInput = z.strictObject({ version, ...contactShape });
export const UpdateSituationInput = z.strictObject({ version, ...situationShape });
export const UpdateRightsInput = z.strictObject({ version, ...rightsShape });
export const UpdateFollowUpInput = z.strictObject({ version, ...followUpShape });
export type UpdateIdentityInput = z.infer<typeof UpdateIdentityInput>;
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;
export type UpdateSituationInput = z.infer<typeof UpdateSituationInput>;
export type UpdateRightsInput = z.infer<typeof UpdateRightsInput>;
export type UpdateFollowUpInput = z.infer<typeof UpdateFollowUpInput>;

/** Minimal data first: a name or an alias is enough to open a file. */
export const CreateBeneficiaryInput = z.strictObject({
  identity: BeneficiaryIdentity,
  contact: BeneficiaryContact.optional(),
  siteId: z.uuid().nullable().optional(),
  /** Set after the user has seen the likely duplicates and confirmed it is another person. */
  ignoreDuplicates: z.boolean().default(false),
});
export type CreateBeneficiaryInput = z.input<typeof CreateBeneficiaryInput>;

export const Beneficiary = z.object({
  id: z.uuid(),
  fileNumber: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  lastContactAt: z.iso.datetime().nullable(),
  /** Set once retention archived the file: its personal data is gone and it can no longer change. */
  anonymisedAt: z.iso.datetime().nullable(),
  identity: BeneficiaryIdentity,
  contact: BeneficiaryContact,
  referents: z.array(PersonRef),
  status: BeneficiaryStatus,
  site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Appointments the person missed without excuse (shown to the front desk too, to book wisely). */
  noShowCount: z.number().int(),
  /** Omitted for readers without access to the social situation (front desk). */
  situation: BeneficiarySituation.optional(),
  rights: BeneficiaryRights.optional(),
  followUp: BeneficiaryFollowUp.extend({ consentRecordedBy: PersonRef.nullable() }).optional(),
});
export type Beneficiary = z.infer<typeof Beneficiary>;

/** One line of a search result: identity and contact only, what the front desk may see. */
export const BeneficiarySummary = z.object({
  id: z.uuid(),
  fileNumber: z.number().int(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthName: z.string().nullable(),
  alias: z.string().nullable(),
  birthDate: IsoDate.nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  status: BeneficiaryStatus,
  lastContactAt: z.iso.datetime().nullable(),
  anonymisedAt: z.iso.datetime().nullable(),
  referents: z.array(PersonRef),
});
export type BeneficiarySummary = z.infer<typeof BeneficiarySummary>;

export const BeneficiaryQuery = PageQuery.extend({
  /** Name, birth name, first name, alias, file number, phone or birth date `jj/mm/aaaa`, in any order. */
  q: text(200).optional(),
  status: BeneficiaryStatus.optional(),
  /** `me` for "mes dossiers", or a member id. */
  referent: z.union([z.literal('me'), z.uuid()]).optional(),
  siteId: z.uuid().optional(),
});
export type BeneficiaryQuery = z.infer<typeof BeneficiaryQuery>;

export const AssignReferentInput = z.strictObject({ membershipId: z.uuid() });
export type AssignReferentInput = z.infer<typeof AssignReferentInput>;

// Household members ("foyer").

export const RELATION_LABELS = { SPOUSE: 'Conjoint·e', CHILD: 'Enfant', PARENT: 'Parent', OTHER: 'Autre' } as const;
export const Relation = enumOf(RELATION_LABELS);

const householdMemberShape = {
  relation: Relation,
  firstName: requiredText(100),
  lastName: optionalText(100),
  birthDate: PastDate.nullable(),
  livesInHousehold: z.boolean(),
};
export const HouseholdMemberInput = z.strictObject(householdMemberShape);
export type HouseholdMemberInput = z.infer<typeof HouseholdMemberInput>;
export const UpdateHouseholdMemberInput = z.strictObject({ version, ...householdMemberShape });
export type UpdateHouseholdMemberInput = z.infer<typeof UpdateHouseholdMemberInput>;
export const HouseholdMember = z.object({ id: z.uuid(), version: z.number().int(), ...householdMemberShape });
export type HouseholdMember = z.infer<typeof HouseholdMember>;

/** Who opened or changed a file, for its managers ("qui a consulté ce dossier"). */
export const AccessLogEntry = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  actor: PersonRef.nullable(),
  action: z.string(),
  /** What was read or written: the file, its timeline, a section, an interview… */
  target: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const ACCESS_TARGET_LABELS: Record<string, string> = {
  file: 'Dossier',
  search: 'Recherche',
  timeline: 'Journal',
  interviews: 'Entretiens',
  interview: 'Entretien',
  'interview-history': 'Historique d’un entretien',
  household: 'Foyer',
  'household-member': 'Membre du foyer',
  identity: 'Identité',
  contact: 'Coordonnées',
  situation: 'Situation',
  rights: 'Droits et protection',
  'follow-up': 'Suivi',
  referent: 'Référents',
  'access-log': 'Historique des accès',
  anonymisation: 'Archivage (anonymisation)',
  'retention-postponement': 'Report de l’archivage',
  'duplicate-warning': 'Doublon possible signalé à la création d’un autre dossier',
  procedure: 'Démarche',
  procedures: 'Démarches',
  assessment: 'Diagnostic numérique',
  assessments: 'Diagnostics numériques',
  referral: 'Orientation',
  referrals: 'Orientations',
};
