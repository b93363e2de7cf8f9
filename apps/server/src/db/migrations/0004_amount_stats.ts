import { sql } from 'kysely';
import type { EngineMigration } from './helpers.ts';
import { moneyType, notNull, refType } from './helpers.ts';

/**
 * Per-category statistics of posted amounts (count, sum, sum of squares) kept in the writer's
 * transaction, so the anomaly rule reads one row instead of a category's history. Filled from the
 * existing ledger here; kept up to date by the notifications module from then on.
 */
export const amountStats: EngineMigration = {
  async up(db, engine) {
    const ref = refType(engine);
    await db.schema
      .createTable('category_amount_stats')
      .addColumn('category_id', ref, (c) => c.primaryKey())
      .addColumn('tx_count', ref, notNull)
      .addColumn('total_cents', moneyType(engine), notNull)
      // Squares of cents outgrow 64-bit integers; a double keeps ~16 significant digits, which is
      // far more than a 3-standard-deviation test needs.
      .addColumn('sum_sq', engine === 'postgres' ? 'double precision' : 'real', notNull)
      .execute();
    const square =
      engine === 'postgres'
        ? sql`sum(amount_cents::double precision * amount_cents)`
        : sql`sum(cast(amount_cents as real) * amount_cents)`;
    await sql`insert into category_amount_stats (category_id, tx_count, total_cents, sum_sq)
      select category_id, count(*), sum(amount_cents), ${square}
      from transactions where status = 'posted' group by category_id`.execute(db);
  },
};
