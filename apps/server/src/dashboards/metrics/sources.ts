import { sql } from 'kysely';
import { monthOf, trendMonths } from '../period.ts';
import type { MetricContext } from './types.ts';

/**
 * Shared reads behind the metrics. Unbounded sides of a period become sentinels that sort before
 * or after every real date, so each query has one shape.
 */
export const fromDate = (mc: MetricContext) => mc.range.from ?? '0000-00-00';
export const toDate = (mc: MetricContext) => mc.range.to ?? '9999-12-31';
export const fromMonth = (mc: MetricContext) => monthOf(fromDate(mc));
export const toMonth = (mc: MetricContext) => monthOf(toDate(mc));

export interface MonthlyRow {
  month: string;
  type: 'income' | 'expense';
  category_id: number;
  total_cents: number;
  tx_count: number;
}

/** Rollup rows of the requested period: months × categories, whatever the size of the ledger. */
export const periodMonthly = (mc: MetricContext): Promise<MonthlyRow[]> =>
  mc.memo('monthly', () =>
    mc.db
      .selectFrom('ledger_monthly')
      .selectAll()
      .where('month', '>=', fromMonth(mc))
      .where('month', '<=', toMonth(mc))
      .orderBy('month')
      .execute(),
  );

/** Rollup rows of this month and last month (for trends, whatever the period). */
export const trendMonthly = (mc: MetricContext): Promise<MonthlyRow[]> =>
  mc.memo('trend', () => {
    const { current, previous } = trendMonths(mc.now);
    return mc.db.selectFrom('ledger_monthly').selectAll().where('month', 'in', [current, previous]).execute();
  });

export const sumCents = (rows: readonly MonthlyRow[], type: 'income' | 'expense'): number =>
  rows.reduce((acc, r) => (r.type === type ? acc + r.total_cents : acc), 0);

export const categoryNames = (mc: MetricContext): Promise<Map<number, string>> =>
  mc.memo('categories', async () => {
    const rows = await mc.db.selectFrom('categories').select(['id', 'name']).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  });

/** Payments settled (by paid date) between two dates, in cents. */
export async function paidCents(
  mc: MetricContext,
  type: 'receivable' | 'payable',
  from: string,
  to: string,
): Promise<number> {
  const row = await mc.db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), sql<number>`0`).as('cents'))
    .where('status', '=', 'paid')
    .where('type', '=', type)
    .where('paid_date', '>=', from)
    .where('paid_date', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.cents);
}

/** Pending payments due in the period (optionally only those already past due), in cents. */
export async function pendingPayments(mc: MetricContext, overdueOnly: boolean) {
  let q = mc.db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), sql<number>`0`).as('cents'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('status', '=', 'pending')
    .where('due_date', '>=', fromDate(mc))
    .where('due_date', '<=', toDate(mc));
  if (overdueOnly) q = q.where('due_date', '<', mc.today);
  const row = await q.executeTakeFirstOrThrow();
  return { cents: Number(row.cents), count: Number(row.count) };
}

/** Receivables due in the period: what was billed (paid + pending) and what came in. */
export const collectionFigures = (mc: MetricContext) =>
  mc.memo('collection', async () => {
    const rows = await mc.db
      .selectFrom('payments')
      .select((eb) => ['status', eb.fn.sum<number>('amount_cents').as('cents')])
      .where('type', '=', 'receivable')
      .where('status', 'in', ['paid', 'pending'])
      .where('due_date', '>=', fromDate(mc))
      .where('due_date', '<=', toDate(mc))
      .groupBy('status')
      .execute();
    const paid = Number(rows.find((r) => r.status === 'paid')?.cents ?? 0);
    const pending = Number(rows.find((r) => r.status === 'pending')?.cents ?? 0);
    return { collected: paid, billed: paid + pending };
  });

/** Budgets of the period's months against the posted spending of the same category and month. */
export const budgetFigures = (mc: MetricContext) =>
  mc.memo('budgets', async () => {
    const row = await mc.db
      .selectFrom('budgets as b')
      .leftJoin('ledger_monthly as m', (join) =>
        join
          .onRef('m.month', '=', 'b.period')
          .onRef('m.category_id', '=', 'b.category_id')
          .on('m.type', '=', 'expense'),
      )
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('b.amount_cents'), sql<number>`0`).as('budget'),
        eb.fn.coalesce(eb.fn.sum<number>('m.total_cents'), sql<number>`0`).as('spent'),
      ])
      .where('b.period', '>=', fromMonth(mc))
      .where('b.period', '<=', toMonth(mc))
      .executeTakeFirstOrThrow();
    return { budget: Number(row.budget), spent: Number(row.spent) };
  });

/** Percentage with one decimal; 0 when there is no base. */
export const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
