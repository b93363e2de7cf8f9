import { sql } from 'kysely';
import type { Engine, Executor, Tx } from '../db/index.ts';
import type { TransactionRow } from '../db/schema.ts';
import type { DomainEvent } from '../platform/domain-events.ts';

/**
 * What the anomaly rule knows of a category: count, sum and sum of squares of its posted amounts.
 * Kept like the ledger rollups (every posted row's contribution moves out and in with each change,
 * in the writer's transaction), so the rule costs one primary-key read however long the history.
 */
export interface AmountStats {
  count: number;
  mean: number;
  std: number;
}

export async function amountStats(tx: Executor, categoryId: number): Promise<AmountStats | null> {
  const row = await tx
    .selectFrom('category_amount_stats')
    .select(['tx_count', 'total_cents', 'sum_sq'])
    .where('category_id', '=', categoryId)
    .executeTakeFirst();
  if (!row || row.tx_count <= 0) return null;
  const n = Number(row.tx_count);
  const mean = Number(row.total_cents) / n;
  // Population variance E[x²] − mean²; rounding can leave a hair below zero when all are equal.
  const variance = Math.max(0, Number(row.sum_sq) / n - mean * mean);
  return { count: n, mean, std: Math.sqrt(variance) };
}

interface Delta {
  count: number;
  cents: number;
  sq: number;
}

function add(map: Map<number, Delta>, row: TransactionRow | null, sign: 1 | -1): void {
  if (row?.status !== 'posted') return;
  const d = map.get(row.category_id) ?? { count: 0, cents: 0, sq: 0 };
  d.count += sign;
  d.cents += sign * row.amount_cents;
  d.sq += sign * row.amount_cents * row.amount_cents;
  map.set(row.category_id, d);
}

/** Moves a transaction change's contribution (posted rows only) in and out of the statistics. */
export async function applyAmountStats(tx: Executor, event: DomainEvent): Promise<void> {
  if (
    event.type !== 'transaction.created' &&
    event.type !== 'transaction.updated' &&
    event.type !== 'transaction.deleted'
  )
    return;
  const deltas = new Map<number, Delta>();
  add(deltas, event.before, -1);
  add(deltas, event.after, 1);
  for (const [category_id, d] of deltas) {
    if (d.count === 0 && d.cents === 0) continue;
    await tx
      .insertInto('category_amount_stats')
      .values({ category_id, tx_count: d.count, total_cents: d.cents, sum_sq: d.sq })
      .onConflict((oc) =>
        oc.column('category_id').doUpdateSet((eb) => ({
          tx_count: eb('category_amount_stats.tx_count', '+', eb.ref('excluded.tx_count')),
          total_cents: eb('category_amount_stats.total_cents', '+', eb.ref('excluded.total_cents')),
          sum_sq: eb('category_amount_stats.sum_sq', '+', eb.ref('excluded.sum_sq')),
        })),
      )
      .execute();
  }
}

/** Recomputes the statistics from the ledger (after seeding, or to repair float drift). */
export async function rebuildAmountStats(tx: Tx, engine: Engine): Promise<void> {
  await tx.deleteFrom('category_amount_stats').execute();
  const square =
    engine === 'postgres'
      ? sql`sum(amount_cents::double precision * amount_cents)`
      : sql`sum(cast(amount_cents as real) * amount_cents)`;
  await sql`insert into category_amount_stats (category_id, tx_count, total_cents, sum_sq)
    select category_id, count(*), sum(amount_cents), ${square}
    from transactions where status = 'posted' group by category_id`.execute(tx);
}
