import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

describe('budgets and categories', () => {
  const t = useTestApp();

  it('creates monthly budgets with default thresholds, one per category and month', async () => {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    const cat = await make.category('expense', 'Labor Costs');
    const b = await t().app.inject({
      method: 'POST',
      url: '/api/v1/budgets',
      headers: admin.auth,
      payload: { category_id: cat.id, period: '2026-06', amount: 5000 },
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ period: '2026-06', amount: 5000, thresholds: [50, 80, 100] });
    const dup = await t().app.inject({
      method: 'POST',
      url: '/api/v1/budgets',
      headers: admin.auth,
      payload: { category_id: cat.id, period: '2026-06', amount: 1 },
    });
    expect(dup.statusCode).toBe(409);
    const put = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/budgets/${b.json().id}`,
      headers: admin.auth,
      payload: { thresholds: [90, 25] },
    });
    expect(put.json()).toMatchObject({ amount: 5000, thresholds: [25, 90] });
    for (const payload of [
      { category_id: cat.id, period: '2026-13', amount: 1 },
      { category_id: cat.id, period: '2026-07', amount: 1, thresholds: [50, 50] },
    ]) {
      expect(
        (await t().app.inject({ method: 'POST', url: '/api/v1/budgets', headers: admin.auth, payload }))
          .statusCode,
      ).toBe(422);
    }
    expect(
      (await t().app.inject({ method: 'DELETE', url: `/api/v1/budgets/${b.json().id}`, headers: admin.auth }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t().app.inject({ url: `/api/v1/budgets/${b.json().id}`, headers: admin.auth })).statusCode,
    ).toBe(404);
  });

  it('refuses duplicate categories', async () => {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    await make.category('income', 'Sales');
    const dup = await t().app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin.auth,
      payload: { name: 'Sales', type: 'income' },
    });
    expect(dup.statusCode).toBe(409);
    const list = (await t().app.inject({ url: '/api/v1/categories', headers: admin.auth })).json().categories;
    expect(list).toEqual([{ id: expect.any(String), name: 'Sales', type: 'income' }]);
  });
});
