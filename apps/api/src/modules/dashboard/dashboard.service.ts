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
import { Clock } from '../../common/clock';
import { parisDate, parisMidnight, parisMidnightAfter } from '../../common/paris-date';
import { currentUser } from '../../common/request-context';
import { Prisma } from '../../generated/prisma/client';
import { requireMember, requireSite } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';

/** The figures' scope: a period of instants, and optionally a site and an agent. */
interface Scope {
  fromAt: Date;
  toAt: Date;
  siteId?: string;
  agentId?: string;
}

const PARIS = 'Europe/Paris';
/**
 * Longest the figures may take. Three years of the largest CCAS take seconds until the rollups of
 * issue 6 land (docs/benchmarks.md): slow beats "service unavailable".
 */
const FIGURES_TIMEOUT_MS = 30_000;
/** Levels from the most autonomous: a smaller rank is better. */
const LEVEL_RANK = Object.fromEntries(Object.keys(DIGITAL_AUTONOMY_LEVEL_LABELS).map((level, rank) => [level, rank])) as Record<DigitalAutonomyLevel, number>;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const name = (row: { first_name: string; last_name: string }) => `${row.first_name} ${row.last_name}`;
const count = (value: bigint | number | null) => Number(value ?? 0);

/** A Paris calendar day (YYYY-MM-DD) `days` later. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
      const scope: Scope = { fromAt: parisMidnight(query.from), toAt: parisMidnightAfter(query.to), siteId: query.siteId, agentId };
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
    }, { timeoutMs: FIGURES_TIMEOUT_MS });
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

  private async files(tx: TenantTx, scope: Scope): Promise<Dashboard['files']> {
    const [totals] = await tx.$queryRaw<{ active: bigint; opened: bigint; archived: bigint }[]>`
      SELECT count(*) FILTER (WHERE b.status = 'ACTIVE') AS active,
             count(*) FILTER (WHERE b.created_at >= ${scope.fromAt} AND b.created_at < ${scope.toAt}) AS opened,
             count(*) FILTER (WHERE b.status = 'ARCHIVED' AND b.status_changed_at >= ${scope.fromAt} AND b.status_changed_at < ${scope.toAt}) AS archived
        FROM beneficiaries b
       WHERE true ${this.fileFilter(scope)}`;
    const caseload = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; files: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, count(*) AS files
        FROM beneficiary_referents r
        JOIN beneficiaries b ON b.tenant_id = r.tenant_id AND b.id = r.beneficiary_id
        JOIN memberships m ON m.tenant_id = r.tenant_id AND m.id = r.membership_id
       WHERE b.status = 'ACTIVE'
         ${scope.siteId ? Prisma.sql`AND b.site_id = ${scope.siteId}::uuid` : Prisma.empty}
         ${scope.agentId ? Prisma.sql`AND r.membership_id = ${scope.agentId}::uuid` : Prisma.empty}
       GROUP BY m.id, m.first_name, m.last_name
       ORDER BY files DESC, m.last_name, m.first_name`;
    return {
      active: count(totals.active),
      opened: count(totals.opened),
      archived: count(totals.archived),
      caseload: caseload.map((row) => ({ agent: { id: row.id, name: name(row) }, files: count(row.files) })),
    };
  }

  private async appointments(tx: TenantTx, scope: Scope): Promise<Dashboard['appointments']> {
    const withAgent = scope.agentId
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM appointment_agents aa WHERE aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id AND aa.membership_id = ${scope.agentId}::uuid)`
      : Prisma.empty;
    const atSite = scope.siteId ? Prisma.sql`AND a.site_id = ${scope.siteId}::uuid` : Prisma.empty;
    const inPeriod = Prisma.sql`a.starts_at >= ${scope.fromAt} AND a.starts_at < ${scope.toAt} ${atSite}`;

    const byStatus = await tx.$queryRaw<{ status: AppointmentStatus; n: bigint }[]>`
      SELECT a.status, count(*) AS n FROM appointments a WHERE ${inPeriod} ${withAgent} GROUP BY a.status`;
    const perAgent = await tx.$queryRaw<{ id: string; first_name: string; last_name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT m.id, m.first_name, m.last_name, count(*) AS booked,
             count(*) FILTER (WHERE a.status = 'SEEN') AS seen, count(*) FILTER (WHERE a.status = 'NO_SHOW') AS no_show
        FROM appointments a
        JOIN appointment_agents aa ON aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id
        JOIN memberships m ON m.tenant_id = aa.tenant_id AND m.id = aa.membership_id
       WHERE ${inPeriod} ${scope.agentId ? Prisma.sql`AND aa.membership_id = ${scope.agentId}::uuid` : Prisma.empty}
       GROUP BY m.id, m.first_name, m.last_name
       ORDER BY booked DESC, m.last_name, m.first_name`;
    const perSite = await tx.$queryRaw<{ id: string; name: string; booked: bigint; seen: bigint; no_show: bigint }[]>`
      SELECT s.id, s.name, count(*) AS booked,
             count(*) FILTER (WHERE a.status = 'SEEN') AS seen, count(*) FILTER (WHERE a.status = 'NO_SHOW') AS no_show
        FROM appointments a JOIN sites s ON s.tenant_id = a.tenant_id AND s.id = a.site_id
       WHERE ${inPeriod} ${withAgent}
       GROUP BY s.id, s.name
       ORDER BY booked DESC, s.name`;

    // The coming week, from today in Paris, whatever the period.
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
    // One pass over the period's procedures, grouped five ways at once.
    const rows = await tx.$queryRaw<
      { set: number; month: string | null; organism_id: string | null; type_id: string | null; mode: ProcedureMode | null; category: Category | null; total: bigint; in_place: bigint; minutes: bigint }[]
    >`
      WITH period AS (
        SELECT to_char(p.occurred_at AT TIME ZONE ${PARIS}, 'YYYY-MM') AS month, p.organism_id, p.procedure_type_id AS type_id, p.mode,
               coalesce(t.category, o.category) AS category, p.duration_minutes
          FROM procedures p
          JOIN catalogue_entries o ON o.tenant_id = p.tenant_id AND o.id = p.organism_id
          JOIN catalogue_entries t ON t.tenant_id = p.tenant_id AND t.id = p.procedure_type_id
         WHERE p.occurred_at >= ${scope.fromAt} AND p.occurred_at < ${scope.toAt}
           ${scope.agentId ? Prisma.sql`AND p.agent_id = ${scope.agentId}::uuid` : Prisma.empty}
           ${this.ofFileAtSite(scope, Prisma.sql`p`)})
      SELECT GROUPING(month, organism_id, type_id, mode, category) AS set, month, organism_id, type_id, mode, category,
             count(*) AS total, count(*) FILTER (WHERE mode = 'A_LA_PLACE') AS in_place, coalesce(sum(duration_minutes), 0) AS minutes
        FROM period
       GROUP BY GROUPING SETS ((), (month), (organism_id), (type_id), (mode), (category))`;
    const named = rows.flatMap((row) => [row.organism_id, row.type_id]).filter((id) => id !== null);
    const labels = new Map((await tx.catalogueEntry.findMany({ where: { id: { in: named } }, select: { id: true, label: true } })).map((entry) => [entry.id, entry.label]));
    const labelled = (id: string, rowCount: bigint) => ({ id, label: labels.get(id) ?? '', count: count(rowCount) });
    const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
    const total = rows.find((row) => row.set === 31);
    const totalCount = count(total?.total ?? 0n);
    const inPlace = count(total?.in_place ?? 0n);
    return {
      total: totalCount,
      inPlace,
      inPlaceShare: share(inPlace, totalCount),
      minutes: count(total?.minutes ?? 0n),
      perMonth: rows
        .filter((row) => row.month !== null)
        .map((row) => ({ month: row.month!, total: count(row.total), inPlace: count(row.in_place), inPlaceShare: share(count(row.in_place), count(row.total)), minutes: count(row.minutes) }))
        .sort((a, b) => a.month.localeCompare(b.month)),
      byOrganism: rows.filter((row) => row.organism_id !== null).map((row) => labelled(row.organism_id!, row.total)).sort(byCount),
      byType: rows.filter((row) => row.type_id !== null).map((row) => labelled(row.type_id!, row.total)).sort(byCount),
      // Grouping on category: a row whose category is null is the "no category" group, told apart by its grouping bits.
      byCategory: rows.filter((row) => row.set === 0b11110).map((row) => ({ category: row.category, count: count(row.total) })).sort(byCount),
      byMode: (Object.keys(PROCEDURE_MODE_LABELS) as ProcedureMode[]).map((mode) => ({ mode, count: count(rows.find((row) => row.mode === mode)?.total ?? 0n) })),
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
