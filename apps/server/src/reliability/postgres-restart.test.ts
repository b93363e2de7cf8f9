import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, settle, TestClient } from '../notifications/test-support.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { type PgCluster, postgresBin, request, startPgCluster, waitFor } from './support.ts';

// CI must run this for real; a laptop without PostgreSQL skips it.
const bin = postgresBin();
if (!bin && process.env.CI === 'true')
  throw new Error(
    'PostgreSQL (initdb under /usr/lib/postgresql/*/bin) is missing: the restart test cannot run.',
  );

interface Outcome {
  at: number;
  route: string;
  status: number;
  body: unknown;
}

/**
 * PostgreSQL stops while requests keep coming, then starts again. The app (same process, never
 * restarted) must answer 503 with the contract's `{detail}` shape while the database is away,
 * never a 500, and serve normally again once it is back. Its own throwaway cluster: this test
 * stops the server, so it cannot share TEST_DATABASE_URL.
 */
describe.skipIf(!bin)('PostgreSQL restarted under load', () => {
  let cluster: PgCluster;
  let t: TestApp;
  beforeAll(async () => {
    cluster = await startPgCluster(bin as string);
    t = await startTestApp({ database: { kind: 'postgres', url: cluster.url } });
  });
  afterAll(async () => {
    await t?.close();
    cluster?.destroy();
  });

  it('answers 503 {detail} while it is down and recovers without an app restart', async () => {
    const base = await listen(t.app);
    const http = base.replace('ws://', 'http://');
    const admin = await t.newUser('admin');
    const token = admin.token;
    const category = (await request(http, 'POST', '/api/v1/categories', {
      token,
      body: { name: 'Freight', type: 'expense' },
    })) as { status: number; body: { id: string } };
    expect(category.status).toBe(201);
    const live = await TestClient.connect(base, { token });

    const outcomes: Outcome[] = [];
    let running = true;
    let n = 0;
    const worker = async (w: number) => {
      while (running) {
        n += 1;
        const calls: [string, Promise<{ status: number; body: unknown }>][] = [
          ['GET /transactions', request(http, 'GET', '/api/v1/transactions?limit=50', { token })],
          [
            'POST /transactions',
            request(http, 'POST', '/api/v1/transactions', {
              token,
              body: {
                type: 'expense',
                amount: (n % 500) + 1,
                category_id: category.body.id,
                date: '2026-06-10',
                description: `load ${w}/${n}`,
              },
            }),
          ],
          ['GET /notifications', request(http, 'GET', '/api/v1/notifications?limit=20', { token })],
          ['GET /healthz', request(http, 'GET', '/healthz')],
        ];
        for (const [route, p] of calls) {
          const res = await p.catch((e: Error) => ({ status: -1, body: e.message }));
          outcomes.push({ at: Date.now(), route, ...res });
        }
        await settle(10);
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await settle(800);
    const lastBefore = live.notifications().at(-1)?.id ?? '0';

    const stoppedAt = Date.now();
    cluster.stop();
    await waitFor(() => outcomes.some((o) => o.at > stoppedAt && o.status === 503), 10_000, 'a 503');
    // A socket opened while the database is away is asked to retry (1013), not told its token is bad (4001).
    const during = await TestClient.connect(base, { token });
    expect((await during.closed).code).toBe(1013);
    await settle(500);

    const startedAt = Date.now();
    cluster.start();
    await waitFor(
      () =>
        outcomes.filter((o) => o.at > startedAt && o.route === 'POST /transactions' && o.status === 201)
          .length >= 5,
      15_000,
      'writes to succeed again',
    );
    await settle(500);
    running = false;
    await Promise.all(workers);

    const bad = outcomes.filter((o) => ![200, 201, 503].includes(o.status));
    expect(bad).toEqual([]); // never a 500, never a dropped connection
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) expect(o.body).toEqual({ detail: expect.any(String) });
    const recovered = outcomes.filter((o) => o.at > startedAt + 2000);
    expect(recovered.every((o) => o.status < 300)).toBe(true);

    // Notifications: the socket opened before the outage stayed up; nothing is missing or doubled,
    // and reconnecting from the last id seen before the outage replays exactly the rest.
    const feed = (
      (await request(http, 'GET', '/api/v1/notifications?limit=200', { token })).body as {
        notifications: { id: string }[];
      }
    ).notifications
      .map((x) => Number(x.id))
      .reverse();
    const seen = live.notifications().map((x) => Number(x.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((id) => feed.includes(id))).toBe(true);
    const again = await TestClient.connect(base, { token, since: lastBefore });
    const tail = feed.filter((id) => id > Number(lastBefore));
    await again.until((c) => c.notifications().length >= tail.length, 5000, 'the replay');
    expect(again.notifications().map((x) => Number(x.id))).toEqual(tail);
    await Promise.all([live.close(), again.close()]);
    console.info(
      `postgres restart: ${outcomes.length} requests, ${unavailable.length} × 503, ` +
        `${outcomes.filter((o) => o.status < 300).length} × 2xx, live notifications ${seen.length}/${feed.length}`,
    );
  });
});
