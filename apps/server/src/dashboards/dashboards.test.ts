import { describe, expect, it } from 'vitest';
import { type TestUser, useTestApp } from '../test/harness.ts';

const base = '/api/v1/dashboards';
const kpi = (x: number, y: number, metric = 'total_revenue') => ({
  type: 'kpi',
  x,
  y,
  w: 3,
  h: 2,
  config: { metric },
});

describe('dashboards: owning, editing and copying', () => {
  const t = useTestApp();

  async function create(auth: TestUser['auth'], payload: object = { name: 'Mine' }) {
    const res = await t().app.inject({ method: 'POST', url: base, headers: auth, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('creates from a template, lists only the caller’s own, and reads one back', async () => {
    const ada = await t().newUser('admin');
    const bob = await t().newUser('admin');
    const dash = await create(ada.auth, { name: 'Board', from_template: 'Executive Overview' });
    expect(dash).toMatchObject({ name: 'Board', user_id: ada.id, is_default: false, is_shared: false });
    expect(dash.refresh_interval).toBe(60);
    expect(dash.layout.map((w: { widget_id: string }) => w.widget_id)).toEqual([
      'w1',
      'w2',
      'w3',
      'w4',
      'w5',
      'w6',
    ]);
    await create(bob.auth, { name: 'Bob’s' });

    const list = await t().app.inject({ url: base, headers: ada.auth });
    expect(list.json().dashboards.map((d: { name: string }) => d.name)).toEqual(['Board']);
    const one = await t().app.inject({ url: `${base}/${dash.id}`, headers: ada.auth });
    expect(one.json()).toEqual(dash);
  });

  it('answers 422 for an unknown template', async () => {
    const ada = await t().newUser('admin');
    const res = await t().app.inject({
      method: 'POST',
      url: base,
      headers: ada.auth,
      payload: { name: 'x', from_template: 'Nope' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'from_template', message: expect.any(String) }]);
  });

  it('keeps at most one default dashboard per user', async () => {
    const ada = await t().newUser('admin');
    const a = await create(ada.auth, { name: 'A', is_default: true });
    const b = await create(ada.auth, { name: 'B', is_default: true });
    const get = async (id: string) =>
      (await t().app.inject({ url: `${base}/${id}`, headers: ada.auth })).json().is_default;
    expect([await get(a.id), await get(b.id)]).toEqual([false, true]);
    const put = await t().app.inject({
      method: 'PUT',
      url: `${base}/${a.id}`,
      headers: ada.auth,
      payload: { is_default: true, name: 'A2', refresh_interval: 300 },
    });
    expect(put.json()).toMatchObject({ name: 'A2', is_default: true, refresh_interval: 300 });
    expect(await get(b.id)).toBe(false);
  });

  it('refuses refresh intervals outside 10…86400 seconds', async () => {
    const ada = await t().newUser('admin');
    for (const refresh_interval of [9, 86_401, 1.5]) {
      const res = await t().app.inject({
        method: 'POST',
        url: base,
        headers: ada.auth,
        payload: { name: 'x', refresh_interval },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].path).toBe('refresh_interval');
    }
  });

  it('never reuses a widget id, even after removing the newest widget', async () => {
    const ada = await t().newUser('admin');
    const dash = await create(ada.auth, { name: 'x', layout: [kpi(0, 0), kpi(3, 0)] });
    const url = `${base}/${dash.id}/widgets`;
    const added = await t().app.inject({ method: 'POST', url, headers: ada.auth, payload: kpi(6, 0) });
    expect(added.statusCode).toBe(201);
    expect(added.json().layout.at(-1).widget_id).toBe('w3');
    const removed = await t().app.inject({ method: 'DELETE', url: `${url}/w3`, headers: ada.auth });
    expect(removed.json().layout.map((w: { widget_id: string }) => w.widget_id)).toEqual(['w1', 'w2']);
    const again = await t().app.inject({ method: 'POST', url, headers: ada.auth, payload: kpi(6, 0) });
    expect(again.json().layout.at(-1).widget_id).toBe('w4');
    // A layout update keeps known ids and numbers new widgets after every id ever given.
    const layout = await t().app.inject({
      method: 'PUT',
      url: `${base}/${dash.id}/layout`,
      headers: ada.auth,
      payload: { layout: [{ ...kpi(0, 0), widget_id: 'w4' }, kpi(0, 2)] },
    });
    expect(layout.json().layout.map((w: { widget_id: string }) => w.widget_id)).toEqual(['w4', 'w5']);
  });

  it('updates a widget in place and refuses an update that breaks a rule', async () => {
    const ada = await t().newUser('admin');
    const dash = await create(ada.auth, { name: 'x', layout: [kpi(0, 0), kpi(3, 0)] });
    const url = `${base}/${dash.id}/widgets/w2`;
    const ok = await t().app.inject({
      method: 'PUT',
      url,
      headers: ada.auth,
      payload: { y: 2, config: { metric: 'net_profit', title: 'Profit' } },
    });
    expect(ok.json().layout[1]).toEqual({
      ...kpi(3, 2, 'net_profit'),
      widget_id: 'w2',
      config: { metric: 'net_profit', title: 'Profit' },
    });
    const overlap = await t().app.inject({ method: 'PUT', url, headers: ada.auth, payload: { x: 1, y: 0 } });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().errors).toEqual([{ path: 'x', message: expect.stringContaining('overlaps') }]);
    const missing = await t().app.inject({
      method: 'PUT',
      url: `${base}/${dash.id}/widgets/w9`,
      headers: ada.auth,
      payload: { x: 0 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('renames, duplicates and deletes', async () => {
    const ada = await t().newUser('admin');
    const dash = await create(ada.auth, { name: 'Ops', from_template: 'Cash Flow', is_default: true });
    const copy = await t().app.inject({
      method: 'POST',
      url: `${base}/${dash.id}/duplicate`,
      headers: ada.auth,
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({
      name: 'Copy of Ops',
      is_default: false,
      is_shared: false,
      layout: dash.layout,
    });
    expect(copy.json().id).not.toBe(dash.id);
    // The copy continues the original's widget numbering.
    const added = await t().app.inject({
      method: 'POST',
      url: `${base}/${copy.json().id}/widgets`,
      headers: ada.auth,
      payload: { type: 'notes', x: 0, y: 6, w: 2, h: 2, config: { text: 'hi' } },
    });
    expect(added.json().layout.at(-1).widget_id).toBe('w5');
    const del = await t().app.inject({ method: 'DELETE', url: `${base}/${dash.id}`, headers: ada.auth });
    expect(del.json()).toEqual({ message: 'Dashboard deleted' });
    expect((await t().app.inject({ url: `${base}/${dash.id}`, headers: ada.auth })).statusCode).toBe(404);
  });

  it('exports a plain document and imports it back exactly', async () => {
    const ada = await t().newUser('admin');
    const dash = await create(ada.auth, {
      name: 'Budget',
      from_template: 'Budget Watch',
      refresh_interval: 120,
    });
    await t().app.inject({ method: 'DELETE', url: `${base}/${dash.id}/widgets/w1`, headers: ada.auth });
    const exported = (await t().app.inject({ url: `${base}/${dash.id}/export`, headers: ada.auth })).json();
    expect(exported).toMatchObject({ version: 1, name: 'Budget', refresh_interval: 120 });
    expect(exported.layout[0].widget_id).toBe('w2');
    const imported = await t().app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: ada.auth,
      payload: exported,
    });
    expect(imported.statusCode).toBe(201);
    const again = (
      await t().app.inject({ url: `${base}/${imported.json().id}/export`, headers: ada.auth })
    ).json();
    expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    // New widgets on the imported copy never collide with imported ids.
    const added = await t().app.inject({
      method: 'POST',
      url: `${base}/${imported.json().id}/widgets`,
      headers: ada.auth,
      payload: { type: 'notes', x: 0, y: 10, w: 2, h: 2, config: {} },
    });
    expect(added.json().layout.at(-1).widget_id).toBe('w9');
  });

  it('refuses an import that breaks the layout rules', async () => {
    const ada = await t().newUser('admin');
    const res = await t().app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: ada.auth,
      payload: {
        version: 1,
        name: 'bad',
        refresh_interval: 60,
        layout: [
          { ...kpi(0, 0), widget_id: 'a' },
          { ...kpi(1, 1), widget_id: 'a' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toEqual({ path: 'layout.1.widget_id', message: expect.any(String) });
  });
});

describe('dashboards: who may do what', () => {
  const t = useTestApp();

  it('answers 401 without a token and 403 to clients and suppliers', async () => {
    expect((await t().app.inject({ url: base })).statusCode).toBe(401);
    for (const role of ['client', 'supplier'] as const) {
      const u = await t().newUser(role);
      for (const url of [base, `${base}/templates`, `${base}/widget-types`, `${base}/metrics`]) {
        expect((await t().app.inject({ url, headers: u.auth })).statusCode).toBe(403);
      }
      const post = await t().app.inject({
        method: 'POST',
        url: base,
        headers: u.auth,
        payload: { name: 'x' },
      });
      expect(post.statusCode).toBe(403);
    }
  });

  it('answers 404 on every route for another admin’s dashboard', async () => {
    const owner = await t().newUser('admin');
    const other = await t().newUser('admin');
    const made = await t().app.inject({
      method: 'POST',
      url: base,
      headers: owner.auth,
      payload: { name: 'Secret', layout: [kpi(0, 0)] },
    });
    const id = made.json().id;
    const calls: [string, string, object?][] = [
      ['GET', `${base}/${id}`],
      ['PUT', `${base}/${id}`, { name: 'mine now' }],
      ['DELETE', `${base}/${id}`],
      ['PUT', `${base}/${id}/layout`, { layout: [] }],
      ['POST', `${base}/${id}/widgets`, kpi(3, 0)],
      ['PUT', `${base}/${id}/widgets/w1`, { x: 3 }],
      ['DELETE', `${base}/${id}/widgets/w1`],
      ['POST', `${base}/${id}/share`, {}],
      ['DELETE', `${base}/${id}/share`],
      ['POST', `${base}/${id}/duplicate`],
      ['GET', `${base}/${id}/export`],
      ['GET', `${base}/${id}/data`],
      ['GET', `${base}/${id}/widgets/w1/data`],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t().app.inject({ method: method as 'GET', url, headers: other.auth, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('Secret');
    }
    for (const url of [`${base}/999999`, `${base}/abc`, `${base}/0/data`]) {
      expect((await t().app.inject({ url, headers: owner.auth })).statusCode).toBe(404);
    }
    // Nothing changed for the owner.
    const still = await t().app.inject({ url: `${base}/${id}`, headers: owner.auth });
    expect(still.json()).toMatchObject({ name: 'Secret', is_shared: false });
    expect(still.json().layout).toHaveLength(1);
  });
});

describe('dashboards: catalog', () => {
  const t = useTestApp();

  it('lists the 12 widget types, at least five templates and the metrics of each type', async () => {
    const ada = await t().newUser('admin');
    const types = (await t().app.inject({ url: `${base}/widget-types`, headers: ada.auth })).json().types;
    expect(Object.keys(types)).toHaveLength(12);
    expect(types.kpi).toEqual({ min_w: 2, min_h: 2, max_w: 4, max_h: 3 });
    const templates = (await t().app.inject({ url: `${base}/templates`, headers: ada.auth })).json()
      .templates;
    expect(templates.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining([
        'Executive Overview',
        'Inventory Focus',
        'Cash Flow',
        'Receivables & Payables',
        'Budget Watch',
      ]),
    );
    const metrics = (await t().app.inject({ url: `${base}/metrics`, headers: ada.auth })).json().metrics;
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(types).sort());
    expect(metrics.kpi.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining([
        'total_revenue',
        'cash_in',
        'overdue_payments',
        'pending_approvals',
        'inventory_value',
      ]),
    );
  });

  it('creates a valid dashboard from every template', async () => {
    const ada = await t().newUser('admin');
    const templates = (await t().app.inject({ url: `${base}/templates`, headers: ada.auth })).json()
      .templates;
    for (const { name, layout } of templates) {
      const res = await t().app.inject({
        method: 'POST',
        url: base,
        headers: ada.auth,
        payload: { name, from_template: name },
      });
      expect(res.statusCode, name).toBe(201);
      expect(res.json().layout).toHaveLength(layout.length);
      const data = await t().app.inject({ url: `${base}/${res.json().id}/data`, headers: ada.auth });
      const values = Object.values(data.json().widgets) as object[];
      expect(
        values.filter((v) => 'error' in v),
        name,
      ).toEqual([]);
    }
  });
});
