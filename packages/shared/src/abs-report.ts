import { z } from 'zod';
import type { Dashboard } from './dashboard.js';
import { type Cell, type DashboardTable, dashboardTables, type DataTable, hours, percent } from './dashboard-tables.js';

/**
 * The yearly report of the "analyse des besoins sociaux" (ABS): the year's figures of each dashboard
 * section beside the previous year's, for the whole CCAS and without any personal data (no table
 * naming people — not even staff, as the report is published).
 */

export const AbsReportYear = z.coerce.number().int().min(2000).max(2100);

/** GET /exports/abs-report/{year}: the workbook. */
export const AbsReportQuery = z.strictObject({ format: z.literal('xlsx').default('xlsx') });
export type AbsReportQuery = z.infer<typeof AbsReportQuery>;

/** The tables of the report, in its order. */
export const ABS_TABLES: readonly DashboardTable[] = [
  'procedures-per-month',
  'procedures-by-mode',
  'procedures-by-category',
  'procedures-by-organism',
  'procedures-by-type',
  'appointment-statuses',
  'appointments-per-site',
  'digital-levels',
];

export interface AbsReport {
  title: string;
  summary: DataTable;
  tables: DataTable[];
}

/** The calendar year as a dashboard period. */
export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

const signed = (value: number, unit: string) => `${value > 0 ? '+' : ''}${String(value).replace('.', ',')} ${unit}`;
/** Change of a count, in percent of the previous year's; null when there was nothing the year before. */
const countChange = (previous: number, current: number) => (previous === 0 ? null : signed(Math.round(((current - previous) / previous) * 1000) / 10, '%'));
/** Change of a rate, in percentage points. */
const rateChange = (previous: number | null, current: number | null) => (previous === null || current === null ? null : signed(Math.round((current - previous) * 10) / 10, 'pts'));

/** Rows of two years side by side, matched on their label (a month's name without its year). */
function compare(previous: DataTable, current: DataTable, year: number): DataTable {
  const label = (cell: Cell) => String(cell).replace(/ \d{4}$/, '');
  const labels = [...new Set([...previous.rows, ...current.rows].map((row) => label(row[0])))];
  const values = current.columns.slice(1);
  const valuesOf = (table: DataTable, name: string) => table.rows.find((row) => label(row[0]) === name)?.slice(1) ?? values.map(() => null);
  return {
    title: current.title,
    columns: [current.columns[0], ...values.flatMap((column) => [`${column} ${year - 1}`, `${column} ${year}`])],
    rows: labels.map((name) => {
      const [before, after] = [valuesOf(previous, name), valuesOf(current, name)];
      return [name, ...values.flatMap((_, index) => [before[index], after[index]])];
    }),
  };
}

export function absReport(previous: Dashboard, current: Dashboard, year: number): AbsReport {
  const indicators: [string, number | null, number | null, 'count' | 'rate'][] = [
    ['Dossiers ouverts', previous.files.opened, current.files.opened, 'count'],
    ['Dossiers archivés', previous.files.archived, current.files.archived, 'count'],
    ['Démarches', previous.procedures.total, current.procedures.total, 'count'],
    ['Démarches faites à la place de la personne', previous.procedures.inPlace, current.procedures.inPlace, 'count'],
    ['Part faite à la place (%)', percent(previous.procedures.inPlaceShare), percent(current.procedures.inPlaceShare), 'rate'],
    ['Heures consacrées aux démarches', hours(previous.procedures.minutes), hours(current.procedures.minutes), 'count'],
    ['Rendez-vous', previous.appointments.booked, current.appointments.booked, 'count'],
    ['Taux d’absence non excusée (%)', percent(previous.appointments.noShowRate), percent(current.appointments.noShowRate), 'rate'],
    ['Taux de repérage numérique des nouveaux dossiers (%)', percent(previous.digitalInclusion.detectionRate), percent(current.digitalInclusion.detectionRate), 'rate'],
    ['Orientations vers un partenaire', previous.digitalInclusion.referralsMade, current.digitalInclusion.referralsMade, 'count'],
    ['Orientations réalisées', previous.digitalInclusion.referralsCompleted, current.digitalInclusion.referralsCompleted, 'count'],
    ['Personnes dont l’autonomie numérique a progressé', previous.digitalInclusion.improved, current.digitalInclusion.improved, 'count'],
  ];
  const [before, after] = [dashboardTables(previous), dashboardTables(current)];
  return {
    title: `Analyse des besoins sociaux — activité ${year}`,
    summary: {
      title: `Synthèse ${year} et ${year - 1}`,
      columns: ['Indicateur', String(year - 1), String(year), 'Évolution'],
      rows: indicators.map(([name, prior, now, kind]) => [
        name,
        prior,
        now,
        kind === 'rate' ? rateChange(prior, now) : countChange(prior ?? 0, now ?? 0),
      ]),
    },
    tables: ABS_TABLES.map((name) => compare(before[name], after[name], year)),
  };
}
