import type { Notification } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { type TestApp, type TestUser, useTestApp } from '../test/harness.ts';

async function feed(t: TestApp, user: TestUser): Promise<Notification[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/notifications?limit=200',
    headers: user.auth,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { notifications: Notification[] }).notifications.reverse();
}
const events = async (t: TestApp, user: TestUser, event?: string) =>
  (await feed(t, user)).filter((n) => event === undefined || n.event === event);

async function call(
  t: TestApp,
  user: TestUser,
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const body = method === 'DELETE' ? {} : { payload: payload ?? {} };
  const res = await t.app.inject({ method, url, headers: user.auth, ...body });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? {} : res.json()) as { id: string };
}

describe('every notification comes from a real cause, once', () => {
  const t = useTestApp();

  it('transaction.created: once per new transaction, to every admin, not on edits', async () => {
    const [a, b, client] = [
      await t().newUser('admin'),
      await t().newUser('admin'),
      await t().newUser('client'),
    ];
    const f = factories(t().app, a);
    const category = await f.category('expense');
    const tx = await f.transaction({ amount: 42.5, category_id: category.id, description: 'Toner' });
    await call(t(), a, 'PUT', `/api/v1/transactions/${tx.id}`, { description: 'Toner, black' });
    for (const admin of [a, b]) {
      const got = await events(t(), admin, 'transaction.created');
      expect(got).toHaveLength(1);
      expect(got[0]?.data).toMatchObject({ entity_type: 'transaction', entity_id: tx.id, amount: 42.5 });
      expect(got[0]?.data.message).toContain('42.50');
    }
    expect(await feed(t(), client)).toEqual([]);
  });

  it('approval.required to admins for a large amount; approval.completed to the requester only', async () => {
    const [requester, approver] = [await t().newUser('admin'), await t().newUser('admin')];
    const f = factories(t().app, requester);
    const category = await f.category('expense');
    const tx = await f.transaction({ amount: 25_000, category_id: category.id });
    expect(tx.status).toBe('pending_approval');
    const required = await events(t(), approver, 'approval.required');
    expect(required).toHaveLength(1);
    expect(await events(t(), requester, 'approval.required')).toHaveLength(1);
    const approvalId = required[0]?.data.entity_id;
    await call(t(), approver, 'POST', `/api/v1/approvals/${approvalId}/approve`);
    await expect(call(t(), approver, 'POST', `/api/v1/approvals/${approvalId}/reject`)).rejects.toThrow(
      /409/,
    );
    const completed = await events(t(), requester, 'approval.completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.data).toMatchObject({ status: 'approved', transaction_id: tx.id, amount: 25_000 });
    expect(await events(t(), approver, 'approval.completed')).toEqual([]);
  });

  it('inventory.low_stock each time stock crosses down to its minimum, not while it stays low', async () => {
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('material');
    const m = await f.material({ category_id: category.id, quantity: 10, min_stock: 5 });
    const move = (type: 'entry' | 'exit', quantity: number) =>
      call(t(), admin, 'POST', `/api/v1/materials/${m.id}/movements`, { type, quantity });
    await move('exit', 4); // 6: above
    expect(await events(t(), admin, 'inventory.low_stock')).toHaveLength(0);
    await move('exit', 1); // 5: crosses
    await move('exit', 2); // 3: still low
    expect(await events(t(), admin, 'inventory.low_stock')).toHaveLength(1);
    await move('entry', 10); // 13: restocked
    await move('exit', 9); // 4: crosses again
    expect(await events(t(), admin, 'inventory.low_stock')).toHaveLength(2);
    await move('entry', 10); // 14
    await call(t(), admin, 'PUT', `/api/v1/materials/${m.id}`, { min_stock: 20 }); // an edit crosses too
    const low = await events(t(), admin, 'inventory.low_stock');
    expect(low).toHaveLength(3);
    expect(low[2]?.data).toMatchObject({
      entity_type: 'material',
      entity_id: m.id,
      quantity: 14,
      min_stock: 20,
    });
    // Created already low: never crossed, no notification.
    await f.material({ category_id: category.id, quantity: 0, min_stock: 3 });
    expect(await events(t(), admin, 'inventory.low_stock')).toHaveLength(3);
  });

  it('budget.threshold_reached once per threshold as the month’s posted spend crosses it', async () => {
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    await f.budget({ category_id: category.id, period: '2026-06', amount: 1000, thresholds: [50, 80, 100] });
    const spend = (amount: number, date = '2026-06-10') =>
      f.transaction({ amount, category_id: category.id, date });
    const thresholds = async () =>
      (await events(t(), admin, 'budget.threshold_reached')).map((n) => n.data.threshold);
    await spend(400);
    await spend(300, '2026-07-01'); // another month
    expect(await thresholds()).toEqual([]);
    const crossing = await spend(150); // 550: 50%
    expect(await thresholds()).toEqual([50]);
    await call(t(), admin, 'DELETE', `/api/v1/transactions/${crossing.id}`); // back to 400
    await spend(150); // 550 again: already notified
    expect(await thresholds()).toEqual([50]);
    await spend(500); // 1050: 80% and 100% at once
    expect(await thresholds()).toEqual([50, 80, 100]);
    const last = (await events(t(), admin, 'budget.threshold_reached')).at(-1);
    expect(last?.data).toMatchObject({
      entity_type: 'budget',
      amount: 1050,
      budget_amount: 1000,
      period: '2026-06',
    });
  });

  it('budget thresholds count an expense only once it is approved (posted)', async () => {
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    await f.budget({ category_id: category.id, period: '2026-06', amount: 20_000, thresholds: [50] });
    await f.transaction({ amount: 15_000, category_id: category.id });
    expect(await events(t(), admin, 'budget.threshold_reached')).toHaveLength(0);
    const approval = (await events(t(), admin, 'approval.required'))[0]?.data.entity_id;
    await call(t(), admin, 'POST', `/api/v1/approvals/${approval}/approve`);
    expect(await events(t(), admin, 'budget.threshold_reached')).toHaveLength(1);
  });

  it('anomaly.detected for an amount far outside ≥ 10 earlier posted amounts of its category', async () => {
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    const other = await f.category('expense');
    const usual = [95, 100, 105, 98, 102, 99, 101, 97, 103];
    for (const amount of usual) await f.transaction({ amount, category_id: category.id });
    await f.transaction({ amount: 5000, category_id: category.id }); // only 9 earlier: no history yet
    expect(await events(t(), admin, 'anomaly.detected')).toHaveLength(0);
    for (const amount of usual) await f.transaction({ amount, category_id: category.id });
    await f.transaction({ amount: 104, category_id: category.id }); // ordinary
    await f.transaction({ amount: 9000, category_id: other.id }); // another category, no history
    expect(await events(t(), admin, 'anomaly.detected')).toHaveLength(0);
    const odd = await f.transaction({ amount: 9000, category_id: category.id });
    const anomalies = await events(t(), admin, 'anomaly.detected');
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]?.data).toMatchObject({ entity_type: 'transaction', entity_id: odd.id, amount: 9000 });
  });

  it('payment.paid once, to admins and the counterparty, with nothing the counterparty may not see', async () => {
    const [admin, client, other] = [
      await t().newUser('admin'),
      await t().newUser('client'),
      await t().newUser('client'),
    ];
    const f = factories(t().app, admin);
    const p = await f.payment({ amount: 99.9, due_date: '2026-06-20', counterparty_user_id: client.id });
    await call(t(), admin, 'POST', `/api/v1/payments/${p.id}/pay`);
    await expect(call(t(), admin, 'POST', `/api/v1/payments/${p.id}/pay`)).rejects.toThrow(/409/);
    expect(await events(t(), admin, 'payment.paid')).toHaveLength(1);
    const mine = await feed(t(), client);
    expect(mine.map((n) => n.event)).toEqual(['payment.paid']);
    expect(Object.keys(mine[0]?.data ?? {}).sort()).toEqual(
      ['amount', 'due_date', 'entity_id', 'entity_type', 'message', 'payment_type', 'reference'].sort(),
    );
    expect(await feed(t(), other)).toEqual([]);
  });
});
