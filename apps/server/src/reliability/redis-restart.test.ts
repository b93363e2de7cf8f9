import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisBus } from '../notifications/bus.ts';
import { hasRedis, settle, startRedis, startRedisNodes, TestClient } from '../notifications/test-support.ts';
import { factories } from '../test/factories.ts';
import { useCleanups } from '../test/harness.ts';

const missing = !hasRedis();
if (missing && process.env.CI === 'true')
  throw new Error('redis-server is not installed (/usr/bin/redis-server): the Redis fault test cannot run.');

// transaction.created only: the anomaly rule may add its own notification for an odd amount.
const amounts = (c: TestClient) => c.notifications('transaction.created').map((n) => n.data.amount as number);
const ids = (c: TestClient) => c.notifications().map((n) => Number(n.id));

/**
 * Extends notifications/redis.test.ts (one write per phase, one node writing) with writes on
 * both nodes before, during and after the outage: each node keeps serving its own clients, nothing
 * is doubled, cross-node delivery resumes, and `since` from before the outage fills every gap.
 */
describe.skipIf(missing)('Redis stopped and started while both nodes write', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const cleanups = useCleanups();
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis.stop());

  it('local delivery never stops; cross-node resumes; since from before the outage misses nothing', async () => {
    const [a, b] = await startRedisNodes(redis.url, cleanups);
    const admin = await a.t.newUser('admin');
    const fa = factories(a.t.app, admin);
    const fb = factories(b.t.app, admin);
    const category = await fa.category('expense');
    const onA = await TestClient.connect(a.base, { token: admin.token });
    const onB = await TestClient.connect(b.base, { token: admin.token });
    await settle(50);

    // Amount = phase × 100 + n; odd n written on A, even n on B.
    const phase = async (p: number) => {
      const written: number[] = [];
      for (let n = 1; n <= 10; n++) {
        const amount = p * 100 + n;
        await (n % 2 ? fa : fb).transaction({ amount, category_id: category.id });
        written.push(amount);
      }
      return written;
    };
    const before = await phase(1);
    for (const c of [onA, onB]) await c.until((x) => x.notifications().length === 10, 3000, 'phase 1');
    const lastBefore = { a: onA.notifications().at(-1)?.id ?? '0', b: onB.notifications().at(-1)?.id ?? '0' };

    await redis.stop();
    const during = await phase(2);
    const fromA = during.filter((x) => x % 2 === 1);
    const fromB = during.filter((x) => x % 2 === 0);
    await onA.until((x) => fromA.every((m) => amounts(x).includes(m)), 3000, "A's own writes");
    await onB.until((x) => fromB.every((m) => amounts(x).includes(m)), 3000, "B's own writes");

    redis = await startRedis(redis.port);
    await (a.t.app.notifications.bus as RedisBus).ready(10_000);
    await (b.t.app.notifications.bus as RedisBus).ready(10_000);
    await settle(300); // subscriptions restored
    const after = await phase(3);
    for (const c of [onA, onB])
      await c.until((x) => after.every((m) => amounts(x).includes(m)), 5000, 'phase 3');
    await settle(200);

    for (const [c, own] of [
      [onA, fromA],
      [onB, fromB],
    ] as const) {
      expect(new Set(ids(c)).size).toBe(ids(c).length); // nothing doubled
      // Everything arrived live, the other node's outage-time writes included (each node reads the
      // database on a timer while Redis is down), and in id order.
      expect(amounts(c)).toEqual([...before, ...during, ...after]);
      expect(own.every((m) => during.includes(m))).toBe(true);
    }

    // Reconnecting from the last id seen before the outage replays exactly the rest, on either node.
    for (const [base, since] of [
      [a.base, lastBefore.a],
      [b.base, lastBefore.b],
    ] as const) {
      const again = await TestClient.connect(base, { token: admin.token, since });
      await again.until((x) => amounts(x).length >= 20, 5000, 'the replay');
      await settle(200);
      expect(amounts(again)).toEqual([...during, ...after]);
      await again.close();
    }
    await Promise.all([onA.close(), onB.close()]);
  });

  /**
   * With Redis holding node A's signal (CLIENT PAUSE), node B must still not deliver its own later
   * id before A's earlier one: a client resuming from the last id it received would skip it.
   * A node never delivers past a gap in the ids (OrderedFeed): B reads the database and delivers 1
   * then 2.
   */
  it('a client resuming from the last id it received never misses an earlier id still in flight from the other node', async () => {
    const [a, b] = await startRedisNodes(redis.url, cleanups);
    const admin = await a.t.newUser('admin');
    const category = await factories(a.t.app, admin).category('expense');
    const onB = await TestClient.connect(b.base, { token: admin.token });
    await settle(50);

    const control = new Redis(redis.url);
    cleanups.push(async () => void control.disconnect());
    await control.call('CLIENT', 'PAUSE', '1000', 'WRITE'); // PUBLISH waits; nodes stay connected
    await factories(a.t.app, admin).transaction({ amount: 1, category_id: category.id }); // id N, held in Redis
    await factories(b.t.app, admin).transaction({ amount: 2, category_id: category.id }); // id N+1, local on B
    await onB.until((x) => amounts(x).includes(2), 900, 'the local notification');
    const last = onB.notifications().at(-1)?.id ?? '0'; // what a browser stores as "last seen"
    await onB.close();
    await settle(1300); // the pause ends; N reaches B, but no socket of this client is left

    const resumed = await TestClient.connect(b.base, { token: admin.token, since: last });
    await settle(300);
    const got = [...amounts(onB), ...amounts(resumed)];
    await resumed.close();
    expect(got.sort((x, y) => x - y)).toEqual([1, 2]);
  });
});
