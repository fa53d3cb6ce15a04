import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { TenantTx } from './tenant-db.service';

/**
 * Checks on the tenant's sites and members named in requests. Row-level security makes
 * another tenant's site or member look exactly like one that does not exist.
 */

/** A site named in a path or a filter: 404 when it is not one of the tenant's. */
export async function requireSite(tx: TenantTx, siteId: string): Promise<void> {
  if (!(await tx.site.findFirst({ where: { id: siteId }, select: { id: true } }))) {
    throw new NotFoundException({ detail: 'Ce site n’existe pas ou ne fait pas partie de votre structure.' });
  }
}

/** A site chosen in a form: 400 on the field. */
export async function requireSiteField(tx: TenantTx, siteId: string): Promise<void> {
  if (!(await tx.site.findFirst({ where: { id: siteId }, select: { id: true } }))) {
    throw new BadRequestException({ detail: 'Ce site n’existe pas dans votre structure.', errors: [{ path: 'siteId', message: 'Site inconnu.' }] });
  }
}

/** Sites chosen in a form (a member's sites): 400 on the field when one is not the tenant's. */
export async function requireSites(tx: TenantTx, siteIds: string[]): Promise<void> {
  if (!siteIds.length) return;
  const found = await tx.site.count({ where: { id: { in: siteIds } } });
  if (found !== new Set(siteIds).size) {
    const message = 'Un des sites choisis n’existe pas dans votre structure.';
    throw new BadRequestException({ detail: message, errors: [{ path: 'siteIds', message }] });
  }
}

/** A member whose agenda is read (active or not: past agendas stay readable). */
export async function requireMember(tx: TenantTx, membershipId: string): Promise<void> {
  if (!(await tx.membership.findFirst({ where: { id: membershipId }, select: { id: true } }))) {
    throw new NotFoundException({ detail: 'Cet agent n’existe pas ou ne fait pas partie de votre structure.' });
  }
}

/** Whoever holds the AGENT role and is active in the tenant may have appointments and absences. */
export async function requireAgents(tx: TenantTx, membershipIds: string[], path: string): Promise<void> {
  if (!membershipIds.length) return;
  const found = await tx.membership.count({ where: { id: { in: membershipIds }, active: true, roles: { has: 'AGENT' } } });
  if (found !== new Set(membershipIds).size) {
    const message = 'Choisissez des travailleurs sociaux actifs de votre structure.';
    throw new BadRequestException({ detail: message, errors: [{ path, message }] });
  }
}
