import { fromCents } from '@logi/contracts';
import { sql } from 'kysely';
import { percentChange, trendMonths } from '../period.ts';
import {
  fromDate,
  type MonthlyRow,
  paidCents,
  pendingPayments,
  periodMonthly,
  sumCents,
  toDate,
  trendMonthly,
} from './sources.ts';
import type { MetricContext, MetricFamily } from './types.ts';

/** A ledger figure over the period, with its real change this month against last month. */
async function ledgerKpi(mc: MetricContext, pick: (rows: readonly MonthlyRow[]) => number) {
  const [rows, trendRows] = await Promise.all([periodMonthly(mc), trendMonthly(mc)]);
  const { current, previous } = trendMonths(mc.now);
  const inMonth = (m: string) => trendRows.filter((r) => r.month === m);
  return {
    value: fromCents(pick(rows)),
    format: 'currency' as const,
    trend: percentChange(pick(inMonth(current)), pick(inMonth(previous))),
  };
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Money actually received or paid out in the period (by paid date), with its monthly trend. */
async function cashKpi(mc: MetricContext, type: 'receivable' | 'payable') {
  const { current, previous } = trendMonths(mc.now);
  const [value, now, before] = await Promise.all([
    paidCents(mc, type, fromDate(mc), toDate(mc)),
    paidCents(mc, type, `${current}-01`, lastDayOf(current)),
    paidCents(mc, type, `${previous}-01`, lastDayOf(previous)),
  ]);
  return { value: fromCents(value), format: 'currency' as const, trend: percentChange(now, before) };
}

const income = (rows: readonly MonthlyRow[]) => sumCents(rows, 'income');
const expense = (rows: readonly MonthlyRow[]) => sumCents(rows, 'expense');

/** Stock figures are a snapshot of now: materials carry no history to bound by a period. */
export const kpiMetrics: MetricFamily = {
  total_revenue: { label: 'Revenue', compute: (mc) => ledgerKpi(mc, income) },
  total_expenses: { label: 'Expenses', compute: (mc) => ledgerKpi(mc, expense) },
  net_profit: { label: 'Net profit', compute: (mc) => ledgerKpi(mc, (r) => income(r) - expense(r)) },
  cash_in: { label: 'Cash in (receivables paid)', compute: (mc) => cashKpi(mc, 'receivable') },
  cash_out: { label: 'Cash out (payables paid)', compute: (mc) => cashKpi(mc, 'payable') },
  pending_payments: {
    label: 'Pending payments',
    async compute(mc) {
      const { cents, count } = await pendingPayments(mc, false);
      return { value: fromCents(cents), format: 'currency', count };
    },
  },
  overdue_payments: {
    label: 'Overdue payments',
    async compute(mc) {
      const { cents, count } = await pendingPayments(mc, true);
      return { value: fromCents(cents), format: 'currency', count, alert: count > 0 };
    },
  },
  total_items: {
    label: 'Materials',
    async compute(mc) {
      const row = await mc.db
        .selectFrom('materials')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { value: Number(row.n), format: 'number' };
    },
  },
  low_stock_count: {
    label: 'Low-stock materials',
    async compute(mc) {
      const row = await mc.db
        .selectFrom('materials')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .whereRef('quantity', '<=', 'min_stock')
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      return { value: n, format: 'number', alert: n > 0 };
    },
  },
  inventory_value: {
    label: 'Inventory value',
    async compute(mc) {
      const row = await mc.db
        .selectFrom('materials')
        .select(sql<number>`coalesce(sum(quantity * unit_cost_cents), 0)`.as('cents'))
        .executeTakeFirstOrThrow();
      return { value: fromCents(Number(row.cents)), format: 'currency' };
    },
  },
  pending_approvals: {
    label: 'Transactions awaiting approval',
    async compute(mc) {
      // Driven by the (small) set of pending approvals, not by the ledger.
      const row = await mc.db
        .selectFrom('approvals as a')
        .innerJoin('transactions as t', 't.id', 'a.transaction_id')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.coalesce(eb.fn.sum<number>('t.amount_cents'), sql<number>`0`).as('cents'),
        ])
        .where('a.status', '=', 'pending')
        .where('t.date', '>=', fromDate(mc))
        .where('t.date', '<=', toDate(mc))
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      return { value: n, format: 'number', count: n, alert: n > 0 };
    },
  },
};
