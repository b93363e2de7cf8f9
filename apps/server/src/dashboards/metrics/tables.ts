import { fromCents } from '@logi/contracts';
import { later } from '../period.ts';
import { categoryNames, fromDate, periodMonthly, toDate } from './sources.ts';
import type { MetricFamily } from './types.ts';

const ROWS = 10;

export const tableMetrics: MetricFamily = {
  recent_transactions: {
    label: 'Recent transactions',
    async compute(mc) {
      // Walks the (date, id) index backwards: cost is the page size, not the ledger size.
      const [rows, names] = await Promise.all([
        mc.db
          .selectFrom('transactions')
          .select(['id', 'date', 'description', 'type', 'category_id', 'amount_cents'])
          .where('status', '=', 'posted')
          .where('date', '>=', fromDate(mc))
          .where('date', '<=', toDate(mc))
          .orderBy('date', 'desc')
          .orderBy('id', 'desc')
          .limit(ROWS)
          .execute(),
        categoryNames(mc),
      ]);
      return {
        columns: [
          { key: 'date', label: 'Date', format: 'date' },
          { key: 'description', label: 'Description' },
          { key: 'category', label: 'Category' },
          { key: 'type', label: 'Type' },
          { key: 'amount', label: 'Amount', format: 'currency' },
        ],
        rows: rows.map((r) => ({
          id: String(r.id),
          date: r.date,
          description: r.description,
          category: names.get(r.category_id) ?? 'Other',
          type: r.type,
          amount: fromCents(r.amount_cents),
        })),
      };
    },
  },
  top_expenses: {
    label: 'Top expense categories',
    async compute(mc) {
      const [rows, names] = await Promise.all([periodMonthly(mc), categoryNames(mc)]);
      const totals = new Map<number, { cents: number; count: number }>();
      for (const r of rows) {
        if (r.type !== 'expense') continue;
        const t = totals.get(r.category_id) ?? { cents: 0, count: 0 };
        totals.set(r.category_id, { cents: t.cents + r.total_cents, count: t.count + r.tx_count });
      }
      const all = [...totals.values()].reduce((a, t) => a + t.cents, 0);
      const top = [...totals].sort((a, b) => b[1].cents - a[1].cents || a[0] - b[0]).slice(0, ROWS);
      return {
        columns: [
          { key: 'category', label: 'Category' },
          { key: 'amount', label: 'Amount', format: 'currency' },
          { key: 'share', label: 'Share', format: 'percent' },
          { key: 'count', label: 'Transactions', format: 'number' },
        ],
        rows: top.map(([id, t]) => ({
          category: names.get(id) ?? 'Other',
          amount: fromCents(t.cents),
          share: all === 0 ? 0 : Math.round((t.cents / all) * 1000) / 10,
          count: t.count,
        })),
      };
    },
  },
  low_stock_materials: {
    label: 'Materials at or below minimum stock',
    async compute(mc) {
      const rows = await mc.db
        .selectFrom('materials')
        .select(['id', 'reference', 'name', 'quantity', 'min_stock', 'unit'])
        .whereRef('quantity', '<=', 'min_stock')
        .orderBy('quantity')
        .orderBy('id')
        .limit(50)
        .execute();
      return {
        columns: [
          { key: 'reference', label: 'Reference' },
          { key: 'name', label: 'Name' },
          { key: 'quantity', label: 'In stock', format: 'number' },
          { key: 'min_stock', label: 'Minimum', format: 'number' },
          { key: 'unit', label: 'Unit' },
        ],
        rows: rows.map((r) => ({ ...r, id: String(r.id) })),
      };
    },
  },
  upcoming_payments: {
    label: 'Upcoming payments',
    async compute(mc) {
      const from = later(fromDate(mc), mc.today);
      const rows = await mc.db
        .selectFrom('payments')
        .select(['id', 'due_date', 'reference', 'type', 'amount_cents', 'description'])
        .where('status', '=', 'pending')
        .where('due_date', '>=', from)
        .where('due_date', '<=', toDate(mc))
        .orderBy('due_date')
        .orderBy('id')
        .limit(ROWS)
        .execute();
      return {
        columns: [
          { key: 'due_date', label: 'Due', format: 'date' },
          { key: 'reference', label: 'Reference' },
          { key: 'type', label: 'Type' },
          { key: 'description', label: 'Description' },
          { key: 'amount', label: 'Amount', format: 'currency' },
        ],
        rows: rows.map(({ amount_cents, id, ...r }) => ({
          ...r,
          id: String(id),
          amount: fromCents(amount_cents),
        })),
      };
    },
  },
};
