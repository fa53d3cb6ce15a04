import { ConflictException, NotFoundException } from '@nestjs/common';
import { PROBLEM_TYPES } from '@ccas/shared';
import type { AuditAction, AuditEntry } from '../../audit/audit.service';
import type { TenantTx } from '../../tenancy/tenant-db.service';

/**
 * The file a request works on, or 404. Row-level security makes another tenant's file look exactly
 * like one that does not exist.
 */
export async function requireFile(tx: TenantTx, id: string): Promise<{ id: string; version: number; status: string }> {
  const file = await tx.beneficiary.findFirst({ where: { id }, select: { id: true, version: true, status: true } });
  if (!file) throw new NotFoundException({ detail: 'Ce dossier n’existe pas ou ne fait pas partie de votre structure.' });
  return file;
}

/**
 * Everything read or written inside a file is audited against the file itself, so that its access
 * history ("qui a consulté ce dossier") is one indexed query. `target` says what part was touched.
 */
export function fileEvent(
  action: AuditAction,
  beneficiaryId: string,
  target: string,
  details: NonNullable<AuditEntry['details']> = {},
): AuditEntry {
  return { action, entityType: 'beneficiary', entityId: beneficiaryId, details: { target, ...details } };
}

export function staleVersion(what = 'Ce dossier'): ConflictException {
  return new ConflictException({
    type: PROBLEM_TYPES.staleVersion,
    title: 'Modification concurrente',
    detail: `${what} a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le, puis refaites votre modification.`,
  });
}
