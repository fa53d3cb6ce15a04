import { displayName, type Procedure, TO_DO_OUTCOMES } from '@ccas/shared';
import type { AuthUser } from '../../auth/auth-user';
import type { Prisma } from '../../generated/prisma/client';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';

const catalogueRef = { select: { id: true, label: true, category: true, retiredAt: true } } as const;

/** A procedure with what its readers see of the person, the agent and the catalogue entries. */
export const procedureInclude = {
  beneficiary: { select: { id: true, fileNumber: true, lastName: true, firstName: true, alias: true } },
  agent: { select: { id: true, firstName: true, lastName: true } },
  organism: catalogueRef,
  procedureType: catalogueRef,
} as const satisfies Prisma.ProcedureInclude;

export type ProcedureRow = Prisma.ProcedureGetPayload<{ include: typeof procedureInclude }>;

const toCatalogueRef = (entry: ProcedureRow['organism']) => ({
  id: entry.id,
  label: entry.label,
  category: entry.category as Procedure['organism']['category'],
  retired: entry.retiredAt !== null,
});

export function toProcedure(row: ProcedureRow, user: AuthUser): Procedure {
  const outcome = row.outcome as Procedure['outcome'];
  return {
    id: row.id,
    version: row.version,
    beneficiary: { id: row.beneficiary.id, fileNumber: row.beneficiary.fileNumber, name: displayName(row.beneficiary) },
    agent: toPersonRef(row.agent),
    occurredAt: row.occurredAt.toISOString(),
    organism: toCatalogueRef(row.organism),
    procedureType: toCatalogueRef(row.procedureType),
    mode: row.mode as Procedure['mode'],
    reasons: row.reasons as Procedure['reasons'],
    consent: row.consent as Procedure['consent'],
    mandateReference: row.mandateReference,
    durationMinutes: row.durationMinutes,
    outcome,
    note: row.note,
    closedAt: row.closedAt?.toISOString() ?? null,
    toDo: row.closedAt === null && TO_DO_OUTCOMES.includes(outcome),
    editable: row.agentId === user.membershipId,
  };
}
