import { describe, expect, it } from 'vitest';
import { settle, TestClient } from '../notifications/test-support.ts';
import { useCleanups } from '../test/harness.ts';
import {
  feedIds,
  freshServerEnv,
  loginAdmin,
  ok,
  request,
  type ServerProcess,
  spawnServer,
} from './support.ts';

const ids = (c: TestClient) => c.notifications().map((n) => Number(n.id));

/**
 * The outbox's promise: a notification is stored in the change's own transaction, so a crash
 * after commit and before publish loses nothing. Proven with a real process that SIGKILLs itself
 * in exactly that gap (FAULT_KILL_AFTER_COMMIT, see main.ts), then a restart on the same database.
 * On SQLite by default; on a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
describe('SIGKILL between commit and publish', () => {
  const cleanups = useCleanups();

  it('the committed notification reaches the client after a restart and reconnect with since, exactly once', async () => {
    const env = await freshServerEnv('logi-rel-kill-', cleanups);
    const track = (s: ServerProcess) => {
      cleanups.push(() => s.stop(2000));
      return s;
    };

    // 1. A normal run: one notification seen live; the client remembers its id.
    const one = track(await spawnServer(env));
    const token = await loginAdmin(one.url);
    const category = await ok<{ id: string }>(one.url, 'POST', '/api/v1/categories', {
      token,
      body: { name: 'Fuel', type: 'expense' },
    });
    const tx = (amount: number) => ({
      token,
      body: {
        type: 'expense',
        amount,
        category_id: category.id,
        date: '2026-06-10',
        description: `t${amount}`,
      },
    });
    const first = await TestClient.connect(one.ws, { token });
    await ok(one.url, 'POST', '/api/v1/transactions', tx(1));
    await first.until((c) => c.notifications().length === 1);
    const lastSeen = first.notifications()[0]?.id ?? '';
    await one.stop();
    expect(await one.exited).toEqual({ code: 0, signal: null });

    // 2. The faulty run: the change commits, then the process dies before publishing.
    const two = track(await spawnServer({ ...env, FAULT_KILL_AFTER_COMMIT: '1' }));
    const live = await TestClient.connect(two.ws, { token, since: lastSeen });
    await settle(100);
    const answer = await request(two.url, 'POST', '/api/v1/transactions', tx(2)).catch((err: Error) => err);
    expect(answer).toBeInstanceOf(Error); // no response: the process died mid-request
    expect(await two.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await live.closed).code).toBe(1006); // abnormal closure, no close frame
    expect(live.notifications()).toEqual([]); // killed before publish: nothing went out live

    // 3. Restart on the same data; the client reconnects from the last id it saw.
    const three = track(await spawnServer(env));
    const back = await TestClient.connect(three.ws, { token, since: lastSeen });
    await back.until((c) => c.notifications().length >= 1, 5000, 'the replayed notification');
    await settle(300); // would a second copy arrive?
    expect(back.notifications()).toHaveLength(1);
    const [replayed] = back.notifications();
    expect(replayed?.event).toBe('transaction.created');
    expect(replayed?.data.amount).toBe(2);
    expect([...ids(first), ...ids(back)]).toEqual(await feedIds(three.url, token));

    // The transaction itself committed once.
    const list = await ok<{ transactions: { amount: number }[] }>(
      three.url,
      'GET',
      '/api/v1/transactions?limit=10',
      { token },
    );
    expect(list.transactions.map((t) => t.amount).sort()).toEqual([1, 2]);

    // A client already past it is not sent it again.
    const after = await TestClient.connect(three.ws, { token, since: replayed?.id ?? '' });
    await settle(300);
    expect(after.notifications()).toEqual([]);
    await Promise.all([back.close(), after.close()]);
  });
});
