/**
 * The three WebSocket servers under test, one per child process pinned to the server core:
 *   ours  — the real app (buildApp): each message is an outbox row committed in a database
 *           transaction, published on the bus after commit, delivered by the hub;
 *   plain — a bare `ws` server doing the same sends (the ceiling: no auth, no database);
 *   sio   — Socket.IO 4, one room per user plus a role room.
 * Optional REDIS_URL: ours uses its Redis bus, Socket.IO the @socket.io/redis-adapter.
 * Commands arrive over IPC (see ServerCommand); every command gets one reply.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket as WsSocket } from 'ws';

export type Kind = 'ours' | 'plain' | 'sio';
export type ServerCommand =
  | { cmd: 'perUser'; users: number[]; perCommit: number; ratePerSec?: number; durationMs?: number }
  | { cmd: 'broadcast'; count: number }
  | { cmd: 'burst'; users: number[]; perUser: number }
  | { cmd: 'usage' };
export interface Ready {
  port: number;
  /** Socket path (with credentials) of user index i. */
  paths: string[];
  /** Socket.IO: the auth payload of user index i. */
  auth?: string[];
}

const kind = process.argv[2] as Kind;
const users = Number(process.argv[3]);
const dbFile = process.argv[4] ?? '';
const create = process.argv[5] !== 'join'; // the second node joins the first one's database
const redisUrl = process.env.REDIS_URL || undefined;

const DATA = (i: number) => ({
  message: `New expense of 50.00: “bench ${i}”.`,
  entity_type: 'transaction',
  entity_id: String(i),
  amount: 50,
});
const yieldLoop = () => new Promise((r) => setImmediate(r));

interface Driver {
  port: number;
  paths: string[];
  auth?: string[];
  /**
   * Sends one notification to each listed user index, `perCommit` per commit (or loop turn),
   * yielding to the event loop after each one unless `burst` (then everything is queued at once).
   */
  perUser(users: number[], perCommit: number, burst?: boolean): Promise<void>;
  /** One notification to every user (the admin role). */
  broadcast(): Promise<void>;
  /** Open connections as the server counts them. */
  connections?(): number;
}

async function ours(): Promise<Driver> {
  const { buildApp } = await import('../../apps/server/src/app.ts');
  const { loadConfig } = await import('../../apps/server/src/config.ts');
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_SECONDS: '86400' }),
    database: { kind: 'sqlite' as const, file: dbFile },
    seed: 'none' as const,
    webDist: undefined,
    redisUrl,
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
  };
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { db, tokens, events } = app.ctx;
  if (create) {
    const now = new Date().toISOString();
    for (let i = 0; i < users; i += 500) {
      const rows = Array.from({ length: Math.min(500, users - i) }, (_, j) => ({
        email: `admin${i + j}@bench.example`,
        password_hash: 'x',
        first_name: 'Bench',
        last_name: String(i + j),
        role: 'admin' as const,
        company_name: 'Bench',
        status: 'active' as const,
        created_at: now,
      }));
      await db.insertInto('users').values(rows).execute();
    }
  }
  const ids = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
  const paths = await Promise.all(
    ids.map(async (userId) => `/ws?token=${await tokens.sign({ userId, role: 'admin' })}`),
  );
  const { outbox, bus } = app.notifications;
  const port = (app.server.address() as AddressInfo).port;
  let seq = 0;
  // Diagnostic only (BENCH_WS_BYPASS_OUTBOX=1): publish on the bus without storing, to split our
  // cost into hub and storage. Never a product mode: without the row, `since` could not replay it.
  const bypassOutbox = process.env.BENCH_WS_BYPASS_OUTBOX === '1';
  const publishUnstored = (chunk: number[]) =>
    bus.publish({
      kind: 'notifications',
      batches: chunk.map((u) => ({
        event: 'transaction.created' as const,
        data: JSON.stringify(DATA(++seq)),
        timestamp: new Date().toISOString(),
        recipients: [[ids[u] as number, seq]],
      })),
    });
  return {
    port,
    paths,
    connections: () => app.notifications.hub.connectionCount,
    async perUser(list, perCommit, burst = false) {
      for (let i = 0; i < list.length; i += perCommit) {
        const chunk = list.slice(i, i + perCommit);
        if (bypassOutbox) publishUnstored(chunk);
        else
          await events.transact(async (uow) => {
            outbox.add(
              uow,
              chunk.map((u) => ({
                event: 'transaction.created' as const,
                recipients: [ids[u] as number],
                data: DATA(++seq),
              })),
            );
          });
        if (!burst) await yieldLoop();
      }
    },
    async broadcast() {
      await events.transact(async (uow) => {
        outbox.add(uow, [{ event: 'transaction.created', recipients: ids, data: DATA(++seq) }]);
      });
      await yieldLoop();
    },
  };
}

/** The ceiling: a `ws` server that knows each socket's user from its URL, nothing else. */
async function plain(): Promise<Driver> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const byUser = new Map<number, Set<WsSocket>>();
  wss.on('connection', (ws, req) => {
    const u = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('u'));
    const set = byUser.get(u) ?? new Set<WsSocket>();
    byUser.set(u, set);
    set.add(ws);
    ws.on('close', () => set.delete(ws));
  });
  let id = 0;
  const message = (i: number) =>
    JSON.stringify({
      type: 'notification',
      id: String(++id),
      event: 'transaction.created',
      data: DATA(i),
      timestamp: new Date().toISOString(),
    });
  return {
    port: (wss.address() as AddressInfo).port,
    paths: Array.from({ length: users }, (_, i) => `/?u=${i}`),
    async perUser(list, perCommit, burst = false) {
      for (let i = 0; i < list.length; i += perCommit) {
        for (const u of list.slice(i, i + perCommit)) {
          const text = message(u);
          for (const ws of byUser.get(u) ?? []) ws.send(text);
        }
        if (!burst) await yieldLoop();
      }
    },
    async broadcast() {
      const text = message(0);
      for (const ws of wss.clients) ws.send(text);
      await yieldLoop();
    },
  };
}

async function sio(): Promise<Driver> {
  const { Server } = await import('socket.io');
  const server = http.createServer();
  const io = new Server(server, { transports: ['websocket'], serveClient: false });
  if (redisUrl) {
    const { createAdapter } = await import('@socket.io/redis-adapter');
    const { Redis } = await import('ioredis');
    const p = new Redis(redisUrl);
    io.adapter(createAdapter(p, p.duplicate()));
  }
  io.on('connection', (socket) => {
    const u = Number((socket.handshake.auth as { u?: number }).u);
    socket.join([`u${u}`, 'admin']);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  let id = 0;
  const payload = (i: number) => ({
    id: String(++id),
    event: 'transaction.created',
    data: DATA(i),
    timestamp: new Date().toISOString(),
  });
  return {
    port: (server.address() as AddressInfo).port,
    paths: Array.from({ length: users }, () => '/socket.io/?EIO=4&transport=websocket'),
    auth: Array.from({ length: users }, (_, i) => JSON.stringify({ u: i })),
    async perUser(list, perCommit, burst = false) {
      for (let i = 0; i < list.length; i += perCommit) {
        for (const u of list.slice(i, i + perCommit)) io.to(`u${u}`).emit('notification', payload(u));
        if (!burst) await yieldLoop();
      }
    },
    async broadcast() {
      io.to('admin').emit('notification', payload(0));
      await yieldLoop();
    },
  };
}

const driver = await (kind === 'ours' ? ours() : kind === 'plain' ? plain() : sio());
process.send?.({ port: driver.port, paths: driver.paths, auth: driver.auth } satisfies Ready);

async function handle(m: ServerCommand): Promise<unknown> {
  switch (m.cmd) {
    case 'usage':
      return { rss: process.memoryUsage().rss, connections: driver.connections?.() ?? -1 };
    case 'broadcast':
      for (let i = 0; i < m.count; i++) await driver.broadcast();
      return {};
    case 'burst':
      // Many notifications per user back to back: every one is queued within a few milliseconds,
      // so a server that coalesces writes sends each socket's share in one write.
      for (let i = 0; i < m.perUser; i++) await driver.perUser(m.users, Number.MAX_SAFE_INTEGER, true);
      return {};
    case 'perUser': {
      if (!m.ratePerSec) {
        await driver.perUser(m.users, m.perCommit);
        return {};
      }
      // Paced: `ratePerSec` notifications per second in slices every 10 ms, for `durationMs`.
      const started = Date.now();
      let sent = 0;
      let next = 0;
      while (Date.now() - started < (m.durationMs ?? 2000)) {
        const due = Math.floor(((Date.now() - started) / 1000) * m.ratePerSec) - sent;
        if (due > 0) {
          const slice = Array.from({ length: due }, () => m.users[next++ % m.users.length] as number);
          await driver.perUser(slice, m.perCommit);
          sent += due;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return { sent };
    }
  }
}

process.on('SIGTERM', () => process.exit(0));
process.on('message', (m: ServerCommand) => {
  handle(m).then(
    (reply) => process.send?.(reply),
    (err: Error) => process.send?.({ error: err.message }),
  );
});
