import type { Role } from '@logi/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../auth/access.ts';
import { encodeCursor } from '../platform/ids.ts';
import { factories } from '../test/factories.ts';
import { startTestApp, type TestApp, type TestUser, useTestApp } from '../test/harness.ts';
import { fillPath, type Operation, publishedOperations } from './openapi.ts';
import { contractErrorProblems, hostileTokens } from './support.ts';

/**
 * Who may call what, for every route the OpenAPI document lists: unauthenticated → 401,
 * wrong role → 403, never a 2xx for a caller the route does not admit. Then the objects that are
 * not yours: they answer 404 exactly like objects that do not exist.
 */
const operations = await publishedOperations();
const hasDashboards = operations.some((op) => op.path.startsWith('/api/v1/dashboards'));

interface Caller {
  name: string;
  /** The role of a genuine, active user; undefined for every caller that must be refused with 401. */
  role?: Role;
  headers: Record<string, string>;
  query?: Record<string, string>;
}

function expectedFor(access: Access, caller: Caller): 401 | 403 | 'admitted' {
  if (access === 'public') return 'admitted';
  if (!caller.role) return 401;
  if (access === 'signed-in' || access.includes(caller.role)) return 'admitted';
  return 403;
}

const describeAccess = (access: Access) =>
  access === 'public'
    ? 'public'
    : access === 'signed-in'
      ? 'any signed-in user'
      : `${access.join(', ')} only`;

/** Ids that name nothing, so admitted callers cannot change anything while the matrix runs. */
const NOTHING = { id: '999999', widget_id: 'w999', token: 'no-such-share-token' };

describe('role × route matrix', () => {
  let t: TestApp;
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.newUser('admin');
    const client = await t.newUser('client');
    const supplier = await t.newUser('supplier');
    const inactive = await t.newUser('admin', { status: 'inactive' });
    callers.push(
      { name: 'admin', role: 'admin', headers: admin.auth },
      { name: 'client', role: 'client', headers: client.auth },
      { name: 'supplier', role: 'supplier', headers: supplier.auth },
      { name: 'anonymous', headers: {} },
      { name: 'deactivated admin', headers: inactive.auth },
      {
        name: 'admin token in ?token= (only the WebSocket reads it there)',
        headers: {},
        query: { token: admin.token },
      },
    );
    for (const [name, token] of Object.entries(await hostileTokens(t.app.ctx, admin.id)))
      callers.push({ name: `${name} token`, headers: { authorization: `Bearer ${token}` } });
  });

  afterAll(async () => {
    await t?.close();
  });

  for (const op of operations) {
    it(`${op.label} (${describeAccess(op.access)})`, async () => {
      const wrong: string[] = [];
      for (const caller of callers) {
        const res = await t.app.inject({
          method: op.method,
          url: fillPath(op.path, NOTHING),
          headers: caller.headers,
          ...(caller.query ? { query: caller.query } : {}),
          ...(op.body ? { payload: {} } : {}),
        });
        const expected = expectedFor(op.access, caller);
        const status = res.statusCode;
        if (status >= 500) wrong.push(`${caller.name}: ${status}`);
        else if (expected === 'admitted' && (status === 401 || status === 403))
          wrong.push(`${caller.name}: refused with ${status} but the route admits it`);
        else if (expected !== 'admitted' && status !== expected)
          wrong.push(`${caller.name}: expected ${expected}, got ${status}`);
        if (status >= 400) wrong.push(...contractErrorProblems(res).map((p) => `${caller.name}: ${p}`));
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('payments that are not yours answer 404', () => {
  const t = useTestApp();

  async function world() {
    const admin = await t().newUser('admin');
    const alice = await t().newUser('client');
    const bob = await t().newUser('client');
    const sam = await t().newUser('supplier');
    const make = factories(t().app, admin);
    const pay = (counterparty_user_id?: string) =>
      make.payment({
        amount: 120,
        due_date: '2026-06-30',
        ...(counterparty_user_id ? { counterparty_user_id } : {}),
      });
    return {
      admin,
      alice,
      bob,
      sam,
      alices: await pay(alice.id),
      bobs: await pay(bob.id),
      sams: await pay(sam.id),
      nobodys: await pay(),
    };
  }

  const get = (user: TestUser, url: string, query: Record<string, string> = {}) =>
    t().app.inject({ url, headers: user.auth, query });
  const listed = (res: LightMyRequestResponse) =>
    (res.json() as { payments: { id: string }[] }).payments.map((p) => p.id).sort();

  it('a client or supplier lists only its own payments, whatever the filters or cursor say', async () => {
    const w = await world();
    for (const [user, own] of [
      [w.alice, w.alices],
      [w.bob, w.bobs],
      [w.sam, w.sams],
    ] as const) {
      const queries: Record<string, string>[] = [
        {},
        { limit: '500' },
        { status: 'pending', type: 'receivable' },
        { overdue: 'false' },
        { cursor: encodeCursor(999_999) },
        { counterparty_user_id: w.bob.id },
      ];
      for (const query of queries) {
        const res = await get(user, '/api/v1/payments', query);
        expect(
          res.statusCode === 422 || res.statusCode === 200,
          `${JSON.stringify(query)} → ${res.statusCode}`,
        ).toBe(true);
        if (res.statusCode === 200) expect(listed(res), JSON.stringify(query)).toEqual([own.id]);
      }
    }
  });

  it("another counterparty's payment looks exactly like one that does not exist", async () => {
    const w = await world();
    const missing = await get(w.alice, '/api/v1/payments/999999');
    expect(missing.statusCode).toBe(404);
    for (const other of [w.bobs, w.sams, w.nobodys]) {
      const res = await get(w.alice, `/api/v1/payments/${other.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body.replace(other.id, '999999')).toBe(missing.body);
    }
    expect((await get(w.alice, `/api/v1/payments/${w.alices.id}`)).statusCode).toBe(200);
  });

  it('a client cannot change, settle or delete even its own payment, and nothing changes', async () => {
    const w = await world();
    const before = (await get(w.admin, `/api/v1/payments/${w.alices.id}`)).body;
    const attempts = [
      { method: 'PUT', url: `/api/v1/payments/${w.alices.id}`, payload: { amount: 0.01 } },
      { method: 'POST', url: `/api/v1/payments/${w.alices.id}/pay`, payload: {} },
      { method: 'DELETE', url: `/api/v1/payments/${w.alices.id}` },
      {
        method: 'POST',
        url: '/api/v1/payments',
        payload: { type: 'payable', amount: 1, due_date: '2026-07-01' },
      },
    ] as const;
    for (const attempt of attempts) {
      const res = await t().app.inject({ ...attempt, headers: w.alice.auth });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
    }
    expect((await get(w.admin, `/api/v1/payments/${w.alices.id}`)).body).toBe(before);
  });
});

describe('dashboards that are not yours answer 404 on every route', () => {
  const t = useTestApp();
  const skipReason = 'the /api/v1/dashboards routes are not in /openapi.json yet';

  async function dashboard(owner: TestUser, payload: object) {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/dashboards',
      headers: owner.auth,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; layout: { widget_id: string }[] };
  }

  async function share(owner: TestUser, id: string) {
    const res = await t().app.inject({
      method: 'POST',
      url: `/api/v1/dashboards/${id}/share`,
      headers: owner.auth,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { share_token: string }).share_token;
  }

  /** A body the route would accept from the owner, so a 404 cannot be a validation error in disguise. */
  function validBody(op: Operation): object | undefined {
    if (!op.body) return undefined;
    const bodies: Record<string, object> = {
      'PUT /api/v1/dashboards/{id}': { name: 'Taken over' },
      'PUT /api/v1/dashboards/{id}/layout': { layout: [] },
      'POST /api/v1/dashboards/{id}/widgets': {
        type: 'notes',
        x: 0,
        y: 40,
        w: 2,
        h: 2,
        config: { text: 'mine now' },
      },
      'PUT /api/v1/dashboards/{id}/widgets/{widget_id}': { x: 0, y: 50 },
    };
    return bodies[op.label] ?? {};
  }

  it("another admin's dashboard, widgets and share answer 404, and stay as they were", async ({ skip }) => {
    if (!hasDashboards) return skip(skipReason);
    const ada = await t().newUser('admin');
    const bob = await t().newUser('admin');
    const mine = await dashboard(ada, {
      name: 'Ada’s figures',
      layout: [{ type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'private' } }],
    });
    await share(ada, mine.id);
    const widgetId = mine.layout[0]?.widget_id ?? 'w1';
    const read = () => t().app.inject({ url: `/api/v1/dashboards/${mine.id}`, headers: ada.auth });
    const before = (await read()).body;
    const missing = await t().app.inject({ url: '/api/v1/dashboards/999999', headers: bob.auth });
    expect(missing.statusCode).toBe(404);

    const routes = operations.filter((op) => op.path.startsWith('/api/v1/dashboards/{id}'));
    expect(routes.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const op of routes) {
      const payload = validBody(op);
      const res = await t().app.inject({
        method: op.method,
        url: fillPath(op.path, { id: mine.id, widget_id: widgetId }),
        headers: bob.auth,
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode !== 404) wrong.push(`${op.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.body.replace(mine.id, '999999') !== missing.body && op.pathParams.length === 1)
        wrong.push(`${op.label}: 404 body differs from a missing dashboard's (${res.body})`);
    }
    expect(wrong).toEqual([]);
    expect((await read()).body).toBe(before);
    const bobsList = await t().app.inject({ url: '/api/v1/dashboards', headers: bob.auth });
    expect(bobsList.body).not.toContain('Ada’s figures');
  });

  it("a share link opens only its own dashboard's read routes, and nothing once revoked", async ({
    skip,
  }) => {
    if (!hasDashboards) return skip(skipReason);
    const ada = await t().newUser('admin');
    const one = await dashboard(ada, {
      name: 'Shared one',
      layout: [{ type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'public note' } }],
    });
    const other = await dashboard(ada, {
      name: 'Private other',
      layout: [
        { type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'a' } },
        { type: 'notes', x: 2, y: 0, w: 2, h: 2, config: { text: 'secret note' } },
      ],
    });
    const token = await share(ada, one.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/); // ≥ 128 bits when base64url or hex
    const onlyWidget = one.layout[0]?.widget_id ?? '';
    const foreignWidget = other.layout.map((w) => w.widget_id).find((id) => id !== onlyWidget) ?? 'w2';
    const anon = (url: string, headers: Record<string, string> = {}) => t().app.inject({ url, headers });

    const view = await anon(`/api/v1/dashboards/shared/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).not.toHaveProperty('user_id');
    expect(view.json()).not.toHaveProperty('share_token');
    expect(view.body).not.toContain(ada.row.email);
    expect(view.body).not.toContain('secret note');
    const all = await anon(`/api/v1/dashboards/shared/${token}/data`);
    expect(all.statusCode).toBe(200);
    expect(Object.keys((all.json() as { widgets: object }).widgets)).toEqual([onlyWidget]);
    expect((await anon(`/api/v1/dashboards/shared/${token}/widgets/${foreignWidget}/data`)).statusCode).toBe(
      404,
    );

    // The link is not a session: it opens no owner route, as a bearer token or anywhere else.
    const asBearer = { authorization: `Bearer ${token}` };
    expect((await anon(`/api/v1/dashboards/${one.id}`, asBearer)).statusCode).toBe(401);
    expect((await anon('/api/v1/auth/me', asBearer)).statusCode).toBe(401);
    for (const method of ['PUT', 'DELETE', 'POST'] as const) {
      const res = await t().app.inject({ method, url: `/api/v1/dashboards/shared/${token}`, payload: {} });
      expect(res.statusCode, `${method} on a share link`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }

    const revoke = await t().app.inject({
      method: 'DELETE',
      url: `/api/v1/dashboards/${one.id}/share`,
      headers: ada.auth,
    });
    expect(revoke.statusCode).toBeLessThan(300);
    for (const url of [
      `/api/v1/dashboards/shared/${token}`,
      `/api/v1/dashboards/shared/${token}/data`,
      `/api/v1/dashboards/shared/${token}/widgets/${onlyWidget}/data`,
    ])
      expect((await anon(url)).statusCode, url).toBe(404);
  });

  it('each share is a new unguessable link', async ({ skip }) => {
    if (!hasDashboards) return skip(skipReason);
    const ada = await t().newUser('admin');
    const board = await dashboard(ada, { name: 'Links' });
    const tokens = new Set<string>();
    for (let i = 0; i < 10; i++) tokens.add(await share(ada, board.id));
    expect(tokens.size).toBe(10);
    const [last] = [...tokens].slice(-1);
    for (const old of [...tokens].slice(0, -1))
      expect((await t().app.inject(`/api/v1/dashboards/shared/${old}`)).statusCode).toBe(404);
    expect((await t().app.inject(`/api/v1/dashboards/shared/${last}`)).statusCode).toBe(200);
  });
});
