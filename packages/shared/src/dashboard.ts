import { z } from 'zod';
import { AppointmentStatus } from './appointments.js';
import { Category } from './catalogues.js';
import { DigitalAutonomyLevel } from './digital-assessments.js';
import { IsoDate, PersonRef } from './fields.js';
import { ProcedureMode } from './procedures.js';

// The director's dashboard (GET /dashboard) and each member's own (same route, their own figures).

/** The longest period a dashboard covers: the three years the product keeps in view. */
export const MAX_DASHBOARD_DAYS = 3 * 366;

const dashboardFilters = { from: IsoDate, to: IsoDate, siteId: z.uuid().optional(), agentId: z.uuid().optional() };

/** A dashboard's period: Paris calendar days, both included, in order, at most three years. */
function checkPeriod(query: { from: string; to: string }, context: z.RefinementCtx): void {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days < 1) context.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période doit suivre son début.' });
  else if (days > MAX_DASHBOARD_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'La période ne peut pas dépasser trois ans.' });
}

/**
 * GET /dashboard: a period, optionally one site and one agent. A member with only the personal
 * dashboard always gets their own figures (`agentId` must be theirs or absent).
 */
export const DashboardQuery = z.strictObject(dashboardFilters).superRefine(checkPeriod);
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The file formats of exports: CSV for any tool (UTF-8 with BOM, `;` as French Excel expects), XLSX for Excel. */
export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * GET /exports/dashboard/{table} (the table behind one chart) and GET /exports/{list} (the files
 * opened, procedures done or appointments held in the period, at the site, of the agent — referent,
 * author, agent of the appointment): the dashboard's filters and a format.
 */
export const ExportQuery = z.strictObject({ ...dashboardFilters, format: ExportFormat }).superRefine(checkPeriod);
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The lists exported whole (GET /exports/{list}): files, procedures, appointments. */
export const EXPORT_LISTS = ['files', 'procedures', 'appointments'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const Count = z.number().int().min(0);
/** A share between 0 and 1, or null when there is nothing to divide. */
const Share = z.number().min(0).max(1).nullable();
const Labelled = z.object({ id: z.uuid(), label: z.string(), count: Count });

export const Dashboard = z.object({
  /** Who the figures are about: the whole tenant, a site, an agent (the member themself on a personal dashboard). */
  scope: z.object({ from: IsoDate, to: IsoDate, site: z.object({ id: z.uuid(), name: z.string() }).nullable(), agent: PersonRef.nullable(), personal: z.boolean() }),
  files: z.object({
    /** Active files today (the site's, or those the agent is referent of). */
    active: Count,
    /** Files opened during the period. */
    opened: Count,
    /** Files archived during the period. */
    archived: Count,
    /** Active files per referent agent, most first. */
    caseload: z.array(z.object({ agent: PersonRef, files: Count })),
  }),
  appointments: z.object({
    /** Appointments of the period (by their date), whatever their status. */
    booked: Count,
    /** Every status, in the order of the labels. */
    byStatus: z.array(z.object({ status: AppointmentStatus, count: Count })),
    /** No-shows among the appointments whose outcome is known (seen or not come). */
    noShowRate: Share,
    perAgent: z.array(z.object({ agent: PersonRef, booked: Count, seen: Count, noShow: Count })),
    perSite: z.array(z.object({ site: z.object({ id: z.uuid(), name: z.string() }), booked: Count, seen: Count, noShow: Count })),
    /** Planned appointments of the next seven days, from today, per Paris day. */
    nextDays: z.array(z.object({ date: IsoDate, planned: Count })),
  }),
  procedures: z.object({
    total: Count,
    /** Done in the person's place: the invisible workload. */
    inPlace: Count,
    inPlaceShare: Share,
    /** Time spent, where it was noted. */
    minutes: Count,
    perMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), total: Count, inPlace: Count, inPlaceShare: Share, minutes: Count })),
    byOrganism: z.array(Labelled),
    byType: z.array(Labelled),
    byCategory: z.array(z.object({ category: Category.nullable(), count: Count })),
    byMode: z.array(z.object({ mode: ProcedureMode, count: Count })),
  }),
  digitalInclusion: z.object({
    /** Files opened in the period, and those of them whose digital autonomy was assessed (or the assessment declined). */
    openedFiles: Count,
    assessedFiles: Count,
    detectionRate: Share,
    /** Each person's latest level assessed in the period. */
    levels: z.array(z.object({ level: DigitalAutonomyLevel, people: Count })),
    referralsMade: Count,
    referralsCompleted: Count,
    /** People whose latest level in the period is better than the one assessed before it. */
    improved: Count,
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;
