import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { freshDatabaseConfig, startTestApp, type TestApp, useCleanups, useTestApp } from '../test/harness.ts';
import { listen, settle, TestClient } from './test-support.ts';

const idsOf = (c: TestClient) => c.notifications().map((n) => Number(n.id));

async function feedIds(app: TestApp, auth: { authorization: string }): Promise<number[]> {
  const res = await app.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=200', headers: auth });
  return (res.json() as { notifications: { id: string }[] }).notifications.map((n) => Number(n.id)).reverse();
}

describe('since: nothing lost, nothing doubled across a reconnect', () => {
  const t = useTestApp();

  it('replays what was missed, oldest first, then continues live', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    const first = await TestClient.connect(base, { token: admin.token });
    await f.transaction({ amount: 1, category_id: category.id });
    await first.until((c) => c.notifications().length === 1);
    const lastSeen = first.notifications()[0]?.id ?? '';
    await first.close();

    for (let i = 2; i <= 4; i++) await f.transaction({ amount: i, category_id: category.id });
    const again = await TestClient.connect(base, { token: admin.token, since: lastSeen });
    await again.until((c) => c.notifications().length === 3);
    await f.transaction({ amount: 5, category_id: category.id });
    await again.until((c) => c.notifications().length === 4);
    await settle();
    expect(again.notifications().map((n) => n.data.amount)).toEqual([2, 3, 4, 5]);
    expect([...idsOf(first), ...idsOf(again)]).toEqual(await feedIds(t(), admin.auth));
    await again.close();
  });

  it('hands over from replay to live without gaps or duplicates while writes keep coming', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const f = factories(t().app, admin);
    const category = await f.category('expense');
    for (let i = 0; i < 30; i++) await f.transaction({ amount: i + 1, category_id: category.id });
    let writing = true;
    const writer = (async () => {
      // Four writers at a time: on PostgreSQL their ids must still commit in order.
      for (let i = 0; writing && i < 50; i++)
        await Promise.all(
          [0, 1, 2, 3].map((j) => f.transaction({ amount: 100 + i * 4 + j, category_id: category.id })),
        );
    })();
    const clients: TestClient[] = [];
    for (let i = 0; i < 5; i++) {
      clients.push(await TestClient.connect(base, { token: admin.token, since: '0' }));
      await settle(20);
    }
    writing = false;
    await writer;
    const all = await feedIds(t(), admin.auth);
    for (const c of clients) {
      await c.until((x) => idsOf(x).length >= all.length, 5000, 'every stored notification');
      await settle(50);
      expect(idsOf(c)).toEqual(all); // every id once, in order
      await c.close();
    }
  });
});

describe('since across a server restart', () => {
  const cleanups = useCleanups();

  it('a client of the first server catches up on the second, which shares its database', async () => {
    const fresh = await freshDatabaseConfig();
    cleanups.push(fresh.cleanup);
    const one = await startTestApp({ database: fresh.database });
    const admin = await one.newUser('admin');
    const f1 = factories(one.app, admin);
    const category = await f1.category('expense');
    const client = await TestClient.connect(await listen(one.app), { token: admin.token });
    await f1.transaction({ amount: 1, category_id: category.id });
    await client.until((c) => c.notifications().length === 1);
    await one.app.close();
    expect((await client.closed).code).toBe(1001);

    const two = await startTestApp({ database: fresh.database });
    cleanups.push(() => two.app.close());
    const f2 = factories(two.app, admin);
    await f2.transaction({ amount: 2, category_id: category.id });
    await f2.transaction({ amount: 3, category_id: category.id });
    const since = client.notifications().at(-1)?.id ?? '0';
    const back = await TestClient.connect(await listen(two.app), { token: admin.token, since });
    await back.until((c) => c.notifications().length === 2);
    await f2.transaction({ amount: 4, category_id: category.id });
    await back.until((c) => c.notifications().length === 3);
    await settle();
    expect(back.notifications().map((n) => n.data.amount)).toEqual([2, 3, 4]);
    expect([...idsOf(client), ...idsOf(back)]).toEqual(await feedIds(two, admin.auth));
    await back.close();
  });
});
