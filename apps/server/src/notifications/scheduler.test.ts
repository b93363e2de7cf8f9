import type { Notification } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import {
  freshDatabaseConfig,
  startTestApp,
  type TestApp,
  type TestUser,
  useCleanups,
} from '../test/harness.ts';
import { listen, settle, TestClient } from './test-support.ts';

async function timed(t: TestApp, user: TestUser) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/notifications?limit=200',
    headers: user.auth,
  });
  return (res.json() as { notifications: Notification[] }).notifications
    .filter((n) => n.event === 'payment.due_soon' || n.event === 'payment.overdue')
    .map((n) => `${n.event}:${n.data.entity_id}`)
    .sort();
}

describe('payment reminders from the scheduler (fake clock, claims in the database)', () => {
  const cleanups = useCleanups();
  async function start(database?: Awaited<ReturnType<typeof freshDatabaseConfig>>['database']) {
    // A long interval: the tests drive runOnce() themselves.
    const app = await startTestApp({
      now: '2026-06-15T08:00:00Z',
      config: { schedulerIntervalMs: 3_600_000 },
      ...(database ? { database } : {}),
    });
    cleanups.push(() => app.close());
    return app;
  }

  it('notifies due soon and overdue once each, to admins and the counterparty, as time passes', async () => {
    const t = await start();
    const [admin, client, other] = [
      await t.newUser('admin'),
      await t.newUser('client'),
      await t.newUser('client'),
    ];
    const f = factories(t.app, admin);
    const soon = await f.payment({ amount: 10, due_date: '2026-06-17', counterparty_user_id: client.id });
    const later = await f.payment({ amount: 20, due_date: '2026-06-25' });
    const late = await f.payment({ amount: 30, due_date: '2026-06-14', counterparty_user_id: client.id });
    const settled = await f.payment({ amount: 40, due_date: '2026-06-01' });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${settled.id}/pay`,
      headers: admin.auth,
      payload: {},
    });
    const live = await TestClient.connect(await listen(t.app), { token: client.token });
    await settle(50); // the socket is registered once its token is checked

    expect(await t.app.notifications.scheduler.runOnce()).toBe(2);
    expect(await t.app.notifications.scheduler.runOnce()).toBe(0); // a second pass: nothing new
    expect(await timed(t, admin)).toEqual(
      [`payment.due_soon:${soon.id}`, `payment.overdue:${late.id}`].sort(),
    );
    expect(await timed(t, client)).toEqual(await timed(t, admin));
    expect(await timed(t, other)).toEqual([]);
    await live.until((c) => c.notifications().length === 2);

    t.clock.set('2026-06-23T08:00:00Z'); // `later` is now due within 3 days, `soon` is overdue
    expect(await t.app.notifications.scheduler.runOnce()).toBe(2);
    expect(await t.app.notifications.scheduler.runOnce()).toBe(0);
    expect(await timed(t, admin)).toEqual(
      [
        `payment.due_soon:${soon.id}`,
        `payment.overdue:${late.id}`,
        `payment.due_soon:${later.id}`,
        `payment.overdue:${soon.id}`,
      ].sort(),
    );
    await live.close();
  });

  it('two app instances on one database, running at the same moment, notify once', async () => {
    const fresh = await freshDatabaseConfig();
    cleanups.push(fresh.cleanup);
    const one = await start(fresh.database);
    const two = await start(fresh.database);
    const admin = await one.newUser('admin');
    const f = factories(one.app, admin);
    for (let i = 0; i < 10; i++)
      await f.payment({ amount: 5 + i, due_date: i % 2 ? '2026-06-16' : '2026-06-10' });
    const [a, b] = await Promise.all([
      one.app.notifications.scheduler.runOnce(),
      two.app.notifications.scheduler.runOnce(),
    ]);
    expect(a + b).toBe(10);
    expect(await timed(one, admin)).toHaveLength(10);
    // A restart (a third instance) finds everything claimed.
    const three = await start(fresh.database);
    expect(await three.app.notifications.scheduler.runOnce()).toBe(0);
  });

  it('runs on its own at the configured interval and stops with the app', async () => {
    const fresh = await freshDatabaseConfig();
    cleanups.push(fresh.cleanup);
    const t = await startTestApp({
      database: fresh.database,
      now: '2026-06-15T08:00:00Z',
      config: { schedulerIntervalMs: 50 },
    });
    const admin = await t.newUser('admin');
    await factories(t.app, admin).payment({ amount: 1, due_date: '2026-06-16' });
    await expect.poll(() => timed(t, admin), { timeout: 3000 }).toHaveLength(1);
    await t.app.close(); // must not hang on the timer or a run in flight
  });
});
