import { describe, expect, it } from 'vitest';
import { type TestUser, useTestApp } from '../test/harness.ts';
import { layoutErrors, type Placement } from './layout-rules.ts';
import { TEMPLATES } from './templates.ts';

const kpi = (x: number, y: number, over: Partial<Placement> = {}): Placement => ({
  type: 'kpi',
  x,
  y,
  w: 3,
  h: 2,
  config: { metric: 'total_revenue' },
  ...over,
});
const paths = (layout: Placement[]) => layoutErrors(layout).map((e) => e.path);

describe('layout rules', () => {
  it('accepts every template', () => {
    for (const t of TEMPLATES) expect(layoutErrors(t.layout), t.name).toEqual([]);
  });

  it('keeps widgets inside the 12-column grid', () => {
    expect(paths([kpi(10, 0)])).toEqual(['layout.0.w']);
    expect(paths([kpi(-1, 0)])).toEqual(['layout.0.x']);
    expect(paths([kpi(0, -1)])).toEqual(['layout.0.y']);
    expect(paths([kpi(9, 0)])).toEqual([]);
  });

  it('wants whole grid units', () => {
    expect(paths([kpi(0.5, 0)])).toEqual(['layout.0.x']);
  });

  it('applies each type’s minimum and maximum size', () => {
    expect(paths([kpi(0, 0, { w: 1 })])).toEqual(['layout.0.w']);
    expect(paths([kpi(0, 0, { w: 5 })])).toEqual(['layout.0.w']);
    expect(paths([kpi(0, 0, { h: 4 })])).toEqual(['layout.0.h']);
    expect(
      paths([{ type: 'sparkline', x: 0, y: 0, w: 2, h: 1, config: { metric: 'daily_revenue' } }]),
    ).toEqual([]);
    expect(paths([{ type: 'calendar', x: 0, y: 0, w: 4, h: 3, config: {} }])).toEqual(['layout.0.h']);
  });

  it('refuses unknown types and overlapping widgets', () => {
    expect(paths([{ ...kpi(0, 0), type: 'pie' }])).toEqual(['layout.0.type']);
    expect(paths([kpi(0, 0), kpi(2, 1)])).toEqual(['layout.1.x']);
    // Touching edges is not overlapping.
    expect(paths([kpi(0, 0), kpi(3, 0), kpi(0, 2)])).toEqual([]);
  });

  it('holds at most 50 widgets', () => {
    const many = Array.from({ length: 51 }, (_, i) => kpi((i % 4) * 3, Math.floor(i / 4) * 2));
    expect(paths(many)).toEqual(['layout']);
  });

  it('checks the config against the widget type', () => {
    expect(paths([kpi(0, 0, { config: {} })])).toEqual(['layout.0.config.metric']);
    expect(paths([kpi(0, 0, { config: { metric: 'revenue_trend' } })])).toEqual(['layout.0.config.metric']);
    expect(paths([kpi(0, 0, { config: { metric: 'net_profit', filter: 'inventory' } })])).toEqual([
      'layout.0.config.filter',
    ]);
    expect(paths([kpi(0, 0, { config: { metric: 'net_profit', text: 'hi' } })])).toEqual([
      'layout.0.config.text',
    ]);
    const feed = { type: 'alerts_feed', x: 0, y: 0, w: 3, h: 3 };
    expect(paths([{ ...feed, config: { filter: 'budgets' } }])).toEqual([]);
    expect(paths([{ ...feed, config: {} }])).toEqual([]);
    expect(paths([{ type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'Remember' } }])).toEqual([]);
  });
});

describe('layout rules over HTTP', () => {
  const t = useTestApp();
  const base = '/api/v1/dashboards';

  async function dashboard(auth: TestUser['auth']) {
    const res = await t().app.inject({ method: 'POST', url: base, headers: auth, payload: { name: 'x' } });
    return res.json().id as string;
  }

  it('answers 422 with the path of each broken rule', async () => {
    const ada = await t().newUser('admin');
    const id = await dashboard(ada.auth);
    const cases: [string, string, object, string][] = [
      ['PUT', `${base}/${id}/layout`, { layout: [kpi(10, 0)] }, 'layout.0.w'],
      ['PUT', `${base}/${id}/layout`, { layout: [kpi(0, 0), kpi(1, 1)] }, 'layout.1.x'],
      ['PUT', `${base}/${id}/layout`, { layout: [{ ...kpi(0, 0), type: 'pie' }] }, 'layout.0.type'],
      ['PUT', `${base}/${id}/layout`, { layout: [{ ...kpi(0, 0), widget_id: 'w7' }] }, 'layout.0.widget_id'],
      ['PUT', `${base}/${id}/layout`, { layout: [kpi(0, 0, { x: 1.5 })] }, 'layout.0.x'],
      ['POST', base, { name: 'y', layout: [kpi(0, 0, { h: 9 })] }, 'layout.0.h'],
      ['POST', `${base}/${id}/widgets`, kpi(0, 0, { config: { metric: 'bogus' } }), 'config.metric'],
      [
        'POST',
        `${base}/${id}/widgets`,
        kpi(0, 0, { config: { metric: 'net_profit', title: 'x'.repeat(101) } }),
        'config.title',
      ],
      [
        'POST',
        `${base}/${id}/widgets`,
        { type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'x'.repeat(10_001) } },
        'config.text',
      ],
      [
        'POST',
        `${base}/${id}/widgets`,
        { type: 'alerts_feed', x: 0, y: 0, w: 3, h: 3, config: { filter: 'x' } },
        'config.filter',
      ],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await t().app.inject({ method: method as 'PUT', url, headers: ada.auth, payload });
      expect(res.statusCode, `${method} ${url} ${path}`).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.json().detail).toEqual(expect.any(String));
    }
    const many = Array.from({ length: 51 }, (_, i) => kpi((i % 4) * 3, Math.floor(i / 4) * 2));
    const tooMany = await t().app.inject({
      method: 'PUT',
      url: `${base}/${id}/layout`,
      headers: ada.auth,
      payload: { layout: many },
    });
    expect(tooMany.statusCode).toBe(422);
    // The 51st widget by POST is refused too.
    await t().app.inject({
      method: 'PUT',
      url: `${base}/${id}/layout`,
      headers: ada.auth,
      payload: { layout: many.slice(0, 50) },
    });
    const fifty = await t().app.inject({
      method: 'POST',
      url: `${base}/${id}/widgets`,
      headers: ada.auth,
      payload: kpi(0, 100),
    });
    expect(fifty.statusCode).toBe(422);
    expect(fifty.json().errors[0].path).toBe('layout');
  });
});
