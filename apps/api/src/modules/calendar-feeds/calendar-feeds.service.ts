import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { can, CANCELLED_STATUSES, type CalendarFeedStatus, type CreatedCalendarFeed, type LocationType, Role } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { currentUser } from '../../common/request-context';
import { API_CONFIG, type ApiConfig } from '../../config';
import { PrismaService } from '../../database/prisma.service';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { agendaCalendar } from './agenda-calendar';

/** The secret in the address: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The feed covers 3 months back and 12 months ahead, and never more than this many events. */
const MONTHS_BACK = 3;
const MONTHS_AHEAD = 12;
export const MAX_FEED_EVENTS = 3000;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const monthsFrom = (at: Date, months: number) => {
  const moved = new Date(at);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
};

/**
 * Each member's private, revocable calendar subscription address. The address holds a random
 * secret shown once; only its SHA-256 hash is kept. A calendar application fetching it logs in with
 * nothing else, so the feed shows no personal data of the people beyond initials and the reason.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  status(): Promise<CalendarFeedStatus> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      const feed = await tx.calendarFeed.findFirst({ where: { membershipId: user.membershipId, revokedAt: null } });
      return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
    });
  }

  /** A new address; the previous one, if any, stops working in the same transaction. */
  create(): Promise<CreatedCalendarFeed> {
    const user = currentUser();
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (tx) => {
      await this.lockMember(tx, user.membershipId);
      const revoked = await this.revokeActive(tx, user.membershipId);
      const feed = await tx.calendarFeed.create({
        data: { tenantId: user.tenantId, membershipId: user.membershipId, tokenHash: hashOf(token) },
      });
      await this.audit.record(tx, { action: 'create', entityType: 'calendar-feed', entityId: feed.id, details: { replaced: revoked > 0 } });
      return { url: `${this.config.publicUrl}/api/v1/calendar/${token}.ics`, createdAt: feed.createdAt.toISOString() };
    });
  }

  revoke(): Promise<void> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      await this.lockMember(tx, user.membershipId);
      if ((await this.revokeActive(tx, user.membershipId)) === 0) {
        throw new NotFoundException({ detail: 'Vous n’avez pas d’adresse d’abonnement active.' });
      }
      await this.audit.record(tx, { action: 'delete', entityType: 'calendar-feed' });
    });
  }

  /**
   * The public feed. Unknown, malformed and revoked addresses all get the same 404. The secret
   * resolves (owner-rights function) to the member and tenant; the rest is read under RLS as them.
   */
  async feed(token: string): Promise<string> {
    const notFound = new NotFoundException({ detail: 'Calendrier introuvable.' });
    if (!TOKEN.test(token)) throw notFound;
    const [owner] = await this.prisma.$queryRaw<{ tenant_id: string; membership_id: string }[]>`
      SELECT tenant_id, membership_id FROM app_resolve_calendar_feed(${hashOf(token)})`;
    if (!owner) throw notFound;
    const now = this.clock.now();
    const member = { tenantId: owner.tenant_id, membershipId: owner.membership_id };
    return this.db.forTenant(
      member.tenantId,
      async (tx) => {
        // The address was given to a reader of agendas: it stops serving once their roles no longer allow it.
        const holder = await tx.membership.findFirst({ where: { id: member.membershipId }, select: { roles: true } });
        const roles = Role.array().safeParse(holder?.roles);
        if (!roles.success || !can({ roles: roles.data }, 'appointment:read')) throw notFound;
        const rows = await tx.appointment.findMany({
          where: {
            agents: { some: { membershipId: member.membershipId } },
            status: { notIn: [...CANCELLED_STATUSES] },
            startsAt: { gte: monthsFrom(now, -MONTHS_BACK), lt: monthsFrom(now, MONTHS_AHEAD) },
          },
          orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
          take: MAX_FEED_EVENTS,
          select: {
            id: true,
            version: true,
            startsAt: true,
            endsAt: true,
            updatedAt: true,
            status: true,
            locationType: true,
            site: { select: { name: true } },
            motif: { select: { label: true } },
            beneficiary: { select: { firstName: true, lastName: true } },
          },
        });
        const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true } });
        // Who fetched what, without personal data: the member's feed and how many events it held.
        await this.audit.record(tx, { action: 'read', entityType: 'calendar-feed', details: { events: rows.length } }, member);
        return agendaCalendar(
          tenant.name,
          rows.map((row) => ({
            ...row,
            locationType: row.locationType as LocationType,
            siteName: row.site.name,
            motifLabel: row.motif.label,
            person: row.beneficiary,
          })),
        );
      },
      member.membershipId,
    );
  }

  /** Serialises one member's create/revoke, so that two at once cannot both keep an active feed. */
  private async lockMember(tx: TenantTx, membershipId: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM memberships WHERE id = ${membershipId}::uuid FOR UPDATE`;
  }

  private async revokeActive(tx: TenantTx, membershipId: string): Promise<number> {
    const { count } = await tx.calendarFeed.updateMany({ where: { membershipId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
    return count;
  }
}
