import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { ledgerDriver, ledgerOps } from '../test/ledger-ops.ts';

type T = ReturnType<ReturnType<typeof useTestApp>>;

/** Count, sum and sum of squares of posted amounts per category, recomputed in plain code. */
async function expected(t: T) {
  const rows = await t.app.ctx.db
    .selectFrom('transactions')
    .selectAll()
    .where('status', '=', 'posted')
    .execute();
  const m = new Map<number, { n: number; sum: number; sq: number }>();
  for (const r of rows) {
    const v = m.get(r.category_id) ?? { n: 0, sum: 0, sq: 0 };
    m.set(r.category_id, { n: v.n + 1, sum: v.sum + r.amount_cents, sq: v.sq + r.amount_cents ** 2 });
  }
  return [...m].map(([c, v]) => `${c}=${v.n}/${v.sum}/${v.sq}`).sort();
}

async function stored(t: T) {
  const rows = await t.app.ctx.db.selectFrom('category_amount_stats').selectAll().execute();
  return rows
    .filter((r) => Number(r.tx_count) !== 0)
    .map((r) => `${r.category_id}=${Number(r.tx_count)}/${Number(r.total_cents)}/${Number(r.sum_sq)}`)
    .sort();
}

describe('anomaly statistics', () => {
  const t = useTestApp();

  it('equal a full recomputation after any sequence of inserts, updates, deletes and approvals', async () => {
    const run = await ledgerDriver(t());
    await fc.assert(
      fc.asyncProperty(ledgerOps, async (ops) => {
        for (const o of ops) await run(o);
        expect(await stored(t())).toEqual(await expected(t()));
      }),
      { numRuns: 20 },
    );
    const before = await stored(t());
    await t().app.ctx.events.rebuildDerived();
    expect(await stored(t())).toEqual(before);
  }, 120_000);
});
