import type { Notification } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { type TestUser, useTestApp } from '../test/harness.ts';
import { listen, settle, TestClient } from './test-support.ts';

type Feed = { notifications: Notification[]; unread_count: number };

describe('REST: /api/v1/notifications is each user’s own feed', () => {
  const t = useTestApp();
  const get = async (user: TestUser, query = '') => {
    const res = await t().app.inject({
      method: 'GET',
      url: `/api/v1/notifications${query}`,
      headers: user.auth,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Feed;
  };
  const send = (user: TestUser, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t().app.inject({
      method,
      url: `/api/v1/notifications${url}`,
      headers: user.auth,
      ...(payload ? { payload } : {}),
    });

  async function withFive() {
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    for (let i = 1; i <= 5; i++) await f.transaction({ amount: i, category_id: category.id });
    return admin;
  }

  it('lists newest first with paging, unread filter and count; needs a token', async () => {
    const admin = await withFive();
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    const all = await get(admin);
    expect(all.unread_count).toBe(5);
    expect(all.notifications.map((n) => n.data.amount)).toEqual([5, 4, 3, 2, 1]);
    expect(all.notifications[0]).toMatchObject({ event: 'transaction.created', read: false });
    expect(all.notifications[0]?.timestamp).toMatch(/Z$/);
    const page1 = await get(admin, '?limit=2');
    const page2 = await get(admin, `?limit=2&before=${page1.notifications[1]?.id}`);
    expect(page2.notifications.map((n) => n.data.amount)).toEqual([3, 2]);
    expect((await send(admin, 'POST', '?x=1')).statusCode).toBe(404);
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/notifications?before=abc', headers: admin.auth }))
        .statusCode,
    ).toBe(422);
  });

  it('marks one or all read, pushing the change to the user’s open tabs; others’ ids are 404', async () => {
    const admin = await withFive();
    const stranger = await t().newUser('admin');
    const tab = await TestClient.connect(await listen(t().app), { token: admin.token });
    await settle(50);
    const [newest] = (await get(admin)).notifications;
    const id = newest?.id ?? '';
    expect((await send(stranger, 'POST', `/${id}/read`)).statusCode).toBe(404);
    expect((await send(admin, 'POST', '/999999/read')).statusCode).toBe(404);
    const read = await send(admin, 'POST', `/${id}/read`);
    expect(read.json()).toEqual({ unread_count: 4 });
    await tab.until((c) => c.ofType('notifications.read').length === 1);
    expect(tab.ofType('notifications.read')[0]).toEqual({ type: 'notifications.read', ids: [id] });
    expect((await get(admin, '?unread_only=true')).notifications.map((n) => n.id)).not.toContain(id);

    expect((await send(admin, 'POST', '/read-all')).json()).toEqual({ unread_count: 0 });
    await tab.until((c) => c.ofType('notifications.read').length === 2);
    expect(tab.ofType('notifications.read')[1]).toEqual({ type: 'notifications.read', all: true });
    expect((await get(admin)).unread_count).toBe(0);
    await tab.close();
  });

  it('clears only the caller’s notifications', async () => {
    const admin = await withFive();
    const otherAdmin = await t().newUser('admin');
    await factories(t().app, admin).category('expense');
    const before = (await get(otherAdmin)).notifications.length;
    expect((await send(admin, 'DELETE', '')).statusCode).toBe(204);
    expect(await get(admin)).toEqual({ notifications: [], unread_count: 0 });
    expect((await get(otherAdmin)).notifications.length).toBe(before);
  });

  it('muted events are stored in the feed but neither pushed live nor replayed', async () => {
    const admin = await t().newUser('admin');
    expect((await send(admin, 'PUT', '/preferences', { muted_events: ['nope'] })).statusCode).toBe(422);
    const put = await send(admin, 'PUT', '/preferences', { muted_events: ['transaction.created'] });
    expect(put.json()).toEqual({ muted_events: ['transaction.created'] });
    expect((await get(admin, '/preferences')) as unknown).toEqual({ muted_events: ['transaction.created'] });
    const base = await listen(t().app);
    const tab = await TestClient.connect(base, { token: admin.token });
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    await f.transaction({ amount: 30_000, category_id: category.id }); // created (muted) + approval.required
    await tab.until((c) => c.notifications().length === 1);
    await settle();
    expect(tab.notifications().map((n) => n.event)).toEqual(['approval.required']);
    const replay = await TestClient.connect(base, { token: admin.token, since: '0' });
    await replay.until((c) => c.notifications().length === 1);
    await settle();
    expect(replay.notifications().map((n) => n.event)).toEqual(['approval.required']);
    expect((await get(admin)).notifications.map((n) => n.event).sort()).toEqual([
      'approval.required',
      'transaction.created',
    ]);
    await Promise.all([tab.close(), replay.close()]);
  });

  it('a mute set while a tab is open applies to that tab at once, and so does unmuting', async () => {
    const admin = await t().newUser('admin');
    const other = await t().newUser('admin');
    const base = await listen(t().app);
    const [tab, otherTab] = await Promise.all([
      TestClient.connect(base, { token: admin.token }),
      TestClient.connect(base, { token: other.token }),
    ]);
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    const created = (c: TestClient) => c.notifications('transaction.created').length;

    await send(admin, 'PUT', '/preferences', { muted_events: ['transaction.created'] });
    await f.transaction({ amount: 10, category_id: category.id });
    await otherTab.until((c) => created(c) === 1); // the other admin still gets it
    await settle();
    expect(created(tab)).toBe(0);

    await send(admin, 'PUT', '/preferences', { muted_events: [] });
    await f.transaction({ amount: 11, category_id: category.id });
    await tab.until((c) => created(c) === 1);
    expect(tab.notifications('transaction.created')[0]?.data.amount).toBe(11);
    expect((await get(admin)).notifications.filter((n) => n.event === 'transaction.created')).toHaveLength(2);
    await Promise.all([tab.close(), otherTab.close()]);
  });
});
