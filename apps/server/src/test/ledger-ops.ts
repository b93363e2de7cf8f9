import fc from 'fast-check';
import type { TestApp } from './harness.ts';

const DATES = ['2026-05-31', '2026-06-01', '2026-06-15', '2026-07-01'];
// Cents; about a third of them reach the 10,000.00 approval threshold.
const amount = fc.integer({ min: 1, max: 1_500_000 });

/**
 * One change to the ledger through the API — what every table derived from it (rollups, amount
 * statistics) must follow: new transactions, edits of each field that counts, deletes, approvals.
 */
export const ledgerOp = fc.oneof(
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
export type LedgerOp = typeof ledgerOp extends fc.Arbitrary<infer T> ? T : never;

/** Sequences of ledger changes, as the property tests run them. */
export const ledgerOps = fc.array(ledgerOp, { minLength: 1, maxLength: 15 });

/**
 * A new admin with two categories of each kind, and a function applying one op through the HTTP
 * API as that admin (ops that pick a transaction pick among those it created and has not deleted).
 */
export async function ledgerDriver(t: TestApp): Promise<(op: LedgerOp) => Promise<void>> {
  const admin = await t.newUser('admin');
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: admin.auth, payload });
  const category = async (name: string, type: string) =>
    (await call('POST', '/categories', { name, type })).json().id as string;
  const cats = {
    income: [await category('I1', 'income'), await category('I2', 'income')],
    expense: [await category('E1', 'expense'), await category('M1', 'material')],
  };
  const ids: string[] = [];

  return async function run(o: LedgerOp): Promise<void> {
    if (o.kind === 'create') {
      const type = o.income ? 'income' : 'expense';
      const body = { type, amount: o.cents / 100, category_id: cats[type][o.cat], date: o.date };
      ids.push((await call('POST', '/transactions', body)).json().id);
      return;
    }
    if (o.kind === 'decide') {
      const pending = (await call('GET', '/approvals?status=pending')).json().approvals;
      const a = pending[o.pick % Math.max(pending.length, 1)];
      if (a) await call('POST', `/approvals/${a.id}/${o.approve ? 'approve' : 'reject'}`);
      return;
    }
    const id = ids[o.pick % Math.max(ids.length, 1)];
    if (!id) return;
    const current = (await call('GET', `/transactions/${id}`)).json() as { type: 'income' | 'expense' };
    if (o.kind === 'amount') await call('PUT', `/transactions/${id}`, { amount: o.cents / 100 });
    if (o.kind === 'move')
      await call('PUT', `/transactions/${id}`, { date: o.date, category_id: cats[current.type][o.cat] });
    if (o.kind === 'flip') {
      const type = current.type === 'income' ? 'expense' : 'income';
      await call('PUT', `/transactions/${id}`, { type, category_id: cats[type][o.cat] });
    }
    if (o.kind === 'describe') await call('PUT', `/transactions/${id}`, { description: `d${o.pick}` });
    if (o.kind === 'delete') {
      await call('DELETE', `/transactions/${id}`);
      ids.splice(ids.indexOf(id), 1);
    }
  };
}
