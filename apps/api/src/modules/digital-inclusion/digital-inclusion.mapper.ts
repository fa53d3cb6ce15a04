import type { DigitalAssessment, DigitalAssessmentAnswers, Partner, Referral } from '@ccas/shared';
import type { Prisma } from '../../generated/prisma/client';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';

const personName = { select: { id: true, firstName: true, lastName: true } } as const;
export const assessmentInclude = { assessor: personName } as const satisfies Prisma.DigitalAssessmentInclude;
export const referralInclude = { agent: personName, partner: { select: { id: true, name: true, kind: true } } } as const satisfies Prisma.ReferralInclude;

export function toAssessment(row: Prisma.DigitalAssessmentGetPayload<{ include: typeof assessmentInclude }>): DigitalAssessment {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    occurredAt: row.occurredAt.toISOString(),
    assessor: toPersonRef(row.assessor),
    declined: row.declined,
    declineReason: row.declineReason,
    answers: row.answers as DigitalAssessmentAnswers | null,
    level: row.level as DigitalAssessment['level'],
    score: row.score,
    reasons: row.reasons,
  };
}

export function toReferral(row: Prisma.ReferralGetPayload<{ include: typeof referralInclude }>): Referral {
  return {
    id: row.id,
    version: row.version,
    beneficiaryId: row.beneficiaryId,
    partner: { ...row.partner, kind: row.partner.kind as Referral['partner']['kind'] },
    agent: toPersonRef(row.agent),
    occurredAt: row.occurredAt.toISOString(),
    reason: row.reason,
    status: row.status as Referral['status'],
    statusChangedAt: row.statusChangedAt.toISOString(),
  };
}

export function toPartner(row: Prisma.PartnerGetPayload<object>): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Partner['kind'],
    address: row.address,
    contact: row.contact,
    offer: row.offer,
    retired: row.retiredAt !== null,
  };
}
