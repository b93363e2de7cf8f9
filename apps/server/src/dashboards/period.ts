import type { Period } from '@logi/contracts';

/** Inclusive date bounds (`YYYY-MM-DD`); null means unbounded on that side. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** First day of the month `offset` months from (year, month0), as `YYYY-MM-DD`. */
const monthStart = (year: number, month0: number, offset = 0): string => {
  const d = new Date(Date.UTC(year, month0 + offset, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};
/** Last day of the month `offset` months from (year, month0). */
const monthEnd = (year: number, month0: number, offset = 0): string =>
  new Date(Date.UTC(year, month0 + offset + 1, 0)).toISOString().slice(0, 10);

/** The calendar bounds of a period, seen from `now` (UTC). */
export function periodRange(period: Period, now: Date): DateRange {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (period) {
    case 'this_month':
      return { from: monthStart(y, m), to: monthEnd(y, m) };
    case 'last_month':
      return { from: monthStart(y, m, -1), to: monthEnd(y, m, -1) };
    case 'this_quarter': {
      const q = m - (m % 3);
      return { from: monthStart(y, q), to: monthEnd(y, q, 2) };
    }
    case 'this_year':
      return { from: monthStart(y, 0), to: monthEnd(y, 11) };
    case 'last_12_months':
      return { from: monthStart(y, m, -11), to: monthEnd(y, m) };
    case 'all':
      return { from: null, to: null };
  }
}

export const monthOf = (date: string): string => date.slice(0, 7);

/** `YYYY-MM` of this month and the one before: the two ends of a KPI trend. */
export function trendMonths(now: Date): { current: string; previous: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return { current: monthOf(monthStart(y, m)), previous: monthOf(monthStart(y, m, -1)) };
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const label = `${y}-${pad(m)}`;
    if (label > last) break;
    out.push(label);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Every day from `first` to `last` inclusive (`YYYY-MM-DD`). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && out.length < 4000; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Percentage change from `previous` to `current`, one decimal; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** The earlier / later of two ISO dates or months (they sort as strings). */
export const earlier = (a: string, b: string): string => (a <= b ? a : b);
export const later = (a: string, b: string): string => (a >= b ? a : b);
