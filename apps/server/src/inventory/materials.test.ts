import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

describe('materials and stock movements', () => {
  const t = useTestApp();

  async function setup() {
    const admin = await t().newUser('admin');
    const make = factories(t().app, admin);
    const category = await make.category('material', 'Raw Materials');
    const move = (id: string, payload: object) =>
      t().app.inject({
        method: 'POST',
        url: `/api/v1/materials/${id}/movements`,
        headers: admin.auth,
        payload,
      });
    return { admin, make, category, move };
  }

  it('creates a material and moves stock in and out', async () => {
    const { make, category, move } = await setup();
    const m = await make.material({ category_id: category.id, quantity: 10, min_stock: 3, unit_cost: 2.5 });
    expect(m).toMatchObject({ quantity: 10, unit_cost: 2.5, state: 'available', unit: 'unit' });
    expect((await move(m.id, { type: 'entry', quantity: 5 })).json().quantity).toBe(15);
    expect((await move(m.id, { type: 'exit', quantity: 15, note: 'shipped' })).json().quantity).toBe(0);
  });

  it('never lets stock go below zero', async () => {
    const { admin, make, category, move } = await setup();
    const m = await make.material({ category_id: category.id, quantity: 4 });
    const res = await move(m.id, { type: 'exit', quantity: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/Only 4/);
    expect(
      (await t().app.inject({ url: `/api/v1/materials/${m.id}`, headers: admin.auth })).json().quantity,
    ).toBe(4);
    for (const bad of [
      { type: 'exit', quantity: 0 },
      { type: 'exit', quantity: 1.5 },
      { type: 'steal', quantity: 1 },
      {},
    ]) {
      expect((await move(m.id, bad)).statusCode).toBe(422);
    }
    expect((await move('999999', { type: 'entry', quantity: 1 })).statusCode).toBe(404);
  });

  it('keeps fields an update does not mention, and refuses duplicate references', async () => {
    const { admin, make, category } = await setup();
    const m = await make.material({
      category_id: category.id,
      quantity: 40,
      min_stock: 5,
      reference: 'MAT-1',
    });
    await make.material({ category_id: category.id, reference: 'MAT-2' });
    const put = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/materials/${m.id}`,
      headers: admin.auth,
      payload: { name: 'Renamed' },
    });
    expect(put.json()).toMatchObject({ name: 'Renamed', quantity: 40, min_stock: 5 });
    const clash = await t().app.inject({
      method: 'PUT',
      url: `/api/v1/materials/${m.id}`,
      headers: admin.auth,
      payload: { reference: 'MAT-2' },
    });
    expect(clash.statusCode).toBe(409);
  });

  it('filters low stock', async () => {
    const { admin, make, category } = await setup();
    await make.material({ category_id: category.id, quantity: 2, min_stock: 5, name: 'Low' });
    await make.material({ category_id: category.id, quantity: 50, min_stock: 5, name: 'Plenty' });
    const low = (
      await t().app.inject({ url: '/api/v1/materials?low_stock=true', headers: admin.auth })
    ).json().materials;
    expect(low.map((m: { name: string }) => m.name)).toEqual(['Low']);
  });

  it('refuses a non-material category and is admin only', async () => {
    const { admin, make } = await setup();
    const expense = await make.category('expense');
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/materials',
      headers: admin.auth,
      payload: { reference: 'X', name: 'X', category_id: expense.id, unit_cost: 1 },
    });
    expect(res.statusCode).toBe(422);
    const client = await t().newUser('client');
    expect((await t().app.inject({ url: '/api/v1/materials', headers: client.auth })).statusCode).toBe(403);
  });
});
