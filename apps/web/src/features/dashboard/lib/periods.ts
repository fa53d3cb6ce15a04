import { monthLabel } from '@ccas/shared';
import dayjs from 'dayjs';

/** How the director chooses a period: a month, a quarter, a year, or two dates. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
}

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: 'Mois', quarter: 'Trimestre', year: 'Année', custom: 'Dates' };

/**
 * The periods offered for a kind, latest first, from the Paris date `today`: the last 24 months,
 * 8 quarters or 3 years, the current one included (up to today's end of period).
 */
export function periodChoices(kind: Exclude<PeriodKind, 'custom'>, today: string): { value: string; label: string; period: Period }[] {
  const now = dayjs(today);
  const count = { month: 24, quarter: 8, year: 3 }[kind];
  return Array.from({ length: count }, (_, back) => {
    const start =
      kind === 'month'
        ? now.startOf('month').subtract(back, 'month')
        : kind === 'quarter'
          ? now.startOf('month').subtract(now.month() % 3, 'month').subtract(back * 3, 'month')
          : now.startOf('year').subtract(back, 'year');
    const end = start.add(kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12, 'month').subtract(1, 'day');
    const period = { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
    const label =
      kind === 'month'
        ? monthLabel(period.from.slice(0, 7))
        : kind === 'quarter'
          ? `${Math.floor(start.month() / 3) + 1}${start.month() === 0 ? 'er' : 'e'} trimestre ${start.year()}`
          : String(start.year());
    return { value: period.from, label, period };
  });
}
