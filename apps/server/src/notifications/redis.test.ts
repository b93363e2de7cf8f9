import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { type TestApp, useCleanups } from '../test/harness.ts';
import type { RedisBus } from './bus.ts';
import { hasRedis, settle, startRedis, startRedisNodes, TestClient } from './test-support.ts';

// CI must run this for real; a laptop without redis-server skips it.
const missing = !hasRedis();
if (missing && process.env.CI)
  throw new Error('redis-server is not installed (/usr/bin/redis-server): the multi-node test cannot run.');

describe.skipIf(missing)('several nodes: two app instances, one database, Redis pub/sub between them', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const cleanups = useCleanups();
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis.stop());

  async function twoNodes(logs: string[] = []) {
    const logStream = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    return startRedisNodes(redis.url, cleanups, { logStream, logLevel: 'info' });
  }
  const setup = async (a: TestApp) => {
    const admin = await a.newUser('admin');
    const f = factories(a.app, admin);
    return { admin, f, category: await f.category('expense') };
  };

  it('a client on node B receives what node A committed, read state and data.changed included', async () => {
    const [a, b] = await twoNodes();
    const { admin, f, category } = await setup(a.t);
    const client = await a.t.newUser('client');
    const onA = await TestClient.connect(a.base, { token: admin.token });
    const onB = await TestClient.connect(b.base, { token: admin.token });
    const clientOnB = await TestClient.connect(b.base, { token: client.token });
    await settle(50);
    await f.transaction({ amount: 12, category_id: category.id });
    for (const c of [onA, onB]) await c.until((x) => x.notifications('transaction.created').length === 1);
    expect(onB.notifications()[0]?.id).toBe(onA.notifications()[0]?.id);
    await onB.until((x) => x.ofType('data.changed').some((m) => m.entities.includes('transactions')));

    // Read on B → A's tab hears of it.
    await b.t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: admin.auth });
    await onA.until((x) => x.ofType('notifications.read').length === 1);
    await settle();
    expect(clientOnB.notifications()).toEqual([]); // another role's message never crosses over
    await Promise.all([onA.close(), onB.close(), clientOnB.close()]);
  });

  it('a mute saved through node A applies at once to the user’s tab on node B', async () => {
    const [a, b] = await twoNodes();
    const { admin, f, category } = await setup(a.t);
    const onB = await TestClient.connect(b.base, { token: admin.token });
    await settle(50);
    const muted = await a.t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: admin.auth,
      payload: { muted_events: ['transaction.created'] },
    });
    expect(muted.statusCode).toBe(200);
    await settle(100); // the preference change crosses Redis
    await f.transaction({ amount: 30_000, category_id: category.id }); // created (muted) + approval.required
    await onB.until((x) => x.notifications().length === 1);
    await settle();
    expect(onB.notifications().map((n) => n.event)).toEqual(['approval.required']);
    await onB.close();
  });

  it('when Redis drops, every node keeps delivering in order (from the database), and since replays exactly', async () => {
    const logs: string[] = [];
    const [a, b] = await twoNodes(logs);
    const { admin, f, category } = await setup(a.t);
    const onA = await TestClient.connect(a.base, { token: admin.token });
    const onB = await TestClient.connect(b.base, { token: admin.token });
    await settle(50);
    await f.transaction({ amount: 1, category_id: category.id });
    await onB.until((x) => x.notifications().length === 1);

    await redis.stop();
    await f.transaction({ amount: 2, category_id: category.id }); // commits fine without Redis
    await onA.until((x) => x.notifications().length === 2); // local delivery does not need Redis
    // B hears nothing from Redis, but its timer reads the database: still delivered, still in order.
    await onB.until((x) => x.notifications().length === 2, 5000);

    redis = await startRedis(redis.port);
    await (a.t.app.notifications.bus as RedisBus).ready(10_000);
    await (b.t.app.notifications.bus as RedisBus).ready(10_000);
    await settle(300); // subscriptions restored
    await f.transaction({ amount: 3, category_id: category.id });
    await onB.until((x) => x.notifications().length === 3, 5000);
    expect(onB.notifications().map((n) => n.data.amount)).toEqual([1, 2, 3]);

    // A client reconnecting from the first id gets the rest once, no duplicates.
    const first = onB.notifications()[0]?.id ?? '0';
    const again = await TestClient.connect(b.base, { token: admin.token, since: first });
    await again.until((x) => x.notifications().length === 2);
    expect(again.notifications().map((n) => n.data.amount)).toEqual([2, 3]);
    await Promise.all([onA.close(), onB.close(), again.close()]);
    const log = logs.join('');
    expect(log).toContain('Redis unreachable');
    expect(log).toContain('Redis reachable again');
    expect(log).not.toContain(admin.token); // the token travels in the /ws query string
    expect(log).toContain('/ws');
  });
});
