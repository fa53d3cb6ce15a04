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
import { DateTime } from 'luxon';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { parisDate, parisMidnight, parisMidnightAfter } from '../../common/paris-date';
import { currentUser } from '../../common/request-context';
import { Prisma } from '../../generated/prisma/client';
import { requireMember, requireSite } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { appointmentsInScope, filesInScope, ofFileAtSite } from './scope-filters';

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

/** Paris days from `from` (included) to `until` (excluded), `YYYY-MM-DD`. */
interface Days {
  from: string;
  until: string;
}

/**
 * A period cut for the counts: its whole months, read from the month rows, and the days before and
 * after them, read from the day rows — a few hundred rows whatever the length of the period.
 */
function periodParts(from: string, to: string): { months: Days | null; days: Days[] } {
  const first = DateTime.fromISO(from, { zone: 'UTC' });
  const until = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 });
  const monthsFrom = first.day === 1 ? first : first.plus({ months: 1 }).startOf('month');
  const monthsUntil = until.startOf('month');
  if (monthsFrom >= monthsUntil) return { months: null, days: [{ from, until: until.toISODate()! }] };
  const months = { from: monthsFrom.toISODate()!, until: monthsUntil.toISODate()! };
  return { months, days: [{ from, until: months.from }, { from: months.until, until: until.toISODate()! }].filter((days) => days.from < days.until) };
}

/** `f.occurred_at` within one of the ranges of Paris days. */
function occurredWithin(ranges: Days[]): Prisma.Sql {
  const conditions = ranges.map((range) => Prisma.sql`(f.occurred_at >= ${parisMidnight(range.from)} AND f.occurred_at < ${parisMidnight(range.until)})`);
  return conditions.length === 0 ? Prisma.sql`false` : Prisma.sql`(${Prisma.join(conditions, ' OR ')})`;
}

/**
 * The count rows (`c` of `table`) of a period: the month rows of its whole months and, unless `days`
 * is false, the day rows of the rest — one index range each.
 */
function periodCounts(table: 'procedure_counts' | 'appointment_counts', from: string, to: string, days = true): Prisma.Sql {
  const parts = periodParts(from, to);
  const ranges = [...(parts.months ? [{ grain: 'month', ...parts.months }] : []), ...(days ? parts.days.map((range) => ({ grain: 'day', ...range })) : [])];
  const period =
    ranges.length === 0
      ? Prisma.sql`(SELECT NULL::text, NULL::date, NULL::date WHERE false)`
      : Prisma.sql`(VALUES ${Prisma.join(ranges.map((range) => Prisma.sql`(${range.grain}, ${range.from}::date, ${range.until}::date)`))})`;
  return Prisma.sql`${period} AS period (grain, from_on, until_on)
    JOIN ${Prisma.raw(table)} c ON c.grain = period.grain AND c.starts_on >= period.from_on AND c.starts_on < period.until_on`;
}

/**
 * The director's dashboard, and each agent's own: files, appointments, procedures and digital
 * inclusion over a period of Paris days, for the tenant, a site or an agent: sums of the counts the
 * database keeps by day and month, and aggregates over indexed rows for the rest
 * (docs/decisions/012-dashboards.md).
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
      const opened = await this.openedFiles(tx, scope);
      const dashboard: Dashboard = {
        scope: {
          from: query.from,
          to: query.to,
          site,
          agent: agent && { id: agent.id, name: `${agent.firstName} ${agent.lastName}` },
          personal,
        },
        files: await this.files(tx, scope, opened.files),
        appointments: await this.appointments(tx, scope),
        procedures: await this.procedures(tx, scope),
        digitalInclusion: await this.digitalInclusion(tx, scope, opened),
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

  /** Files opened in the period, and how many of them were ever assessed (from one index). */
  private async openedFiles(tx: TenantTx, scope: Scope): Promise<{ files: number; assessed: number }> {
    const [opened] = await tx.$queryRaw<{ files: bigint; assessed: bigint }[]>`
      SELECT count(*) AS files, count(b.first_assessed_at) AS assessed FROM beneficiaries b
       WHERE b.created_at >= ${scope.fromAt} AND b.created_at < ${scope.toAt} ${filesInScope(scope)}`;
    return { files: count(opened.files), assessed: count(opened.assessed) };
  }

  private async files(tx: TenantTx, scope: Scope, opened: number): Promise<Dashboard['files']> {
    const atSite = scope.siteId ? Prisma.sql`AND c.site_id = ${scope.siteId}::uuid` : Prisma.empty;
    const [active] = await tx.$queryRaw<{ n: bigint | null }[]>`
      SELECT sum(c.files) AS n FROM active_file_counts c
       WHERE ${scope.agentId ? Prisma.sql`c.referent_id = ${scope.agentId}::uuid` : Prisma.sql`c.referent_id IS NULL`} ${atSite}`;
    const [archived] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM beneficiaries b
       WHERE b.status = 'ARCHIVED' AND b.status_changed_at >= ${scope.fromAt} AND b.status_changed_at < ${scope.toAt} ${filesInScope(scope)}`;
    const caseload = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; files: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, sum(c.files) AS files
        FROM active_file_counts c JOIN memberships m ON m.tenant_id = c.tenant_id AND m.id = c.referent_id
       WHERE ${scope.agentId ? Prisma.sql`c.referent_id = ${scope.agentId}::uuid` : Prisma.sql`c.referent_id IS NOT NULL`} ${atSite}
       GROUP BY m.id, m.first_name, m.last_name
      HAVING sum(c.files) > 0
       ORDER BY files DESC, m.last_name, m.first_name`;
    return {
      active: count(active.n),
      opened,
      archived: count(archived.n),
      caseload: caseload.map((row) => ({ agent: { id: row.id, name: name(row) }, files: count(row.files) })),
    };
  }

  private async appointments(tx: TenantTx, scope: Scope): Promise<Dashboard['appointments']> {
    const atSite = scope.siteId ? Prisma.sql`AND c.site_id = ${scope.siteId}::uuid` : Prisma.empty;
    // All agents' rows (an appointment counted once), or the agent's.
    const counts = Prisma.sql`${periodCounts('appointment_counts', scope.from, scope.to)}
      WHERE ${scope.agentId ? Prisma.sql`c.agent_id = ${scope.agentId}::uuid` : Prisma.sql`c.agent_id IS NULL`} ${atSite}`;
    const byStatus = await tx.$queryRaw<{ status: AppointmentStatus; n: bigint }[]>`
      SELECT c.status, sum(c.appointments) AS n FROM ${counts} GROUP BY c.status`;
    const tallies = Prisma.sql`sum(c.appointments) AS booked, coalesce(sum(c.appointments) FILTER (WHERE c.status = 'SEEN'), 0) AS seen,
      coalesce(sum(c.appointments) FILTER (WHERE c.status = 'NO_SHOW'), 0) AS no_show`;
    const perAgent = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, n.booked, n.seen, n.no_show
        FROM (SELECT c.tenant_id, c.agent_id, ${tallies}
                FROM ${periodCounts('appointment_counts', scope.from, scope.to)}
               WHERE ${scope.agentId ? Prisma.sql`c.agent_id = ${scope.agentId}::uuid` : Prisma.sql`c.agent_id IS NOT NULL`} ${atSite}
               GROUP BY c.tenant_id, c.agent_id) n
        JOIN memberships m ON m.tenant_id = n.tenant_id AND m.id = n.agent_id
       WHERE n.booked > 0
       ORDER BY n.booked DESC, m.last_name, m.first_name`;
    const perSite = await tx.$queryRaw<{ id: string; name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT s.id, s.name, n.booked, n.seen, n.no_show
        FROM (SELECT c.tenant_id, c.site_id, ${tallies}
                FROM ${counts} GROUP BY c.tenant_id, c.site_id) n
        JOIN sites s ON s.tenant_id = n.tenant_id AND s.id = n.site_id
       WHERE n.booked > 0
       ORDER BY n.booked DESC, s.name`;

    // The coming week, from today in Paris, whatever the period: a few days of planned appointments.
    const today = parisDate(this.clock.now());
    const planned = await tx.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char((a.starts_at AT TIME ZONE ${PARIS})::date, 'YYYY-MM-DD') AS day, count(*) AS n
        FROM appointments a
       WHERE a.status = 'PLANNED'
         AND a.starts_at >= (${today}::date)::timestamp AT TIME ZONE ${PARIS}
         AND a.starts_at < (${today}::date + 7)::timestamp AT TIME ZONE ${PARIS}
         ${appointmentsInScope(scope)}
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
    const atSite = (alias: Prisma.Sql) => (scope.siteId ? Prisma.sql`AND ${alias}.site_id = ${scope.siteId}::uuid` : Prisma.empty);
    // An agent's procedures are counted per month only: the days around the whole months come from
    // the procedures themselves (a few hundred at most), broken down like the counts.
    const sources = scope.agentId
      ? Prisma.sql`SELECT c.dimension, c.key, c.starts_on, c.procedures, c.minutes FROM ${periodCounts('procedure_counts', scope.from, scope.to, false)}
                    WHERE c.agent_id = ${scope.agentId}::uuid ${atSite(Prisma.sql`c`)}
                   UNION ALL
                   SELECT d.dimension, d.key, f.day, 1, coalesce(f.minutes, 0) FROM procedure_facts f
                    CROSS JOIN LATERAL (VALUES ('mode', f.mode), ('organism', f.organism), ('type', f.type), ('category', f.category)) d (dimension, key)
                    WHERE f.agent_id = ${scope.agentId}::uuid AND ${occurredWithin(periodParts(scope.from, scope.to).days)} ${atSite(Prisma.sql`f`)}`
      : Prisma.sql`SELECT c.dimension, c.key, c.starts_on, c.procedures, c.minutes FROM ${periodCounts('procedure_counts', scope.from, scope.to)}
                    WHERE c.agent_id IS NULL ${atSite(Prisma.sql`c`)}`;
    // Each breakdown over the period; the modes month by month (totals, "à la place", minutes).
    const rows = await tx.$queryRaw<{ dimension: 'mode' | 'organism' | 'type' | 'category'; key: string | null; month: string | null; total: bigint; minutes: bigint }[]>`
      SELECT dimension, key, to_char(month, 'YYYY-MM') AS month, total, minutes
        FROM (SELECT dimension, key, CASE WHEN dimension = 'mode' THEN date_trunc('month', starts_on) END AS month,
                     sum(procedures) AS total, sum(minutes) AS minutes
                FROM (${sources}) s (dimension, key, starts_on, procedures, minutes)
               GROUP BY 1, 2, 3
              HAVING sum(procedures) > 0) breakdowns`;
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

  private async digitalInclusion(tx: TenantTx, scope: Scope, opened: { files: number; assessed: number }): Promise<Dashboard['digitalInclusion']> {
    // Each person's latest level up to the end of the period, when assessed in it, and the level
    // before it: the period's assessments that no other superseded before the period's end.
    const latest = await tx.$queryRaw<{ level: DigitalAutonomyLevel; previous: DigitalAutonomyLevel | null; people: bigint }[]>`
      SELECT d.level, d.previous_level AS previous, count(*) AS people FROM digital_assessments d
       WHERE NOT d.declined AND d.occurred_at >= ${scope.fromAt} AND d.occurred_at < ${scope.toAt}
         AND (d.superseded_at IS NULL OR d.superseded_at >= ${scope.toAt})
         ${scope.agentId ? Prisma.sql`AND d.assessor_id = ${scope.agentId}::uuid` : Prisma.empty}
         ${ofFileAtSite(scope, Prisma.sql`d`)}
       GROUP BY 1, 2`;
    const people = (rows: typeof latest) => rows.reduce((total, row) => total + count(row.people), 0);
    const [referrals] = await tx.$queryRaw<{ made: bigint; completed: bigint }[]>`
      SELECT count(*) AS made, count(*) FILTER (WHERE f.status = 'DONE') AS completed
        FROM referrals f
       WHERE f.occurred_at >= ${scope.fromAt} AND f.occurred_at < ${scope.toAt}
         ${scope.agentId ? Prisma.sql`AND f.agent_id = ${scope.agentId}::uuid` : Prisma.empty}
         ${ofFileAtSite(scope, Prisma.sql`f`)}`;
    return {
      openedFiles: opened.files,
      assessedFiles: opened.assessed,
      detectionRate: share(opened.assessed, opened.files),
      levels: (Object.keys(DIGITAL_AUTONOMY_LEVEL_LABELS) as DigitalAutonomyLevel[]).map((level) => ({ level, people: people(latest.filter((row) => row.level === level)) })),
      referralsMade: count(referrals.made),
      referralsCompleted: count(referrals.completed),
      improved: people(latest.filter((row) => row.previous !== null && LEVEL_RANK[row.level] < LEVEL_RANK[row.previous])),
    };
  }
}
