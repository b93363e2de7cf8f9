import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

describe('payments', () => {
  const t = useTestApp();

  it('lets an admin create and settle a payment, once', async () => {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    const p = await make.payment({ amount: 980.1, due_date: '2026-06-20' });
    expect(p).toMatchObject({ status: 'pending', amount: 980.1, paid_date: null });
    const paid = await t().app.inject({
      method: 'POST',
      url: `/api/v1/payments/${p.id}/pay`,
      headers: admin.auth,
    });
    expect(paid.json()).toMatchObject({ status: 'paid', paid_date: '2026-06-15' });
    expect(
      (await t().app.inject({ method: 'POST', url: `/api/v1/payments/${p.id}/pay`, headers: admin.auth }))
        .statusCode,
    ).toBe(409);
    const change = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/payments/${p.id}`,
      headers: admin.auth,
      payload: { amount: 1 },
    });
    expect(change.statusCode).toBe(409);
  });

  it('shows clients and suppliers only the payments where they are the counterparty', async () => {
    const admin = await t().newUser('admin');
    const client = await t().newUser('client');
    const supplier = await t().newUser('supplier');
    const make = factories(t().app, admin);
    const mine = await make.payment({ amount: 10, due_date: '2026-07-01', counterparty_user_id: client.id });
    const theirs = await make.payment({
      amount: 20,
      due_date: '2026-07-01',
      counterparty_user_id: supplier.id,
    });
    const list = (await t().app.inject({ url: '/api/v1/payments', headers: client.auth })).json().payments;
    expect(list.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect(
      (await t().app.inject({ url: `/api/v1/payments/${theirs.id}`, headers: client.auth })).statusCode,
    ).toBe(404);
    expect(
      (await t().app.inject({ url: `/api/v1/payments/${mine.id}`, headers: client.auth })).statusCode,
    ).toBe(200);
    expect(
      (await t().app.inject({ method: 'POST', url: `/api/v1/payments/${mine.id}/pay`, headers: client.auth }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t().app.inject({
          method: 'POST',
          url: '/api/v1/payments',
          headers: supplier.auth,
          payload: { type: 'payable', amount: 1, due_date: '2026-07-01' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t().app.inject({ url: '/api/v1/payments', headers: admin.auth })).json().payments,
    ).toHaveLength(2);
  });

  it('validates payments and lists overdue ones', async () => {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    for (const payload of [
      { type: 'payable', amount: 1.001, due_date: '2026-07-01' },
      { type: 'payable', amount: 5, due_date: 'tomorrow' },
      { type: 'loan', amount: 5, due_date: '2026-07-01' },
      { type: 'payable', amount: 5, due_date: '2026-07-01', counterparty_user_id: '999999' },
    ]) {
      expect(
        (await t().app.inject({ method: 'POST', url: '/api/v1/payments', headers: admin.auth, payload }))
          .statusCode,
      ).toBe(422);
    }
    await make.payment({ amount: 5, due_date: '2026-06-01' });
    await make.payment({ amount: 6, due_date: '2026-06-30' });
    const overdue = (
      await t().app.inject({ url: '/api/v1/payments?overdue=true', headers: admin.auth })
    ).json().payments;
    expect(overdue.map((p: { amount: number }) => p.amount)).toEqual([5]);
  });
});
