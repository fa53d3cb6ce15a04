import { BadRequestException, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { TenantTx } from './tenant-db.service';

/**
 * Checks on the tenant's sites and members named in requests. Row-level security makes
 * another tenant's site or member look exactly like one that does not exist.
 */

/** A site named in a path or a filter: 404 when it is not one of the tenant's. */
export async function requireSite(tx: TenantTx, siteId: string): Promise<{ id: string; name: string }> {
  const site = await tx.site.findFirst({ where: { id: siteId }, select: { id: true, name: true } });
  if (!site) throw new NotFoundException({ detail: 'Ce site n’existe pas ou ne fait pas partie de votre structure.' });
  return site;
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
export async function requireMember(tx: TenantTx, membershipId: string): Promise<{ id: string; firstName: string; lastName: string }> {
  const member = await tx.membership.findFirst({ where: { id: membershipId }, select: { id: true, firstName: true, lastName: true } });
  if (!member) throw new NotFoundException({ detail: 'Cet agent n’existe pas ou ne fait pas partie de votre structure.' });
  return member;
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

/** The tables whose entries must bear different names, and the column holding the name. */
const NAMED = { catalogue_entries: 'label', partners: 'name', sites: 'name', appointment_motifs: 'label' } as const;

/**
 * Whether another of the tenant's entries of `table` (than `except`) already bears `name`, written
 * with other accents, capitals or spaces (`app_search_key`); `and` narrows the entries compared.
 */
export async function nameTaken(tx: TenantTx, table: keyof typeof NAMED, name: string, except: string | null, and: Prisma.Sql = Prisma.empty): Promise<boolean> {
  const column = Prisma.raw(NAMED[table]);
  const same = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM ${Prisma.raw(table)} WHERE app_search_key(${column}) = app_search_key(${name}) AND id IS DISTINCT FROM ${except}::uuid ${and} LIMIT 1`;
  return same.length > 0;
}
