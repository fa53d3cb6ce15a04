import { APPOINTMENT_STATUS_LABELS } from './appointments.js';
import { CATEGORY_LABELS } from './catalogues.js';
import type { Dashboard } from './dashboard.js';
import { DIGITAL_AUTONOMY_LEVEL_LABELS } from './digital-assessments.js';
import { PROCEDURE_MODE_LABELS } from './procedures.js';

/**
 * The tables behind the dashboard's charts: what the page shows in "table" view and what the export
 * of one chart (GET /exports/dashboard/{table}) contains, from the same definitions.
 */
export type Cell = string | number | null;
export interface DataTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const DASHBOARD_TABLES = [
  'caseload',
  'appointment-statuses',
  'appointments-per-agent',
  'appointments-per-site',
  'coming-week',
  'procedures-per-month',
  'procedures-by-organism',
  'procedures-by-type',
  'procedures-by-category',
  'procedures-by-mode',
  'digital-levels',
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** A share as a percentage with one decimal (`66.7`), or null when there was nothing to divide. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** Minutes as hours with one decimal (`25` → `0.4`). */
export const hours = (minutes: number): number => Math.round(minutes / 6) / 10;

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2026-03` as `mars 2026`. */
export const monthLabel = (month: string): string => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
/** `2026-03-30` as `lundi 30 mars`. */
export const dayLabel = (date: string): string => dayFormat.format(new Date(`${date}T00:00:00Z`));

export function dashboardTables(d: Dashboard): Record<DashboardTable, DataTable> {
  return {
    caseload: {
      title: 'Dossiers actifs par référent',
      columns: ['Agent', 'Dossiers actifs'],
      rows: d.files.caseload.map((row) => [row.agent.name, row.files]),
    },
    'appointment-statuses': {
      title: 'Rendez-vous par statut',
      columns: ['Statut', 'Rendez-vous'],
      rows: d.appointments.byStatus.map((row) => [APPOINTMENT_STATUS_LABELS[row.status], row.count]),
    },
    'appointments-per-agent': {
      title: 'Rendez-vous par agent',
      columns: ['Agent', 'Rendez-vous', 'Honorés', 'Absences non excusées'],
      rows: d.appointments.perAgent.map((row) => [row.agent.name, row.booked, row.seen, row.noShow]),
    },
    'appointments-per-site': {
      title: 'Rendez-vous par site',
      columns: ['Site', 'Rendez-vous', 'Honorés', 'Absences non excusées'],
      rows: d.appointments.perSite.map((row) => [row.site.name, row.booked, row.seen, row.noShow]),
    },
    'coming-week': {
      title: 'Rendez-vous prévus des sept prochains jours',
      columns: ['Jour', 'Rendez-vous prévus'],
      rows: d.appointments.nextDays.map((row) => [dayLabel(row.date), row.planned]),
    },
    'procedures-per-month': {
      title: 'Démarches par mois',
      columns: ['Mois', 'Démarches', 'Faites à la place', 'Part faite à la place (%)', 'Heures'],
      rows: d.procedures.perMonth.map((row) => [monthLabel(row.month), row.total, row.inPlace, percent(row.inPlaceShare), hours(row.minutes)]),
    },
    'procedures-by-organism': {
      title: 'Démarches par organisme',
      columns: ['Organisme', 'Démarches'],
      rows: d.procedures.byOrganism.map((row) => [row.label, row.count]),
    },
    'procedures-by-type': {
      title: 'Démarches par type',
      columns: ['Type de démarche', 'Démarches'],
      rows: d.procedures.byType.map((row) => [row.label, row.count]),
    },
    'procedures-by-category': {
      title: 'Démarches par domaine',
      columns: ['Domaine', 'Démarches'],
      rows: d.procedures.byCategory.map((row) => [row.category ? CATEGORY_LABELS[row.category] : 'Non classé', row.count]),
    },
    'procedures-by-mode': {
      title: 'Démarches par façon de faire',
      columns: ['Façon de faire', 'Démarches'],
      rows: d.procedures.byMode.map((row) => [PROCEDURE_MODE_LABELS[row.mode], row.count]),
    },
    'digital-levels': {
      title: 'Niveaux d’autonomie numérique',
      columns: ['Niveau', 'Personnes'],
      rows: d.digitalInclusion.levels.map((row) => [DIGITAL_AUTONOMY_LEVEL_LABELS[row.level], row.people]),
    },
  };
}
