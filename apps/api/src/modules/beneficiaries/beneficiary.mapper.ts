import type { AccessLogEntry, Beneficiary, BeneficiarySummary, HouseholdMember, IncomeSource, PersonRef } from '@ccas/shared';
import type { Prisma } from '../../generated/prisma/client';
import type { SearchRow } from './beneficiaries.repository';

/** Calendar dates travel as `YYYY-MM-DD`; PostgreSQL `date` comes back as midnight UTC. */
export const toIsoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
export const fromIsoDate = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

const personName = { select: { id: true, firstName: true, lastName: true } } as const;
export const toPersonRef = (member: { id: string; firstName: string; lastName: string }): PersonRef => ({
  id: member.id,
  name: `${member.firstName} ${member.lastName}`,
});

export const referentsInclude = {
  orderBy: { assignedAt: 'asc' },
  select: { membership: personName },
} as const satisfies Prisma.Beneficiary$referentsArgs;

/** What a file read loads: the row, its site, referents, who recorded the consent and the missed appointments. */
export const beneficiaryInclude = {
  site: { select: { id: true, name: true } },
  referents: referentsInclude,
  consentRecorder: personName,
  _count: { select: { appointments: { where: { status: 'NO_SHOW' } } } },
} as const satisfies Prisma.BeneficiaryInclude;

type BeneficiaryRow = Prisma.BeneficiaryGetPayload<{ include: typeof beneficiaryInclude }>;

/**
 * The file as one reader may see it: identity and contact for everyone allowed to find the person;
 * situation, rights and follow-up only for those who accompany them (not the front desk).
 */
export function toBeneficiary(row: BeneficiaryRow, withSocialData: boolean): Beneficiary {
  const file: Beneficiary = {
    id: row.id,
    fileNumber: row.fileNumber,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
    status: row.status as Beneficiary['status'],
    site: row.site,
    referents: row.referents.map((referent) => toPersonRef(referent.membership)),
    noShowCount: row._count.appointments,
    identity: {
      lastName: row.lastName,
      firstName: row.firstName,
      birthName: row.birthName,
      alias: row.alias,
      birthDate: toIsoDate(row.birthDate),
      sex: row.sex as Beneficiary['identity']['sex'],
      nationality: row.nationality,
    },
    contact: {
      phone: row.phone,
      email: row.email,
      addressLine: row.addressLine,
      postalCode: row.postalCode,
      city: row.city,
      domiciliation: row.domiciliation,
    },
  };
  if (!withSocialData) return file;
  type Full = Required<Beneficiary>;
  return {
    ...file,
    situation: {
      familyStatus: row.familyStatus as Full['situation']['familyStatus'],
      housingStatus: row.housingStatus as Full['situation']['housingStatus'],
      housingNote: row.housingNote,
      employmentStatus: row.employmentStatus as Full['situation']['employmentStatus'],
      incomeSources: row.incomeSources as IncomeSource[],
    },
    rights: {
      benefits: row.benefits as Full['rights']['benefits'],
      cafNumber: row.cafNumber,
      franceTravailId: row.franceTravailId,
      legalProtection: row.legalProtection as Full['rights']['legalProtection'],
      legalProtectionDetail: row.legalProtectionDetail,
    },
    followUp: {
      status: row.status as Full['followUp']['status'],
      siteId: row.siteId,
      origin: row.origin as Full['followUp']['origin'],
      originDetail: row.originDetail,
      consentDate: toIsoDate(row.consentDate),
      consentRecordedBy: row.consentRecorder ? toPersonRef(row.consentRecorder) : null,
    },
  };
}

/** A search result: identity and contact only, what the front desk may see. */
export function toSummary(row: SearchRow): BeneficiarySummary {
  return {
    id: row.id,
    fileNumber: row.file_number,
    lastName: row.last_name,
    firstName: row.first_name,
    birthName: row.birth_name,
    alias: row.alias,
    birthDate: toIsoDate(row.birth_date),
    phone: row.phone,
    city: row.city,
    status: row.status,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    anonymisedAt: row.anonymised_at?.toISOString() ?? null,
    referents: row.referents,
  };
}

type HouseholdRow = { id: string; version: number; relation: string; firstName: string; lastName: string | null; birthDate: Date | null; livesInHousehold: boolean };

/** A person of the beneficiary's household ("foyer"). */
export const toHouseholdMember = (row: HouseholdRow): HouseholdMember => ({
  id: row.id,
  version: row.version,
  relation: row.relation as HouseholdMember['relation'],
  firstName: row.firstName,
  lastName: row.lastName,
  birthDate: toIsoDate(row.birthDate),
  livesInHousehold: row.livesInHousehold,
});

/** What an entry of a file's access log reads from its audit event (`seq` for paging). */
export const accessLogSelect = {
  id: true,
  seq: true,
  occurredAt: true,
  action: true,
  details: true,
  actor: personName,
} as const satisfies Prisma.AuditEventSelect;

type AccessLogRow = Prisma.AuditEventGetPayload<{ select: typeof accessLogSelect }>;

/** Who did what to the file, and to which part of it (`target`, recorded with the event; the file itself when absent). */
export const toAccessLogEntry = (event: AccessLogRow): AccessLogEntry => ({
  id: event.id,
  occurredAt: event.occurredAt.toISOString(),
  actor: event.actor ? toPersonRef(event.actor) : null,
  action: event.action,
  target: String((event.details as { target?: unknown }).target ?? 'file'),
});
