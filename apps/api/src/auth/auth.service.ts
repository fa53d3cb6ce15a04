import { ForbiddenException, Injectable } from '@nestjs/common';
import { permissionsFor, PROBLEM_TYPES, Role } from '@ccas/shared';
import { AuditService } from '../audit/audit.service';
import { PrismaService } from '../database/prisma.service';
import { TenantDb } from '../tenancy/tenant-db.service';
import type { AuthUser } from './auth-user';
import type { VerifiedIdentity } from './token-verifier';

interface ResolvedMembership {
  tenant_id: string;
  tenant_name: string;
  membership_id: string;
  active: boolean;
}

/**
 * Turns a verified identity into the member serving the request. Membership, roles, sites and the
 * active flag are read from the database on every request, so a change by the tenant's ADMIN
 * (deactivation included) applies to the very next request, whatever the token still says.
 */
@Injectable()
export class AuthService {
  /**
   * Identity-provider sessions this process has already recorded, so that the following requests of
   * a session skip the insert. Only a shortcut: the database's unique key stays the rule.
   */
  private readonly recordedSessions = new Set<string>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly tenantDb: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async authenticate(identity: VerifiedIdentity): Promise<AuthUser> {
    // The one cross-tenant lookup, confined to a SECURITY DEFINER function (it also links an
    // invited membership to this identity at first login, by verified email).
    const memberships = await this.prisma.$queryRaw<ResolvedMembership[]>`
      SELECT * FROM app_resolve_memberships(${identity.subject}, ${identity.email ?? null}, ${identity.emailVerified})`;
    const chosen =
      memberships.find((m) => m.tenant_id === identity.tenantHint) ??
      memberships.find((m) => m.active) ??
      memberships[0];
    if (!chosen) {
      await this.audit.recordSecurityEvent('no_membership');
      throw new ForbiddenException({
        type: PROBLEM_TYPES.noMembership,
        detail: "Votre compte n'est rattaché à aucun CCAS. Demandez à l'administrateur de votre structure de vous inviter.",
      });
    }

    const user = await this.tenantDb.forTenant(chosen.tenant_id, async (tx) => {
      const membership = await tx.membership.findUniqueOrThrow({
        where: { tenantId_id: { tenantId: chosen.tenant_id, id: chosen.membership_id } },
        include: { sites: { include: { site: { select: { id: true, name: true } } }, orderBy: { site: { name: 'asc' } } } },
      });
      const actor = { tenantId: chosen.tenant_id, membershipId: membership.id };
      if (!membership.active) {
        await this.audit.record(tx, { action: 'denied', details: { reason: 'inactive_membership' } }, actor);
        return undefined;
      }
      if (identity.sessionId && !this.recordedSessions.has(`${membership.id}:${identity.sessionId}`)) {
        // A login is the first request of an identity-provider session.
        const inserted = await tx.authSession.createMany({
          data: [{ tenantId: chosen.tenant_id, membershipId: membership.id, sessionId: identity.sessionId }],
          skipDuplicates: true,
        });
        if (inserted.count > 0) {
          await tx.membership.update({
            where: { tenantId_id: { tenantId: chosen.tenant_id, id: membership.id } },
            data: { lastLoginAt: new Date() },
            select: { id: true },
          });
          await this.audit.record(tx, { action: 'login' }, actor);
        }
      }
      const roles = Role.array().parse(membership.roles);
      return {
        subject: identity.subject,
        sessionId: identity.sessionId,
        membershipId: membership.id,
        tenantId: chosen.tenant_id,
        tenantName: chosen.tenant_name,
        email: membership.email,
        firstName: membership.firstName,
        lastName: membership.lastName,
        roles,
        permissions: permissionsFor(roles),
        sites: membership.sites.map(({ site }) => site),
        otherTenants: memberships
          .filter((m) => m.tenant_id !== chosen.tenant_id && m.active)
          .map((m) => ({ id: m.tenant_id, name: m.tenant_name })),
      } satisfies AuthUser;
    });
    if (user?.sessionId) this.rememberSession(`${user.membershipId}:${user.sessionId}`); // once committed
    if (!user) {
      throw new ForbiddenException({
        type: PROBLEM_TYPES.inactiveMembership,
        detail: "Votre compte a été désactivé. Contactez l'administrateur de votre structure.",
      });
    }
    return user;
  }

  private rememberSession(key: string): void {
    // Bounded: the oldest sessions are forgotten first (a Set iterates in insertion order).
    if (this.recordedSessions.size >= 10_000) this.recordedSessions.delete(this.recordedSessions.values().next().value!);
    this.recordedSessions.add(key);
  }
}
