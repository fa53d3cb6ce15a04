import { z } from 'zod';
import type { DigitalAutonomyLevel } from './digital-assessments.js';
import { enumOf, optionalText, PastInstant, PersonRef, requiredText, Version } from './fields.js';
import { PageQuery, QueryFlag } from './pagination.js';

// The tenant's directory of partners, and referrals of people to them ("orientations").

export const PARTNER_KIND_LABELS = {
  DIGITAL_MEDIATION: 'Médiation numérique (conseiller numérique, Emmaüs Connect…)',
  FRANCE_SERVICES: 'France Services',
  ASSOCIATION: 'Association',
  LIBRARY: 'Médiathèque',
  OTHER_SERVICE: 'Autre service',
} as const;
export const PartnerKind = enumOf(PARTNER_KIND_LABELS);
export type PartnerKind = z.infer<typeof PartnerKind>;

/** Partners that help people become more autonomous online. */
export const DIGITAL_PARTNER_KINDS: readonly PartnerKind[] = ['DIGITAL_MEDIATION', 'FRANCE_SERVICES', 'LIBRARY'];

/** The file suggests a digital partner to people at these levels. */
export const suggestsDigitalPartner = (level: DigitalAutonomyLevel | null) => level === 'A_ACCOMPAGNER' || level === 'ELOIGNE';

const partnerShape = {
  name: requiredText(150),
  kind: PartnerKind,
  address: optionalText(300),
  contact: optionalText(300),
  /** What they offer, in their words: workshops, one-to-one help, equipment… */
  offer: optionalText(2000),
};
export const PartnerInput = z.strictObject(partnerShape);
export type PartnerInput = z.infer<typeof PartnerInput>;
export const UpdatePartnerInput = z.strictObject({ ...partnerShape, retired: z.boolean() }).partial();
export type UpdatePartnerInput = z.infer<typeof UpdatePartnerInput>;

export const Partner = z.object({ id: z.uuid(), ...partnerShape, name: z.string(), retired: z.boolean() });
export type Partner = z.infer<typeof Partner>;

export const PartnerQuery = PageQuery.extend({
  kind: PartnerKind.optional(),
  /** Only the partners helping with digital autonomy. */
  digital: QueryFlag.optional(),
  /** Retired partners too (the administration screen). */
  includeRetired: QueryFlag.optional(),
});
export type PartnerQuery = z.infer<typeof PartnerQuery>;

export const REFERRAL_STATUS_LABELS = {
  PROPOSED: 'Proposée',
  ACCEPTED: 'Acceptée par la personne',
  DONE: 'Réalisée',
  DECLINED: 'Refusée',
  NO_NEWS: 'Sans nouvelles',
} as const;
export const ReferralStatus = enumOf(REFERRAL_STATUS_LABELS);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** A referral still under way: orienting the person to the same partner again would be a duplicate. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['PROPOSED', 'ACCEPTED'];

export const CreateReferralInput = z.strictObject({
  beneficiaryId: z.uuid(),
  partnerId: z.uuid(),
  reason: optionalText(2000).default(null),
  status: ReferralStatus.default('PROPOSED'),
  occurredAt: PastInstant.optional(),
});
export type CreateReferralInput = z.input<typeof CreateReferralInput>;

export const UpdateReferralInput = z.strictObject({ version: Version, status: ReferralStatus, reason: optionalText(2000).optional() });
export type UpdateReferralInput = z.infer<typeof UpdateReferralInput>;

export const Referral = z.object({
  id: z.uuid(),
  version: z.number().int(),
  beneficiaryId: z.uuid(),
  partner: z.object({ id: z.uuid(), name: z.string(), kind: PartnerKind }),
  agent: PersonRef,
  occurredAt: z.iso.datetime(),
  reason: z.string().nullable(),
  status: ReferralStatus,
  statusChangedAt: z.iso.datetime(),
});
export type Referral = z.infer<typeof Referral>;

export const BeneficiaryRecordsQuery = PageQuery.extend({ beneficiaryId: z.uuid() });
export type BeneficiaryRecordsQuery = z.infer<typeof BeneficiaryRecordsQuery>;
