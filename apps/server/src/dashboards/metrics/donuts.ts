import { fromCents } from '@logi/contracts';
import { sql } from 'kysely';
import { categoryNames, periodMonthly } from './sources.ts';
import type { MetricContext, MetricFamily } from './types.ts';

/** Largest slice first; categories with nothing in the period are left out. */
function slices(totals: Map<number, number>, names: Map<number, string>) {
  const sorted = [...totals].filter(([, c]) => c !== 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return {
    labels: sorted.map(([id]) => names.get(id) ?? 'Other'),
    data: sorted.map(([, cents]) => fromCents(cents)),
  };
}

async function ledgerByCategory(mc: MetricContext, type: 'income' | 'expense') {
  const [rows, names] = await Promise.all([periodMonthly(mc), categoryNames(mc)]);
  const totals = new Map<number, number>();
  for (const r of rows)
    if (r.type === type) totals.set(r.category_id, (totals.get(r.category_id) ?? 0) + r.total_cents);
  return slices(totals, names);
}

export const donutMetrics: MetricFamily = {
  expenses_by_category: {
    label: 'Expenses by category',
    compute: (mc) => ledgerByCategory(mc, 'expense'),
  },
  revenue_by_category: {
    label: 'Revenue by category',
    compute: (mc) => ledgerByCategory(mc, 'income'),
  },
  inventory_by_category: {
    label: 'Inventory value by category',
    async compute(mc) {
      const [rows, names] = await Promise.all([
        mc.db
          .selectFrom('materials')
          .select(['category_id', sql<number>`sum(quantity * unit_cost_cents)`.as('cents')])
          .groupBy('category_id')
          .execute(),
        categoryNames(mc),
      ]);
      return slices(new Map(rows.map((r) => [r.category_id, Number(r.cents)])), names);
    },
  },
};
