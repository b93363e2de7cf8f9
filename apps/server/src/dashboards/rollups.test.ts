import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TestUser, useTestApp } from '../test/harness.ts';

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

const DATES = ['2026-05-31', '2026-06-01', '2026-06-15', '2026-07-01'];
// Cents; about a third of them reach the 10,000.00 approval threshold.
const amount = fc.integer({ min: 1, max: 1_500_000 });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    income: fc.boolean(),
    cents: amount,
    date: fc.constantFrom(...DATES),
    cat: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('amount' as const), pick: fc.nat(), cents: amount }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    date: fc.constantFrom(...DATES),
    cat: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('flip' as const), pick: fc.nat(), cat: fc.nat(1) }),
  fc.record({ kind: fc.constant('describe' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), approve: fc.boolean() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe('ledger rollups', () => {
  const t = useTestApp();

  it('equal a full recomputation after any sequence of inserts, updates, deletes and approvals', async () => {
    const admin: TestUser = await t().newUser('admin');
    const call = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      t().app.inject({ method, url: `/api/v1${url}`, headers: admin.auth, payload });
    const cats = {
      income: [
        (await call('POST', '/categories', { name: 'I1', type: 'income' })).json().id,
        (await call('POST', '/categories', { name: 'I2', type: 'income' })).json().id,
      ],
      expense: [
        (await call('POST', '/categories', { name: 'E1', type: 'expense' })).json().id,
        (await call('POST', '/categories', { name: 'M1', type: 'material' })).json().id,
      ],
    };
    const ids: string[] = [];
    const pickId = (n: number) => ids[n % ids.length];

    async function run(o: Op) {
      if (o.kind === 'create') {
        const type = o.income ? 'income' : 'expense';
        const res = await call('POST', '/transactions', {
          type,
          amount: o.cents / 100,
          category_id: cats[type][o.cat],
          date: o.date,
        });
        ids.push(res.json().id);
        return;
      }
      const id = pickId(o.pick);
      if (!id) return;
      const current = (
        await t().app.inject({ url: `/api/v1/transactions/${id}`, headers: admin.auth })
      ).json();
      if (o.kind === 'amount') await call('PUT', `/transactions/${id}`, { amount: o.cents / 100 });
      if (o.kind === 'move')
        await call('PUT', `/transactions/${id}`, {
          date: o.date,
          category_id: cats[current.type as 'income'][o.cat],
        });
      if (o.kind === 'flip') {
        const type = current.type === 'income' ? 'expense' : 'income';
        await call('PUT', `/transactions/${id}`, { type, category_id: cats[type][o.cat] });
      }
      if (o.kind === 'describe') await call('PUT', `/transactions/${id}`, { description: `d${o.pick}` });
      if (o.kind === 'delete') {
        await call('DELETE', `/transactions/${id}`);
        ids.splice(ids.indexOf(id), 1);
      }
      if (o.kind === 'decide') {
        const pending = (
          await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth })
        ).json().approvals;
        const a = pending[o.pick % Math.max(pending.length, 1)];
        if (a) await call('POST', `/approvals/${a.id}/${o.approve ? 'approve' : 'reject'}`);
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), async (ops) => {
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
