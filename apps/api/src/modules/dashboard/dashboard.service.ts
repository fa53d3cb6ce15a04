import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  APPOINTMENT_STATUS_LABELS,
  type AppointmentStatus,
  type Category,
  type Dashboard,
  DIGITAL_AUTONOMY_LEVEL_LABELS,
  type DashboardQuery,
  type DigitalAutonomyLevel,
  PROCEDURE_MODE_LABELS,
  type ProcedureMode,
} from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { DateTime } from 'luxon';
import { Clock } from '../../common/clock';
import { parisDate, parisMidnight, parisMidnightAfter } from '../../common/paris-date';
import { currentUser } from '../../common/request-context';
import { Prisma } from '../../generated/prisma/client';
import { requireMember, requireSite } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';

/** The figures' scope: a period of Paris days (and its instants), and optionally a site and an agent. */
interface Scope {
  from: string;
  to: string;
  fromAt: Date;
  toAt: Date;
  siteId?: string;
  agentId?: string;
}

const PARIS = 'Europe/Paris';
/** Levels from the most autonomous: a smaller rank is better. */
const LEVEL_RANK = Object.fromEntries(Object.keys(DIGITAL_AUTONOMY_LEVEL_LABELS).map((level, rank) => [level, rank])) as Record<DigitalAutonomyLevel, number>;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const name = (row: { first_name: string; last_name: string }) => `${row.first_name} ${row.last_name}`;
const count = (value: bigint | number | null) => Number(value ?? 0);

/** A Paris calendar day (YYYY-MM-DD) `days` later. */
const addDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/**
 * The count rows of a period (`c`: procedure_counts or appointment_counts): its whole months from the
 * month rows, the days before and after them from the day rows — at most a few hundred rows whatever
 * the length of the period.
 */
function periodRows(from: string, to: string): Prisma.Sql {
  const first = DateTime.fromISO(from, { zone: 'UTC' });
  const monthsFrom = (first.day === 1 ? first : first.plus({ months: 1 }).startOf('month')).toISODate()!;
  const monthsUntil = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 }).startOf('month').toISODate()!;
  if (monthsFrom >= monthsUntil) return Prisma.sql`(c.grain = 'day' AND c.starts_on BETWEEN ${from}::date AND ${to}::date)`;
  return Prisma.sql`((c.grain = 'month' AND c.starts_on >= ${monthsFrom}::date AND c.starts_on < ${monthsUntil}::date)
    OR (c.grain = 'day' AND c.starts_on >= ${from}::date AND c.starts_on < ${monthsFrom}::date)
    OR (c.grain = 'day' AND c.starts_on >= ${monthsUntil}::date AND c.starts_on <= ${to}::date))`;
}

/**
 * The director's dashboard, and each agent's own: files, appointments, procedures and digital
 * inclusion over a period of Paris days, for the tenant, a site or an agent. Every figure is one
 * aggregate query over indexed columns (docs/decisions/012-dashboards.md).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The figures, audited as a read of the dashboard. */
  read(query: DashboardQuery): Promise<Dashboard> {
    return this.figures(query, { action: 'read' });
  }

  /**
   * The figures for the scope the member may see (an agent without `dashboard:read`: their own),
   * recorded in the audit trail as `event.action` with the filters (ids only) and `event.details` —
   * unless the caller records one event for several readings itself (`event` null).
   */
  figures(query: DashboardQuery, event: { action: 'read' | 'export'; details?: Record<string, string | number> } | null): Promise<Dashboard> {
    const user = currentUser();
    // Without the director's permission, the dashboard is the member's own.
    const personal = !user.permissions.includes('dashboard:read');
    if (personal && query.agentId && query.agentId !== user.membershipId) {
      throw new ForbiddenException({ detail: 'Votre tableau de bord ne montre que votre propre activité.' });
    }
    const agentId = personal ? user.membershipId : query.agentId;
    return this.db.transaction(async (tx) => {
      const site = query.siteId ? await requireSite(tx, query.siteId) : null;
      const agent = agentId ? await requireMember(tx, agentId) : null;
      const scope: Scope = { from: query.from, to: query.to, fromAt: parisMidnight(query.from), toAt: parisMidnightAfter(query.to), siteId: query.siteId, agentId };
      const files = await this.files(tx, scope);
      const dashboard: Dashboard = {
        scope: {
          from: query.from,
          to: query.to,
          site,
          agent: agent && { id: agent.id, name: `${agent.firstName} ${agent.lastName}` },
          personal,
        },
        files,
        appointments: await this.appointments(tx, scope),
        procedures: await this.procedures(tx, scope),
        digitalInclusion: await this.digitalInclusion(tx, scope, files.opened),
      };
      if (event) {
        await this.audit.record(tx, {
          action: event.action,
          entityType: 'dashboard',
          details: { from: query.from, to: query.to, siteId: query.siteId ?? null, agentId: agentId ?? null, personal, ...event.details },
        });
      }
      return dashboard;
    });
  }

  /** Files of the site, or those the agent is referent of. */
  private fileFilter(scope: Scope, file = Prisma.sql`b`): Prisma.Sql {
    return Prisma.sql`${scope.siteId ? Prisma.sql`AND ${file}.site_id = ${scope.siteId}::uuid` : Prisma.empty}
      ${
        scope.agentId
          ? Prisma.sql`AND EXISTS (SELECT 1 FROM beneficiary_referents r WHERE r.tenant_id = ${file}.tenant_id AND r.beneficiary_id = ${file}.id AND r.membership_id = ${scope.agentId}::uuid)`
          : Prisma.empty
      }`;
  }

  /** Records of a file: the site filter is the file's site. */
  private ofFileAtSite(scope: Scope, alias: Prisma.Sql): Prisma.Sql {
    return scope.siteId
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM beneficiaries b WHERE b.tenant_id = ${alias}.tenant_id AND b.id = ${alias}.beneficiary_id AND b.site_id = ${scope.siteId}::uuid)`
      : Prisma.empty;
  }

  /** Count rows for all agents, or for the scope's agent; at the scope's site. */
  private countRows(scope: Scope): Prisma.Sql {
    return Prisma.sql`${periodRows(scope.from, scope.to)}
      AND ${scope.agentId ? Prisma.sql`c.agent_id = ${scope.agentId}::uuid` : Prisma.sql`c.agent_id IS NULL`}
      ${scope.siteId ? Prisma.sql`AND c.site_id = ${scope.siteId}::uuid` : Prisma.empty}`;
  }

  private async files(tx: TenantTx, scope: Scope): Promise<Dashboard['files']> {
    const atSite = scope.siteId ? Prisma.sql`AND c.site_id = ${scope.siteId}::uuid` : Prisma.empty;
    const [active] = await tx.$queryRaw<{ n: bigint | null }[]>`
      SELECT sum(c.files) AS n FROM active_file_counts c
       WHERE ${scope.agentId ? Prisma.sql`c.referent_id = ${scope.agentId}::uuid` : Prisma.sql`c.referent_id IS NULL`} ${atSite}`;
    const [opened] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM beneficiaries b
       WHERE b.created_at >= ${scope.fromAt} AND b.created_at < ${scope.toAt} ${this.fileFilter(scope)}`;
    const [archived] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM beneficiaries b
       WHERE b.status = 'ARCHIVED' AND b.status_changed_at >= ${scope.fromAt} AND b.status_changed_at < ${scope.toAt} ${this.fileFilter(scope)}`;
    const caseload = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; files: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, sum(c.files) AS files
        FROM active_file_counts c JOIN memberships m ON m.tenant_id = c.tenant_id AND m.id = c.referent_id
       WHERE ${scope.agentId ? Prisma.sql`c.referent_id = ${scope.agentId}::uuid` : Prisma.sql`c.referent_id IS NOT NULL`} ${atSite}
       GROUP BY m.id, m.first_name, m.last_name
      HAVING sum(c.files) > 0
       ORDER BY files DESC, m.last_name, m.first_name`;
    return {
      active: count(active.n),
      opened: count(opened.n),
      archived: count(archived.n),
      caseload: caseload.map((row) => ({ agent: { id: row.id, name: name(row) }, files: count(row.files) })),
    };
  }

  private async appointments(tx: TenantTx, scope: Scope): Promise<Dashboard['appointments']> {
    const counts = this.countRows(scope);
    const byStatus = await tx.$queryRaw<{ status: AppointmentStatus; n: bigint }[]>`
      SELECT c.status, sum(c.appointments) AS n FROM appointment_counts c WHERE ${counts} GROUP BY c.status`;
    const perAgent = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, sum(c.appointments) AS booked,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'SEEN'), 0) AS seen,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'NO_SHOW'), 0) AS no_show
        FROM appointment_counts c JOIN memberships m ON m.tenant_id = c.tenant_id AND m.id = c.agent_id
       WHERE ${periodRows(scope.from, scope.to)}
         AND ${scope.agentId ? Prisma.sql`c.agent_id = ${scope.agentId}::uuid` : Prisma.sql`c.agent_id IS NOT NULL`}
         ${scope.siteId ? Prisma.sql`AND c.site_id = ${scope.siteId}::uuid` : Prisma.empty}
       GROUP BY m.id, m.first_name, m.last_name
      HAVING sum(c.appointments) > 0
       ORDER BY booked DESC, m.last_name, m.first_name`;
    const perSite = await tx.$queryRaw<{ id: string; name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT s.id, s.name, sum(c.appointments) AS booked,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'SEEN'), 0) AS seen,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'NO_SHOW'), 0) AS no_show
        FROM appointment_counts c JOIN sites s ON s.tenant_id = c.tenant_id AND s.id = c.site_id
       WHERE ${counts}
       GROUP BY s.id, s.name
      HAVING sum(c.appointments) > 0
       ORDER BY booked DESC, s.name`;

    // The coming week, from today in Paris, whatever the period: a few days of planned appointments.
    const atSite = scope.siteId ? Prisma.sql`AND a.site_id = ${scope.siteId}::uuid` : Prisma.empty;
    const withAgent = scope.agentId
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM appointment_agents aa WHERE aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id AND aa.membership_id = ${scope.agentId}::uuid)`
      : Prisma.empty;
    const today = parisDate(this.clock.now());
    const planned = await tx.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char((a.starts_at AT TIME ZONE ${PARIS})::date, 'YYYY-MM-DD') AS day, count(*) AS n
        FROM appointments a
       WHERE a.status = 'PLANNED'
         AND a.starts_at >= (${today}::date)::timestamp AT TIME ZONE ${PARIS}
         AND a.starts_at < (${today}::date + 7)::timestamp AT TIME ZONE ${PARIS}
         ${atSite} ${withAgent}
       GROUP BY 1`;

    const statusCount = new Map(byStatus.map((row) => [row.status, count(row.n)]));
    const of = (status: AppointmentStatus) => statusCount.get(status) ?? 0;
    const plannedByDay = new Map(planned.map((row) => [row.day, count(row.n)]));
    return {
      booked: byStatus.reduce((sum, row) => sum + count(row.n), 0),
      byStatus: (Object.keys(APPOINTMENT_STATUS_LABELS) as AppointmentStatus[]).map((status) => ({ status, count: of(status) })),
      noShowRate: share(of('NO_SHOW'), of('SEEN') + of('NO_SHOW')),
      perAgent: perAgent.map((row) => ({ agent: { id: row.id, name: name(row) }, booked: count(row.booked), seen: count(row.seen), noShow: count(row.no_show) })),
      perSite: perSite.map((row) => ({ site: { id: row.id, name: row.name }, booked: count(row.booked), seen: count(row.seen), noShow: count(row.no_show) })),
      nextDays: Array.from({ length: 7 }, (_, day) => addDays(today, day)).map((date) => ({ date, planned: plannedByDay.get(date) ?? 0 })),
    };
  }

  private async procedures(tx: TenantTx, scope: Scope): Promise<Dashboard['procedures']> {
    // Each breakdown over the period; the modes month by month (totals, "à la place", minutes).
    const rows = await tx.$queryRaw<{ dimension: 'mode' | 'organism' | 'type' | 'category'; key: string | null; month: string | null; total: bigint; minutes: bigint }[]>`
      SELECT c.dimension, c.key, CASE WHEN c.dimension = 'mode' THEN to_char(c.starts_on, 'YYYY-MM') END AS month,
             sum(c.procedures) AS total, sum(c.minutes) AS minutes
        FROM procedure_counts c
       WHERE ${this.countRows(scope)}
       GROUP BY 1, 2, 3
      HAVING sum(c.procedures) > 0`;
    const of = (dimension: string) => rows.filter((row) => row.dimension === dimension);
    const modes = of('mode');
    const named = [...of('organism'), ...of('type')].map((row) => row.key!);
    const labels = new Map((await tx.catalogueEntry.findMany({ where: { id: { in: named } }, select: { id: true, label: true } })).map((entry) => [entry.id, entry.label]));
    const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
    const labelled = (dimension: 'organism' | 'type') => of(dimension).map((row) => ({ id: row.key!, label: labels.get(row.key!) ?? '', count: count(row.total) })).sort(byCount);

    const months = new Map<string, { total: number; inPlace: number; minutes: number }>();
    for (const row of modes) {
      const month = months.get(row.month!) ?? { total: 0, inPlace: 0, minutes: 0 };
      month.total += count(row.total);
      month.inPlace += row.key === 'A_LA_PLACE' ? count(row.total) : 0;
      month.minutes += count(row.minutes);
      months.set(row.month!, month);
    }
    const perMonth = [...months].map(([month, figures]) => ({ month, ...figures, inPlaceShare: share(figures.inPlace, figures.total) })).sort((a, b) => a.month.localeCompare(b.month));
    const sum = (key: 'total' | 'inPlace' | 'minutes') => perMonth.reduce((total, month) => total + month[key], 0);
    const modeCount = (mode: ProcedureMode) => modes.filter((row) => row.key === mode).reduce((total, row) => total + count(row.total), 0);
    return {
      total: sum('total'),
      inPlace: sum('inPlace'),
      inPlaceShare: share(sum('inPlace'), sum('total')),
      minutes: sum('minutes'),
      perMonth,
      byOrganism: labelled('organism'),
      byType: labelled('type'),
      byCategory: of('category').map((row) => ({ category: row.key as Category | null, count: count(row.total) })).sort(byCount),
      byMode: (Object.keys(PROCEDURE_MODE_LABELS) as ProcedureMode[]).map((mode) => ({ mode, count: modeCount(mode) })),
    };
  }

  private async digitalInclusion(tx: TenantTx, scope: Scope, openedFiles: number): Promise<Dashboard['digitalInclusion']> {
    const [assessed] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM beneficiaries b
       WHERE b.created_at >= ${scope.fromAt} AND b.created_at < ${scope.toAt} ${this.fileFilter(scope)}
         AND EXISTS (SELECT 1 FROM digital_assessments d WHERE d.tenant_id = b.tenant_id AND d.beneficiary_id = b.id)`;
    // Each person's latest level up to the end of the period, when assessed in it, and the level before
    // it: the chains of the people assessed in the period only (a month reads a month's people).
    const latest = await tx.$queryRaw<{ level: DigitalAutonomyLevel; previous: DigitalAutonomyLevel | null }[]>`
      WITH assessed AS (
        SELECT DISTINCT d.tenant_id, d.beneficiary_id FROM digital_assessments d
         WHERE NOT d.declined AND d.occurred_at >= ${scope.fromAt} AND d.occurred_at < ${scope.toAt}
      ), chain AS (
        SELECT d.tenant_id, d.beneficiary_id, d.assessor_id, d.occurred_at, d.level,
               lag(d.level) OVER (PARTITION BY d.beneficiary_id ORDER BY d.occurred_at, d.id) AS previous,
               row_number() OVER (PARTITION BY d.beneficiary_id ORDER BY d.occurred_at DESC, d.id DESC) AS recency
          FROM digital_assessments d JOIN assessed a ON a.tenant_id = d.tenant_id AND a.beneficiary_id = d.beneficiary_id
         WHERE NOT d.declined AND d.occurred_at < ${scope.toAt})
      SELECT c.level, c.previous FROM chain c
       WHERE c.recency = 1 AND c.occurred_at >= ${scope.fromAt}
         ${scope.agentId ? Prisma.sql`AND c.assessor_id = ${scope.agentId}::uuid` : Prisma.empty}
         ${this.ofFileAtSite(scope, Prisma.sql`c`)}`;
    const [referrals] = await tx.$queryRaw<{ made: bigint; completed: bigint }[]>`
      SELECT count(*) AS made, count(*) FILTER (WHERE f.status = 'DONE') AS completed
        FROM referrals f
       WHERE f.occurred_at >= ${scope.fromAt} AND f.occurred_at < ${scope.toAt}
         ${scope.agentId ? Prisma.sql`AND f.agent_id = ${scope.agentId}::uuid` : Prisma.empty}
         ${this.ofFileAtSite(scope, Prisma.sql`f`)}`;
    const assessedFiles = count(assessed.n);
    return {
      openedFiles,
      assessedFiles,
      detectionRate: share(assessedFiles, openedFiles),
      levels: (Object.keys(DIGITAL_AUTONOMY_LEVEL_LABELS) as DigitalAutonomyLevel[]).map((level) => ({ level, people: latest.filter((row) => row.level === level).length })),
      referralsMade: count(referrals.made),
      referralsCompleted: count(referrals.completed),
      improved: latest.filter((row) => row.previous !== null && LEVEL_RANK[row.level] < LEVEL_RANK[row.previous]).length,
    };
  }
}
