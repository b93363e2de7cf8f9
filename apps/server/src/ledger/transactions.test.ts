import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

describe('transactions', () => {
  const t = useTestApp();

  async function setup() {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    const expense = await make.category('expense', 'Utilities');
    const income = await make.category('income', 'Sales');
    const list = async (query = '') =>
      (await t().app.inject({ url: `/api/v1/transactions${query}`, headers: admin.auth })).json() as {
        transactions: { id: string; amount: number; status: string; description: string }[];
        next_cursor: string | null;
      };
    return { admin, make, expense, income, list };
  }

  it('records a transaction with its amount exact to the cent', async () => {
    const { admin, expense, list } = await setup();
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/transactions',
      headers: admin.auth,
      payload: {
        type: 'expense',
        amount: 1234.56,
        category_id: expense.id,
        date: '2026-06-01',
        description: 'Power bill',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'expense',
      amount: 1234.56,
      category_id: expense.id,
      date: '2026-06-01',
      status: 'posted',
      created_by: admin.id,
      project_id: null,
    });
    expect(res.json().created_at).toMatch(/Z$/);
    expect((await list()).transactions).toHaveLength(1);
  });

  it('refuses bad input with a readable 422 and stores nothing', async () => {
    const { admin, expense, income, list } = await setup();
    const base = { type: 'expense', amount: 10, category_id: expense.id, date: '2026-06-01' };
    const cases: [object, string][] = [
      [{ ...base, amount: 10.123 }, 'amount'],
      [{ ...base, amount: -5 }, 'amount'],
      [{ ...base, amount: 0 }, 'amount'],
      [{ ...base, amount: 'NaN' }, 'amount'],
      [{ ...base, amount: 1e14 }, 'amount'],
      [{ ...base, date: '2026-02-30' }, 'date'],
      [{ ...base, type: 'gift' }, 'type'],
      [{ type: 'expense', amount: 10, date: '2026-06-01' }, 'category_id'],
      [{ ...base, category_id: '424242' }, 'category_id'],
      [{ ...base, category_id: income.id }, 'category_id'],
    ];
    for (const [payload, path] of cases) {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/v1/transactions',
        headers: admin.auth,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().detail).toEqual(expect.any(String));
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await list()).transactions).toHaveLength(0);
  });

  it('holds an amount at or above the threshold for approval, then posts it when approved', async () => {
    const { admin, make, expense, list } = await setup();
    const small = await make.transaction({ amount: 9999.99, category_id: expense.id });
    const big = await make.transaction({ amount: 10000, category_id: expense.id });
    expect(small.status).toBe('posted');
    expect(big.status).toBe('pending_approval');

    const approvals = (
      await t().app.inject({ url: '/api/v1/approvals?status=pending', headers: admin.auth })
    ).json().approvals;
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({
      transaction_id: big.id,
      status: 'pending',
      requested_by: admin.id,
      decided_by: null,
      amount: 10000,
    });

    const other = await t().newUser('admin');
    const approved = await t().app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${approvals[0].id}/approve`,
      headers: other.auth,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decided_by: other.id });
    expect((await list('?status=posted')).transactions.map((x) => x.id).sort()).toEqual(
      [small.id, big.id].sort(),
    );

    const again = await t().app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${approvals[0].id}/reject`,
      headers: admin.auth,
    });
    expect(again.statusCode).toBe(409);
  });

  it('marks a rejected transaction rejected', async () => {
    const { admin, make, expense } = await setup();
    const big = await make.transaction({ amount: 50_000, category_id: expense.id });
    const [approval] = (await t().app.inject({ url: '/api/v1/approvals', headers: admin.auth })).json()
      .approvals;
    await t().app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${approval.id}/reject`,
      headers: admin.auth,
    });
    const tx = (await t().app.inject({ url: `/api/v1/transactions/${big.id}`, headers: admin.auth })).json();
    expect(tx.status).toBe('rejected');
  });

  it('updates and deletes, and answers 404 for unknown ids', async () => {
    const { admin, make, expense, list } = await setup();
    const tx = await make.transaction({ amount: 100, category_id: expense.id });
    const put = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/transactions/${tx.id}`,
      headers: admin.auth,
      payload: { amount: 150.25, description: 'fixed' },
    });
    expect(put.json()).toMatchObject({ amount: 150.25, description: 'fixed' });
    const raise = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/transactions/${tx.id}`,
      headers: admin.auth,
      payload: { amount: 20_000 },
    });
    expect(raise.json().status).toBe('pending_approval');
    const empty = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/transactions/${tx.id}`,
      headers: admin.auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(422);
    expect(
      (await t().app.inject({ method: 'DELETE', url: `/api/v1/transactions/${tx.id}`, headers: admin.auth }))
        .statusCode,
    ).toBe(204);
    expect((await list()).transactions).toHaveLength(0);
    for (const id of [tx.id, 'nope', '99999999']) {
      expect(
        (await t().app.inject({ url: `/api/v1/transactions/${id}`, headers: admin.auth })).statusCode,
      ).toBe(404);
      expect(
        (await t().app.inject({ method: 'DELETE', url: `/api/v1/transactions/${id}`, headers: admin.auth }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('paginates newest first and filters', async () => {
    const { make, expense, income, list } = await setup();
    for (let i = 1; i <= 5; i++)
      await make.transaction({
        amount: i,
        category_id: expense.id,
        date: `2026-05-0${i}`,
        description: `e${i}`,
      });
    await make.transaction({ type: 'income', amount: 7, category_id: income.id, date: '2026-05-09' });
    const first = await list('?limit=2&type=expense');
    expect(first.transactions.map((x) => x.description)).toEqual(['e5', 'e4']);
    const second = await list(`?limit=2&type=expense&cursor=${first.next_cursor}`);
    expect(second.transactions.map((x) => x.description)).toEqual(['e3', 'e2']);
    const third = await list(`?limit=2&type=expense&cursor=${second.next_cursor}`);
    expect(third.transactions.map((x) => x.description)).toEqual(['e1']);
    expect(third.next_cursor).toBeNull();
    expect((await list('?from=2026-05-02&to=2026-05-03')).transactions).toHaveLength(2);
    expect((await list('?limit=501')).transactions).toBeUndefined();
  });

  it('keeps business data away from clients and suppliers', async () => {
    const { expense } = await setup();
    for (const role of ['client', 'supplier'] as const) {
      const user = await t().newUser(role);
      expect((await t().app.inject({ url: '/api/v1/transactions', headers: user.auth })).statusCode).toBe(
        403,
      );
      const post = await t().app.inject({
        method: 'POST',
        url: '/api/v1/transactions',
        headers: user.auth,
        payload: { type: 'expense', amount: 1, category_id: expense.id, date: '2026-06-01' },
      });
      expect(post.statusCode).toBe(403);
      expect((await t().app.inject({ url: '/api/v1/approvals', headers: user.auth })).statusCode).toBe(403);
      expect(
        (
          await t().app.inject({
            method: 'POST',
            url: '/api/v1/categories',
            headers: user.auth,
            payload: { name: 'x', type: 'income' },
          })
        ).statusCode,
      ).toBe(403);
      expect((await t().app.inject({ url: '/api/v1/categories', headers: user.auth })).statusCode).toBe(200);
    }
    expect((await t().app.inject({ url: '/api/v1/transactions' })).statusCode).toBe(401);
  });
});
