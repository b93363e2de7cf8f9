import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { ledgerDriver, ledgerOps } from '../test/ledger-ops.ts';

/** Recomputes both rollups from the ledger in plain code: the oracle the stored rollups must equal. */
async function expected(t: ReturnType<ReturnType<typeof useTestApp>>) {
  const rows = await t.app.ctx.db
    .selectFrom('transactions')
    .selectAll()
    .where('status', '=', 'posted')
    .execute();
  const monthly = new Map<string, { cents: number; count: number }>();
  const daily = new Map<string, { cents: number; count: number }>();
  for (const r of rows) {
    for (const [map, key] of [
      [monthly, `${r.date.slice(0, 7)}|${r.type}|${r.category_id}`],
      [daily, `${r.date}|${r.type}`],
    ] as const) {
      const v = map.get(key) ?? { cents: 0, count: 0 };
      map.set(key, { cents: v.cents + r.amount_cents, count: v.count + 1 });
    }
  }
  const flat = (m: Map<string, { cents: number; count: number }>) =>
    [...m].map(([k, v]) => `${k}=${v.cents}/${v.count}`).sort();
  return { monthly: flat(monthly), daily: flat(daily) };
}

async function stored(t: ReturnType<ReturnType<typeof useTestApp>>) {
  const m = await t.app.ctx.db.selectFrom('ledger_monthly').selectAll().execute();
  const d = await t.app.ctx.db.selectFrom('ledger_daily').selectAll().execute();
  return {
    monthly: m
      .map((r) => `${r.month}|${r.type}|${r.category_id}=${Number(r.total_cents)}/${Number(r.tx_count)}`)
      .sort(),
    daily: d.map((r) => `${r.day}|${r.type}=${Number(r.total_cents)}/${Number(r.tx_count)}`).sort(),
  };
}

describe('ledger rollups', () => {
  const t = useTestApp();

  it('equal a full recomputation after any sequence of inserts, updates, deletes and approvals', async () => {
    const run = await ledgerDriver(t());
    await fc.assert(
      fc.asyncProperty(ledgerOps, async (ops) => {
        for (const o of ops) await run(o);
        expect(await stored(t())).toEqual(await expected(t()));
      }),
      { numRuns: 25 },
    );
    // The rebuild path (used after seeding) lands on the same rows.
    const before = await stored(t());
    await t().app.ctx.events.rebuildDerived();
    expect(await stored(t())).toEqual(before);
  }, 120_000);

  it('counts a transaction only once it is posted', async () => {
    const admin = await t().newUser('admin');
    const call = (method: 'POST' | 'PUT', url: string, payload?: object) =>
      t().app.inject({ method, url: `/api/v1${url}`, headers: admin.auth, payload });
    const cat = (await call('POST', '/categories', { name: 'Sales', type: 'income' })).json().id;
    const big = (
      await call('POST', '/transactions', {
        type: 'income',
        amount: 12_000,
        category_id: cat,
        date: '2026-06-03',
      })
    ).json();
    expect(big.status).toBe('pending_approval');
    expect((await stored(t())).monthly).toEqual([]);
    const pending = (
      await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth })
    ).json().approvals;
    await call('POST', `/approvals/${pending[0].id}/approve`);
    expect((await stored(t())).monthly).toEqual([`2026-06|income|${cat}=1200000/1`]);
    expect((await stored(t())).daily).toEqual(['2026-06-03|income=1200000/1']);
  });
});
