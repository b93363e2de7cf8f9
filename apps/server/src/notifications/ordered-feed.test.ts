import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { NotificationBatch } from './bus.ts';
import { OrderedFeed } from './ordered-feed.ts';
import { notificationsRepo } from './repo.ts';
import { settle } from './test-support.ts';

// What each node's delivery guarantees with several nodes: ids reach clients in ascending order,
// once each — whether a batch arrives in sequence, late, or after a gap.
describe('OrderedFeed', () => {
  let t: TestApp | undefined;
  let feed: OrderedFeed | undefined;
  afterEach(async () => {
    feed?.stop();
    await t?.close();
  });

  async function setup() {
    t = await startTestApp();
    const { db, engine } = t.app.ctx;
    const userId = Number((await t.newUser('admin')).id);
    const delivered: number[] = [];
    // No timer during the test: only offers and the reads they cause deliver anything.
    feed = new OrderedFeed(db, (batches) => delivered.push(...idsOf(batches)), t.app.log, 3_600_000);
    await settle(50); // the newest id at start-up is known
    const store = async (n: number) =>
      (
        await notificationsRepo.insertRows(
          db,
          engine,
          Array.from({ length: n }, () => ({ user_id: userId, event: 'transaction.created', data: '{}' })),
          new Date().toISOString(),
        )
      ).map((r) => batchOf(userId, r.id));
    return { delivered, store, feed };
  }
  const batchOf = (userId: number, id: number): NotificationBatch => ({
    event: 'transaction.created',
    data: '{}',
    timestamp: new Date().toISOString(),
    recipients: [[userId, id]],
  });
  const idsOf = (batches: NotificationBatch[]) => batches.flatMap((b) => b.recipients.map(([, id]) => id));

  it('a batch that skips ids is not delivered ahead of them: the missing ones are read first', async () => {
    const { delivered, store, feed } = await setup();
    const [first, second, third] = await store(3);
    feed.offer([third as NotificationBatch]); // heard of the third before the first two
    await settle(200);
    expect(delivered).toEqual(idsOf([first, second, third] as NotificationBatch[]));
    feed.offer([first as NotificationBatch, second as NotificationBatch]); // late: already delivered
    await settle(200);
    expect(delivered).toHaveLength(3);
  });

  it('a batch that continues the sequence goes out at once, in order', async () => {
    const { delivered, store, feed } = await setup();
    const batches = await store(2);
    feed.offer(batches);
    expect(delivered).toEqual(idsOf(batches)); // synchronously: no database read in between
    const next = await store(1);
    feed.offer(next);
    expect(delivered).toEqual(idsOf([...batches, ...next]));
  });
});
