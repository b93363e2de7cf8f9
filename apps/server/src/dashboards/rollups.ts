import { sql } from 'kysely';
import type { Executor, Tx } from '../db/index.ts';
import type { TransactionRow } from '../db/schema.ts';
import type { DomainEvent } from '../platform/domain-events.ts';
import type { DomainEvents } from '../platform/unit-of-work.ts';

/**
 * Ledger rollups: posted transactions summed per (month, type, category) and per (day, type).
 * Every change to a transaction moves its old contribution out and its new one in, inside the
 * writer's own database transaction, so the rollups are never out of step with the ledger.
 */

interface Delta {
  cents: number;
  count: number;
}

/** Only posted rows count: pending approval and rejected ones contribute nothing. */
function contributions(row: TransactionRow | null, sign: 1 | -1) {
  if (row?.status !== 'posted') return [];
  return [{ row, delta: { cents: sign * row.amount_cents, count: sign } }];
}

function addTo(map: Map<string, Delta>, key: string, d: Delta): void {
  const prev = map.get(key) ?? { cents: 0, count: 0 };
  map.set(key, { cents: prev.cents + d.cents, count: prev.count + d.count });
}

export async function applyTransactionChange(
  tx: Executor,
  before: TransactionRow | null,
  after: TransactionRow | null,
): Promise<void> {
  const monthly = new Map<string, Delta>();
  const daily = new Map<string, Delta>();
  for (const { row, delta } of [...contributions(before, -1), ...contributions(after, 1)]) {
    addTo(monthly, JSON.stringify([row.date.slice(0, 7), row.type, row.category_id]), delta);
    addTo(daily, JSON.stringify([row.date, row.type]), delta);
  }
  // Edits that leave a key's contribution unchanged (a new description) write nothing.
  for (const [key, d] of monthly) {
    if (d.cents === 0 && d.count === 0) continue;
    const [month, type, category_id] = JSON.parse(key) as [string, 'income' | 'expense', number];
    await tx
      .insertInto('ledger_monthly')
      .values({ month, type, category_id, total_cents: d.cents, tx_count: d.count })
      .onConflict((oc) =>
        oc.columns(['month', 'type', 'category_id']).doUpdateSet((eb) => ({
          total_cents: eb('ledger_monthly.total_cents', '+', eb.ref('excluded.total_cents')),
          tx_count: eb('ledger_monthly.tx_count', '+', eb.ref('excluded.tx_count')),
        })),
      )
      .execute();
    if (d.count < 0) {
      await tx
        .deleteFrom('ledger_monthly')
        .where('month', '=', month)
        .where('type', '=', type)
        .where('category_id', '=', category_id)
        .where('tx_count', '=', 0)
        .execute();
    }
  }
  for (const [key, d] of daily) {
    if (d.cents === 0 && d.count === 0) continue;
    const [day, type] = JSON.parse(key) as [string, 'income' | 'expense'];
    await tx
      .insertInto('ledger_daily')
      .values({ day, type, total_cents: d.cents, tx_count: d.count })
      .onConflict((oc) =>
        oc.columns(['day', 'type']).doUpdateSet((eb) => ({
          total_cents: eb('ledger_daily.total_cents', '+', eb.ref('excluded.total_cents')),
          tx_count: eb('ledger_daily.tx_count', '+', eb.ref('excluded.tx_count')),
        })),
      )
      .execute();
    if (d.count < 0) {
      await tx
        .deleteFrom('ledger_daily')
        .where('day', '=', day)
        .where('type', '=', type)
        .where('tx_count', '=', 0)
        .execute();
    }
  }
}

/** Recomputes both rollups from the ledger (after seeding, or to repair). */
export async function rebuildRollups(tx: Tx): Promise<void> {
  await tx.deleteFrom('ledger_monthly').execute();
  await tx.deleteFrom('ledger_daily').execute();
  const month = sql<string>`substr(date, 1, 7)`;
  await tx
    .insertInto('ledger_monthly')
    .columns(['month', 'type', 'category_id', 'total_cents', 'tx_count'])
    .expression(
      tx
        .selectFrom('transactions')
        .select((eb) => [
          month.as('month'),
          'type',
          'category_id',
          eb.fn.sum<number>('amount_cents').as('total_cents'),
          eb.fn.countAll<number>().as('tx_count'),
        ])
        .where('status', '=', 'posted')
        .groupBy([month, 'type', 'category_id']),
    )
    .execute();
  await tx
    .insertInto('ledger_daily')
    .columns(['day', 'type', 'total_cents', 'tx_count'])
    .expression(
      tx
        .selectFrom('transactions')
        .select((eb) => [
          'date',
          'type',
          eb.fn.sum<number>('amount_cents').as('total_cents'),
          eb.fn.countAll<number>().as('tx_count'),
        ])
        .where('status', '=', 'posted')
        .groupBy(['date', 'type']),
    )
    .execute();
}

function transactionChange(event: DomainEvent) {
  switch (event.type) {
    case 'transaction.created':
    case 'transaction.updated':
    case 'transaction.deleted':
      return event;
    default:
      return null;
  }
}

export function registerRollups(events: DomainEvents): void {
  events.onTransaction(async (uow, event) => {
    const change = transactionChange(event);
    if (change) await applyTransactionChange(uow.tx, change.before, change.after);
  });
  events.onRebuild(rebuildRollups);
}
