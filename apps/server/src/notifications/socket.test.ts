import { WS_CLOSE_UNAUTHORIZED } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';
import { LIMITS } from './connection.ts';
import { listen, settle, TestClient } from './test-support.ts';

describe('/ws: who may connect, and the socket protocol', () => {
  const t = useTestApp();

  it('closes with 4001 and a reason when the token is missing, invalid, expired or of an inactive user', async () => {
    const base = await listen(t().app);
    const inactive = await t().newUser('client', { status: 'inactive' });
    const expired = await t().app.ctx.tokens.sign({ userId: inactive.row.id, role: 'client' }, -60);
    const queries: Record<string, string>[] = [
      {},
      { token: 'not-a-jwt' },
      { token: expired },
      { token: inactive.token },
    ];
    for (const query of queries) {
      const client = await TestClient.connect(base, query);
      const closed = await client.closed;
      expect(closed.code).toBe(WS_CLOSE_UNAUTHORIZED);
      expect(closed.reason).toMatch(/token/i);
    }
  });

  it('answers a JSON ping with a pong, ignores malformed input and keeps the connection', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const client = await TestClient.connect(base, { token: admin.token });
    client.send('{not json');
    client.send(JSON.stringify({ type: 'unknown' }));
    client.send(JSON.stringify({ type: 'ping' }));
    await client.until((c) => c.ofType('pong').length === 1);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    await client.close();
  });

  it('ignores a flood of inbound messages and closes an abusive socket (1008)', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const client = await TestClient.connect(base, { token: admin.token });
    await settle(50);
    for (let i = 0; i < LIMITS.inboundBurst + LIMITS.inboundAbuse + 20; i++) client.send('{"type":"ping"}');
    expect((await client.closed).code).toBe(1008);
    expect(client.ofType('pong').length).toBeLessThanOrEqual(LIMITS.inboundBurst + 2);
  });

  it('drops a socket that stops answering protocol pings', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const { hub } = t().app.notifications;
    hub.startHeartbeat(100);
    const healthy = await TestClient.connect(base, { token: admin.token });
    const dead = await TestClient.connect(base, { token: admin.token }, { autoPong: false });
    await dead.closed; // terminated by the server after one unanswered ping
    await settle(300);
    expect(hub.connectionsOf(admin.row.id).size).toBe(1);
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    await healthy.close();
  });

  it('pings a slice of the sockets at a time, every socket once per interval', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const clients = await Promise.all(
      Array.from({ length: 50 }, () => TestClient.connect(base, { token: admin.token })),
    );
    const pings = clients.map(() => 0);
    for (const [i, c] of clients.entries()) c.ws.on('ping', () => (pings[i] = (pings[i] ?? 0) + 1));
    t().app.notifications.hub.startHeartbeat(1000);
    await settle(200);
    const early = pings.filter((n) => n > 0).length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(clients.length); // not every socket in one tick
    await settle(1000);
    expect(pings.every((n) => n >= 1 && n <= 2)).toBe(true); // each once per interval
    await Promise.all(clients.map((c) => c.close()));
  });

  it('closes a slow consumer instead of buffering without bound', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const { hub } = t().app.notifications;
    const slow = await TestClient.connect(base, { token: admin.token });
    await settle(50);
    const raw = (slow.ws as unknown as { _socket: { pause(): void } })._socket;
    raw.pause(); // a reader that stopped reading
    const ids = Array.from({ length: 50_000 }, (_, i) => String(i));
    for (let i = 0; i < 200 && hub.connectionsOf(admin.row.id).size > 0; i++) {
      hub.send({ userIds: [admin.row.id] }, { type: 'notifications.read', ids });
      await settle(5);
    }
    await expect.poll(() => hub.connectionsOf(admin.row.id).size, { timeout: 5000 }).toBe(0);
  });

  it('tells every client 1001 when the server shuts down', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const client = await TestClient.connect(base, { token: admin.token });
    await settle(50);
    await t().app.close();
    expect((await client.closed).code).toBe(1001);
  });
});

describe('targeting: each message reaches exactly the users it is for, on every tab', () => {
  const t = useTestApp();

  it('sends admin events to admins only, payment events to the counterparty too, never to others', async () => {
    const base = await listen(t().app);
    const [admin1, admin2, client, supplier] = await Promise.all([
      t().newUser('admin'),
      t().newUser('admin'),
      t().newUser('client'),
      t().newUser('supplier'),
    ]);
    const tabs = await Promise.all(
      [admin1, admin1, admin2, client, supplier].map((u) => TestClient.connect(base, { token: u.token })),
    );
    const [a1tab1, a1tab2, a2, c, s] = tabs as [TestClient, TestClient, TestClient, TestClient, TestClient];
    await settle(50);
    const f = factories(t().app, admin1);
    const category = await f.category('expense');
    await f.transaction({ amount: 120, category_id: category.id, description: 'Paper' });
    for (const tab of [a1tab1, a1tab2, a2])
      await tab.until((x) => x.notifications('transaction.created').length === 1);

    const payment = await f.payment({ amount: 300, due_date: '2026-07-30', counterparty_user_id: client.id });
    const paid = await t().app.inject({
      method: 'POST',
      url: `/api/v1/payments/${payment.id}/pay`,
      headers: admin1.auth,
      payload: {},
    });
    expect(paid.statusCode).toBe(200);
    for (const tab of [a1tab1, a1tab2, a2, c])
      await tab.until((x) => x.notifications('payment.paid').length === 1);
    await settle();

    // The client saw only its own payment; the supplier saw no notification at all.
    expect(c.notifications().map((n) => n.event)).toEqual(['payment.paid']);
    expect(c.notifications()[0]?.data).toMatchObject({
      entity_type: 'payment',
      entity_id: payment.id,
      amount: 300,
    });
    expect(s.notifications()).toEqual([]);
    // Each tab of admin1 got the same ids; admin2's ids are its own rows.
    const ids = (tab: TestClient) => tab.notifications().map((n) => n.id);
    expect(ids(a1tab1)).toEqual(ids(a1tab2));
    expect(ids(a2).some((id) => ids(a1tab1).includes(id))).toBe(false);

    // data.changed: admins hear of every entity, the counterparty of its payments, the supplier nothing.
    await a2.until((x) => x.ofType('data.changed').length >= 1);
    await c.until((x) => x.ofType('data.changed').some((m) => m.entities.includes('payments')));
    expect(c.ofType('data.changed').flatMap((m) => m.entities)).toEqual(['payments']);
    expect(s.ofType('data.changed')).toEqual([]);
    await Promise.all(tabs.map((tab) => tab.close()));
  });

  it('sends data.changed at most once per second per user, merging entities', async () => {
    const base = await listen(t().app);
    const admin = await t().newUser('admin');
    const client = await TestClient.connect(base, { token: admin.token });
    await settle(50);
    const f = factories(t().app, admin);
    const started = Date.now();
    const category = await f.category('material');
    for (let i = 0; i < 5; i++) await f.transaction({ amount: 10 + i, category_id: category.id });
    await f.material({ category_id: category.id, quantity: 5, min_stock: 1 });
    await client.until((c) => c.ofType('data.changed').length >= 2, 2500);
    const elapsed = Date.now() - started;
    const changed = client.ofType('data.changed');
    expect(changed.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
    expect(new Set(changed.flatMap((m) => m.entities))).toEqual(
      new Set(['categories', 'transactions', 'materials']),
    );
    await client.close();
  });
});
