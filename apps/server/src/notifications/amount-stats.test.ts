import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TestUser, useTestApp } from '../test/harness.ts';

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

const amount = fc.integer({ min: 1, max: 1_500_000 }); // a third reach the approval threshold
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), cents: amount, cat: fc.nat(1) }),
  fc.record({ kind: fc.constant('amount' as const), pick: fc.nat(), cents: amount }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), cat: fc.nat(1) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), approve: fc.boolean() }),
);
type Op = typeof op extends fc.Arbitrary<infer O> ? O : never;

describe('anomaly statistics', () => {
  const t = useTestApp();

  it('equal a full recomputation after any sequence of inserts, updates, deletes and approvals', async () => {
    const admin: TestUser = await t().newUser('admin');
    const call = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      t().app.inject({ method, url: `/api/v1${url}`, headers: admin.auth, payload });
    const cats = [
      (await call('POST', '/categories', { name: 'E1', type: 'expense' })).json().id,
      (await call('POST', '/categories', { name: 'E2', type: 'expense' })).json().id,
    ];
    const ids: string[] = [];
    async function run(o: Op) {
      if (o.kind === 'create') {
        const body = { type: 'expense', amount: o.cents / 100, category_id: cats[o.cat], date: '2026-06-01' };
        ids.push((await call('POST', '/transactions', body)).json().id);
        return;
      }
      if (o.kind === 'decide') {
        const pending = (
          await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth })
        ).json().approvals;
        const a = pending[o.pick % Math.max(pending.length, 1)];
        if (a) await call('POST', `/approvals/${a.id}/${o.approve ? 'approve' : 'reject'}`);
        return;
      }
      const id = ids[o.pick % Math.max(ids.length, 1)];
      if (!id) return;
      if (o.kind === 'amount') await call('PUT', `/transactions/${id}`, { amount: o.cents / 100 });
      if (o.kind === 'move') await call('PUT', `/transactions/${id}`, { category_id: cats[o.cat] });
      if (o.kind === 'delete') {
        await call('DELETE', `/transactions/${id}`);
        ids.splice(ids.indexOf(id), 1);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), async (ops) => {
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
