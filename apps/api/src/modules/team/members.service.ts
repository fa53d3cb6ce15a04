import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { can, type InviteMemberInput, type ManagedMember, type Page, type TeamMember, type TeamQuery, type UpdateMemberInput } from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, NameCursor } from '../../common/cursor';
import { afterName } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { requireSites } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { MANAGED_MEMBER_SELECT, toManagedMember, toTeamMember } from './member.mapper';

type Invite = z.output<typeof InviteMemberInput>;
type Update = z.output<typeof UpdateMemberInput>;

const LAST_ADMIN =
  'Il doit rester au moins un administrateur actif, déjà connecté, dans votre structure : nommez-en un autre avant de retirer ce rôle ou de désactiver ce compte.';

/**
 * The tenant's team: colleagues as everyone sees them, and the memberships its ADMIN invites,
 * changes, deactivates and reactivates. Authorization is read from these rows on every request, so
 * each change applies to the member's very next request.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /**
   * By last name. Active members only, unless deactivated ones are asked for too: by the
   * administrator, or by whoever reads the audit trail (a former colleague's actions stay
   * searchable) — who gets their names only, like every colleague.
   */
  async list(query: TeamQuery): Promise<Page<TeamMember>> {
    const user = currentUser();
    const manager = can(user, 'users:manage');
    if (query.includeInactive && !manager && !can(user, 'audit:read')) {
      throw await this.audit.refuse('Seuls l’administrateur et les responsables qui consultent le journal d’audit voient les comptes désactivés.', {
        entityType: 'membership',
        details: { permission: 'audit:read', filter: 'includeInactive' },
      });
    }
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.membership.findMany({
        where: { ...(query.includeInactive ? {} : { active: true }), ...afterName('lastName', cursor) },
        orderBy: [{ lastName: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        select: MANAGED_MEMBER_SELECT,
      });
      // Email, status, sites and last login are the administrator's business.
      const items = rows.slice(0, query.limit).map((row) => (manager ? toManagedMember(row) : toTeamMember(row)));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.lastName, id: last.id }) : null };
    });
  }

  /** The person joins at their first login with this email, verified by the identity provider. */
  invite(input: Invite): Promise<ManagedMember> {
    return this.db.transaction(async (tx) => {
      const taken = await tx.membership.findFirst({ where: { email: input.email }, select: { id: true } });
      if (taken) {
        const detail = 'Cette adresse e-mail est déjà celle d’un membre de votre structure (invité, actif ou désactivé).';
        throw new ConflictException({ detail, errors: [{ path: 'email', message: detail }] });
      }
      await requireSites(tx, input.siteIds);
      const tenantId = currentUser().tenantId;
      const row = await tx.membership.create({
        data: {
          tenantId,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          roles: input.roles,
          sites: { create: input.siteIds.map((siteId) => ({ siteId })) },
        },
        select: MANAGED_MEMBER_SELECT,
      });
      await this.audit.record(tx, {
        action: 'create',
        entityType: 'membership',
        entityId: row.id,
        details: { event: 'invited', roles: input.roles.join(','), siteIds: input.siteIds.join(',') },
      });
      return toManagedMember(row);
    });
  }

  update(id: string, input: Update): Promise<ManagedMember> {
    return this.db.transaction(async (tx) => {
      // Before the member's own row, so that every change that might remove an administrator takes
      // the locks in the same order (no deadlock between two of them).
      const admins = mayRemoveAdmin(input) ? await lockActiveAdmins(tx) : [];
      const current = await tx.membership.findFirst({ where: { id }, select: { tenantId: true, roles: true, active: true } });
      if (!current) throw new NotFoundException({ detail: 'Ce membre n’existe pas ou ne fait pas partie de votre structure.' });

      const willBeAdmin = (input.active ?? current.active) && (input.roles ?? current.roles).includes('ADMIN');
      if (!willBeAdmin && !admins.some((admin) => admin !== id) && admins.includes(id)) {
        throw new ConflictException({ detail: LAST_ADMIN });
      }
      if (input.siteIds) await requireSites(tx, input.siteIds);

      const { siteIds, ...fields } = input;
      const key = { tenantId_id: { tenantId: current.tenantId, id } };
      if (siteIds) await tx.membershipSite.deleteMany({ where: { membershipId: id } });
      const row = await tx.membership.update({
        where: key,
        data: {
          ...fields,
          updatedAt: new Date(),
          ...(siteIds ? { sites: { create: siteIds.map((siteId) => ({ siteId })) } } : {}),
        },
        select: MANAGED_MEMBER_SELECT,
      });
      await this.audit.record(tx, {
        action: 'update',
        entityType: 'membership',
        entityId: id,
        details: {
          fields: Object.keys(input).sort().join(','),
          ...(input.roles ? { roles: input.roles.join(',') } : {}),
          ...(input.siteIds ? { siteIds: input.siteIds.join(',') } : {}),
          ...(input.active !== undefined && input.active !== current.active ? { event: input.active ? 'reactivated' : 'deactivated' } : {}),
        },
      });
      return toManagedMember(row);
    });
  }
}

const mayRemoveAdmin = (input: Update) => input.active === false || (input.roles !== undefined && !input.roles.includes('ADMIN'));

/**
 * The tenant's administrators who can still act (active, and linked to an identity by a first
 * login), locked until the transaction ends. Two concurrent demotions queue here: the second one
 * sees the first one's result once it commits, so the tenant never loses its last administrator.
 * NO KEY UPDATE, the lock an UPDATE of these rows takes anyway: it does not block the foreign-key
 * checks (KEY SHARE) of other transactions, e.g. audit events naming one of them as actor.
 */
async function lockActiveAdmins(tx: TenantTx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships
     WHERE active AND subject IS NOT NULL AND 'ADMIN' = ANY (roles)
     ORDER BY id
       FOR NO KEY UPDATE`;
  return rows.map((row) => row.id);
}
