import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { settle, TestClient } from '../notifications/test-support.ts';
import { useCleanups } from '../test/harness.ts';
import {
  freshServerEnv,
  loginAdmin,
  ok,
  request,
  type ServerProcess,
  spawnServer,
  waitFor,
} from './support.ts';

/**
 * SIGTERM on the real process (main.ts → app.close()): stop accepting, let in-flight requests
 * finish, close WebSockets with 1001 so clients reconnect with `since`, exit 0.
 */
describe('graceful shutdown on SIGTERM', () => {
  const cleanups = useCleanups();

  it('finishes the in-flight request, refuses new connections, closes sockets with 1001, exits 0', async () => {
    const server: ServerProcess = await spawnServer(await freshServerEnv('logi-rel-term-', cleanups));
    cleanups.push(() => server.stop(2000));
    const token = await loginAdmin(server.url);
    const category = await ok<{ id: string }>(server.url, 'POST', '/api/v1/categories', {
      token,
      body: { name: 'Rent', type: 'expense' },
    });
    const sockets = await Promise.all([1, 2, 3].map(() => TestClient.connect(server.ws, { token })));

    // An in-flight request the test controls: headers and half the body now, the rest after SIGTERM.
    // (A "slow list" would race the signal; a half-sent body is in flight for as long as we like.)
    const body = JSON.stringify({
      type: 'expense',
      amount: 42.5,
      category_id: category.id,
      date: '2026-06-10',
      description: 'sent across the shutdown',
    });
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${server.url}/api/v1/transactions`,
        {
          method: 'POST',
          agent: false,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeoutPromise(1500).then(() => req.end(body.slice(20)));
    });
    // Settled now, asserted below: an early rejection must not surface as an unhandled one.
    const outcome = inFlight.then(
      (r) => r,
      (e: Error) => e,
    );
    await settle(200); // the request has reached the server
    server.child.kill('SIGTERM');

    // Open sockets are told the server is going away.
    for (const s of sockets) expect((await s.closed).code).toBe(1001);
    // New connections are refused while the in-flight request is still running.
    await waitFor(
      async () =>
        (await request(server.url, 'GET', '/healthz').catch((e: NodeJS.ErrnoException) => e.code)) ===
        'ECONNREFUSED',
      1000,
      'new connections to be refused',
    );
    expect(server.child.exitCode).toBeNull();

    const done = await outcome;
    if (done instanceof Error) throw new Error(`the in-flight request was cut: ${done.message}`);
    expect(done.status).toBe(201);
    expect(JSON.parse(done.body)).toMatchObject({ amount: 42.5, description: 'sent across the shutdown' });
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});

function setTimeoutPromise(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
