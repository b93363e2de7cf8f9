import { type ALERT_FILTERS, fromCents } from '@logi/contracts';
import { categoryNames, fromDate, fromMonth, percentOf, toDate, toMonth } from './sources.ts';
import type { MetricContext, MetricFamily } from './types.ts';

type Filter = (typeof ALERT_FILTERS)[number];
interface Alert {
  type: 'info' | 'warning' | 'error';
  message: string;
  entity_type: string;
  entity_id: string;
}

const MAX_ALERTS = 20;
const PER_SOURCE = MAX_ALERTS;
const money = (cents: number) => fromCents(cents).toFixed(2);

async function lowStock(mc: MetricContext): Promise<Alert[]> {
  const rows = await mc.db
    .selectFrom('materials')
    .select(['id', 'name', 'quantity', 'min_stock', 'unit'])
    .whereRef('quantity', '<=', 'min_stock')
    .orderBy('quantity')
    .orderBy('id')
    .limit(PER_SOURCE)
    .execute();
  return rows.map((m) => ({
    type: m.quantity === 0 ? 'error' : 'warning',
    message: `Low stock: ${m.name} (${m.quantity} ${m.unit}, minimum ${m.min_stock})`,
    entity_type: 'material',
    entity_id: String(m.id),
  }));
}

async function overduePayments(mc: MetricContext): Promise<Alert[]> {
  const rows = await mc.db
    .selectFrom('payments')
    .select(['id', 'reference', 'type', 'amount_cents', 'due_date'])
    .where('status', '=', 'pending')
    .where('due_date', '<', mc.today)
    .where('due_date', '>=', fromDate(mc))
    .where('due_date', '<=', toDate(mc))
    .orderBy('due_date')
    .orderBy('id')
    .limit(PER_SOURCE)
    .execute();
  return rows.map((p) => ({
    type: 'error',
    message: `Overdue ${p.type}: ${p.reference}, ${money(p.amount_cents)} due ${p.due_date}`,
    entity_type: 'payment',
    entity_id: String(p.id),
  }));
}

async function budgetThresholds(mc: MetricContext): Promise<Alert[]> {
  const [rows, names] = await Promise.all([
    mc.db
      .selectFrom('budgets as b')
      .leftJoin('ledger_monthly as m', (join) =>
        join
          .onRef('m.month', '=', 'b.period')
          .onRef('m.category_id', '=', 'b.category_id')
          .on('m.type', '=', 'expense'),
      )
      .select(['b.id', 'b.category_id', 'b.period', 'b.amount_cents', 'b.thresholds', 'm.total_cents'])
      .where('b.period', '>=', fromMonth(mc))
      .where('b.period', '<=', toMonth(mc))
      .orderBy('b.period', 'desc')
      .orderBy('b.id')
      .execute(),
    categoryNames(mc),
  ]);
  const alerts: Alert[] = [];
  for (const b of rows) {
    const used = percentOf(Number(b.total_cents ?? 0), b.amount_cents);
    const crossed = (JSON.parse(b.thresholds) as number[]).filter((t) => used >= t);
    const highest = crossed.length ? Math.max(...crossed) : null;
    if (highest === null) continue;
    alerts.push({
      type: used >= 100 ? 'error' : 'warning',
      message: `Budget ${names.get(b.category_id) ?? 'Other'} ${b.period}: ${used}% used (passed ${highest}%)`,
      entity_type: 'budget',
      entity_id: String(b.id),
    });
  }
  return alerts;
}

async function approvalsWaiting(mc: MetricContext): Promise<Alert[]> {
  const rows = await mc.db
    .selectFrom('approvals as a')
    .innerJoin('transactions as t', 't.id', 'a.transaction_id')
    .select(['a.id', 't.description', 't.amount_cents', 't.date'])
    .where('a.status', '=', 'pending')
    .where('t.date', '>=', fromDate(mc))
    .where('t.date', '<=', toDate(mc))
    .orderBy('a.id')
    .limit(PER_SOURCE)
    .execute();
  return rows.map((a) => ({
    type: 'info',
    message: `Approval waiting: ${a.description || 'transaction'} of ${money(a.amount_cents)} on ${a.date}`,
    entity_type: 'approval',
    entity_id: String(a.id),
  }));
}

const SOURCES: Record<Filter, (mc: MetricContext) => Promise<Alert[]>> = {
  inventory: lowStock,
  payments: overduePayments,
  budgets: budgetThresholds,
  approvals: approvalsWaiting,
};
const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

export const alertMetrics: MetricFamily = {
  alerts: {
    label: 'Alerts (low stock, overdue payments, budgets, approvals)',
    async compute(mc) {
      const filters = mc.config.filter ? [mc.config.filter] : (Object.keys(SOURCES) as Filter[]);
      const lists = await Promise.all(filters.map((f) => SOURCES[f](mc)));
      // Most severe first; the sort is stable, so each source keeps its own order.
      const alerts = lists.flat().sort((a, b) => SEVERITY[a.type] - SEVERITY[b.type]);
      return { alerts: alerts.slice(0, MAX_ALERTS) };
    },
  },
};
