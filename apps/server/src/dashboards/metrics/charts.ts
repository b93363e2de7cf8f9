import { fromCents } from '@logi/contracts';
import { sql } from 'kysely';
import { earlier, monthOf, monthsBetween } from '../period.ts';
import {
  categoryNames,
  fromDate,
  fromMonth,
  type MonthlyRow,
  periodMonthly,
  toDate,
  toMonth,
} from './sources.ts';
import type { MetricContext, MetricFamily } from './types.ts';

/**
 * The months a trend chart shows: the whole period up to this month (or to the last month with
 * data, if later); for "all", from the first month with data.
 */
function chartMonths(mc: MetricContext, rows: readonly MonthlyRow[]): string[] {
  const firstData = rows[0]?.month;
  const lastData = rows.at(-1)?.month;
  const current = monthOf(mc.today);
  const first = mc.range.from ? fromMonth(mc) : firstData;
  if (!first) return [];
  const latest = lastData && lastData > current ? lastData : current;
  const last = earlier(toMonth(mc), latest);
  return monthsBetween(first, last);
}

function monthlySeries(rows: readonly MonthlyRow[], months: string[], type: 'income' | 'expense') {
  const byMonth = new Map<string, number>();
  for (const r of rows)
    if (r.type === type) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.total_cents);
  return months.map((m) => fromCents(byMonth.get(m) ?? 0));
}

async function trendChart(mc: MetricContext, series: { label: string; type: 'income' | 'expense' }[]) {
  const rows = await periodMonthly(mc);
  const labels = chartMonths(mc, rows);
  return {
    labels,
    datasets: series.map((s) => ({ label: s.label, data: monthlySeries(rows, labels, s.type) })),
  };
}

export const chartMetrics: MetricFamily = {
  revenue_trend: {
    label: 'Revenue by month',
    compute: (mc) => trendChart(mc, [{ label: 'Revenue', type: 'income' }]),
  },
  expense_trend: {
    label: 'Expenses by month',
    compute: (mc) => trendChart(mc, [{ label: 'Expenses', type: 'expense' }]),
  },
  cash_flow_trend: {
    label: 'Income and expenses by month',
    compute: (mc) =>
      trendChart(mc, [
        { label: 'Income', type: 'income' },
        { label: 'Expense', type: 'expense' },
      ]),
  },
  stock_by_category: {
    label: 'Stock by material category',
    async compute(mc) {
      const [rows, names] = await Promise.all([
        mc.db
          .selectFrom('materials')
          .select((eb) => [
            'category_id',
            eb.fn.sum<number>('quantity').as('quantity'),
            sql<number>`sum(quantity * unit_cost_cents)`.as('cents'),
          ])
          .groupBy('category_id')
          .orderBy('category_id')
          .execute(),
        categoryNames(mc),
      ]);
      return {
        labels: rows.map((r) => names.get(r.category_id) ?? 'Other'),
        datasets: [
          { label: 'Quantity', data: rows.map((r) => Number(r.quantity)) },
          { label: 'Value', data: rows.map((r) => fromCents(Number(r.cents))) },
        ],
      };
    },
  },
  payments_by_status: {
    label: 'Payments by status (due in period)',
    async compute(mc) {
      const rows = await mc.db
        .selectFrom('payments')
        .select((eb) => ['type', 'status', eb.fn.sum<number>('amount_cents').as('cents')])
        .where('due_date', '>=', fromDate(mc))
        .where('due_date', '<=', toDate(mc))
        .groupBy(['type', 'status'])
        .execute();
      const statuses = ['pending', 'paid', 'cancelled'] as const;
      const series = (type: 'receivable' | 'payable') =>
        statuses.map((s) =>
          fromCents(Number(rows.find((r) => r.type === type && r.status === s)?.cents ?? 0)),
        );
      return {
        labels: [...statuses],
        datasets: [
          { label: 'Receivables', data: series('receivable') },
          { label: 'Payables', data: series('payable') },
        ],
      };
    },
  },
};
