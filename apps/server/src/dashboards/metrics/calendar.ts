import { fromCents } from '@logi/contracts';
import { fromDate, toDate } from './sources.ts';
import type { MetricFamily } from './types.ts';

const MAX_EVENTS = 200;

export const calendarMetrics: MetricFamily = {
  payment_due_dates: {
    label: 'Payment due dates',
    async compute(mc) {
      const rows = await mc.db
        .selectFrom('payments')
        .select(['id', 'due_date', 'reference', 'type', 'amount_cents'])
        .where('status', '=', 'pending')
        .where('due_date', '>=', fromDate(mc))
        .where('due_date', '<=', toDate(mc))
        .orderBy('due_date')
        .orderBy('id')
        .limit(MAX_EVENTS)
        .execute();
      return {
        events: rows.map((r) => ({
          date: r.due_date,
          title: `${r.reference}: ${fromCents(r.amount_cents).toFixed(2)} ${r.type === 'receivable' ? 'to collect' : 'to pay'}${r.due_date < mc.today ? ' (overdue)' : ''}`,
          type: r.type,
          entity_type: 'payment',
          entity_id: String(r.id),
        })),
      };
    },
  },
};
