import { fromCents } from '@logi/contracts';
import { daysBetween, earlier, later } from '../period.ts';
import { fromDate, toDate } from './sources.ts';
import type { MetricContext, MetricFamily } from './types.ts';

const DAYS = 30;

/** Daily totals of the last 30 days (today included), within the requested period. */
async function daily(mc: MetricContext, type: 'income' | 'expense') {
  const start = new Date(Date.parse(`${mc.today}T00:00:00Z`) - (DAYS - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const first = later(start, fromDate(mc));
  const last = earlier(mc.today, toDate(mc));
  const labels = first <= last ? daysBetween(first, last) : [];
  const rows = await mc.db
    .selectFrom('ledger_daily')
    .select(['day', 'total_cents'])
    .where('type', '=', type)
    .where('day', '>=', first)
    .where('day', '<=', last)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r.total_cents]));
  return { labels, data: labels.map((d) => fromCents(byDay.get(d) ?? 0)) };
}

export const sparklineMetrics: MetricFamily = {
  daily_revenue: { label: 'Daily revenue, last 30 days', compute: (mc) => daily(mc, 'income') },
  daily_expenses: { label: 'Daily expenses, last 30 days', compute: (mc) => daily(mc, 'expense') },
};
