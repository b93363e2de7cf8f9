/**
 * WebSocket fan-out bench: N signed-in admins connected to one node; each commit (a transaction
 * created through the API) notifies all of them. Reports delivered notifications/s, commit→receipt
 * latency (p50/p99, from the notification's timestamp, taken in the committing transaction) and
 * server RSS — next to a plain `ws` broadcast loop as the ceiling, in the same run.
 *
 *   ulimit -n 65536; npx tsx bench/ws-fanout.ts [clients…]      (default: 1000 5000)
 *
 * The server runs in a child process pinned to core 0, the clients here on core 1 (when taskset
 * exists), so the two do not share a CPU. Bounded: well under two minutes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { fmt, percentile } from './lib/stats.ts';

const SELF = fileURLToPath(import.meta.url);
const COMMITS = { 1000: 40, 5000: 20 } as Record<number, number>;
const HAS_TASKSET = fs.existsSync('/usr/bin/taskset');

type ToChild = { cmd: 'fire'; count: number } | { cmd: 'rss' };
type FromChild = { ready: true; port: number; tokens: string[] } | { fired: number } | { rss: number };

// ───────────────────────── server children ─────────────────────────

async function appServer(clients: number): Promise<void> {
  const { buildApp } = await import('../apps/server/src/app.ts');
  const { loadConfig } = await import('../apps/server/src/config.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-bench-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_SECONDS: '86400' }),
    database: { kind: 'sqlite' as const, file: path.join(dir, 'bench.sqlite') },
    seed: 'none' as const,
    webDist: undefined,
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
  };
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const now = new Date().toISOString();
  const users = Array.from({ length: clients }, (_, i) => ({
    email: `admin${i}@bench.example`,
    password_hash: 'x',
    first_name: 'Bench',
    last_name: String(i),
    role: 'admin' as const,
    company_name: 'Bench',
    status: 'active' as const,
    created_at: now,
  }));
  const ids: number[] = [];
  for (let i = 0; i < users.length; i += 500)
    ids.push(
      ...(
        await app.ctx.db
          .insertInto('users')
          .values(users.slice(i, i + 500))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  const tokens = await Promise.all(ids.map((userId) => app.ctx.tokens.sign({ userId, role: 'admin' })));
  const category = await app.ctx.db
    .insertInto('categories')
    .values({ name: 'Bench', type: 'expense' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const auth = { authorization: `Bearer ${tokens[0]}` };
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ ready: true, port, tokens } satisfies FromChild);
  process.on('message', async (m: ToChild) => {
    if (m.cmd === 'rss') return process.send?.({ rss: process.memoryUsage().rss } satisfies FromChild);
    for (let i = 0; i < m.count; i++) {
      // Same amount every time: no anomaly or budget notifications, one event per commit.
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/transactions',
        headers: auth,
        payload: {
          type: 'expense',
          amount: 50,
          category_id: String(category.id),
          date: '2026-06-10',
          description: 'bench',
        },
      });
      if (res.statusCode !== 201) throw new Error(`commit failed: ${res.statusCode} ${res.body}`);
    }
    process.send?.({ fired: m.count } satisfies FromChild);
  });
}

/** The ceiling: the same message shape, no auth, no database, one `send` loop per message. */
async function plainServer(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const address = wss.address();
  const port = typeof address === 'object' ? address.port : 0;
  process.send?.({ ready: true, port, tokens: [] } satisfies FromChild);
  let id = 0;
  process.on('message', async (m: ToChild) => {
    if (m.cmd === 'rss') return process.send?.({ rss: process.memoryUsage().rss } satisfies FromChild);
    for (let i = 0; i < m.count; i++) {
      const tail = `,"event":"transaction.created","data":{"message":"New expense of 50.00: “bench”.","entity_type":"transaction","entity_id":"${i}","amount":50},"timestamp":"${new Date().toISOString()}"}`;
      for (const c of wss.clients) c.send(`{"type":"notification","id":"${++id}"${tail}`);
      await new Promise((r) => setImmediate(r)); // like a commit: yield between messages
    }
    process.send?.({ fired: m.count } satisfies FromChild);
  });
}

// ───────────────────────── the bench (clients) ─────────────────────────

class Child {
  private waiters: ((m: FromChild) => void)[] = [];
  constructor(readonly proc: ChildProcess) {
    proc.on('message', (m: FromChild) => this.waiters.shift()?.(m));
  }
  static start(kind: 'app' | 'plain', clients: number): Child {
    const args = [...process.execArgv, SELF, kind, String(clients)];
    const [cmd, argv] = HAS_TASKSET
      ? ['taskset', ['-c', '0', process.execPath, ...args]]
      : [process.execPath, args];
    return new Child(spawn(cmd, argv as string[], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }
  next<T extends FromChild>(): Promise<T> {
    return new Promise((resolve) => this.waiters.push((m) => resolve(m as T)));
  }
  ask<T extends FromChild>(m: ToChild): Promise<T> {
    const reply = this.next<T>();
    this.proc.send(m);
    return reply;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGKILL');
    });
  }
}

interface Row {
  scenario: string;
  clients: number;
  delivered: number;
  perSecond: number;
  p50: number;
  p99: number;
  rssMb: number;
}

async function run(kind: 'app' | 'plain', clients: number): Promise<Row> {
  const child = Child.start(kind, clients);
  const ready = await child.next<Extract<FromChild, { ready: true }>>();
  const sockets: WebSocket[] = [];
  const latencies: number[] = [];
  let received = 0;
  let expected = Number.POSITIVE_INFINITY;
  let lastAt = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => {
    done = r;
  });
  // Connect in waves so the accept queue never overflows.
  for (let i = 0; i < clients; i += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, clients - i) }, (_, j) => {
        const token = ready.tokens[i + j] ?? '';
        const ws = new WebSocket(`ws://127.0.0.1:${ready.port}/${kind === 'app' ? `ws?token=${token}` : ''}`);
        sockets.push(ws);
        ws.on('message', (raw) => {
          const text = raw.toString();
          if (!text.startsWith('{"type":"notification"')) return; // data.changed etc.
          const at = Date.now();
          const ts = /"timestamp":"([^"]+)"/.exec(text)?.[1];
          latencies.push(at - Date.parse(ts ?? ''));
          lastAt = at;
          if (++received >= expected) done();
        });
        return new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 500)); // every socket registered on the server
  const commits = COMMITS[clients] ?? 20;
  expected = commits * clients;
  const started = Date.now();
  await child.ask({ cmd: 'fire', count: commits });
  await Promise.race([finished, new Promise((r) => setTimeout(r, 30_000))]);
  const { rss } = await child.ask<{ rss: number }>({ cmd: 'rss' });
  for (const ws of sockets) ws.terminate();
  await child.stop();
  return {
    scenario:
      kind === 'app'
        ? 'LogiAccounting hub (commit → outbox → bus → sockets)'
        : 'plain `ws` broadcast loop (ceiling)',
    clients,
    delivered: received,
    perSecond: received / ((lastAt - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rssMb: rss / 1024 / 1024,
  };
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  if (HAS_TASKSET) execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
  const rows: Row[] = [];
  for (const clients of sizes.length ? sizes : [1000, 5000]) {
    rows.push(await run('plain', clients));
    rows.push(await run('app', clients));
  }
  console.log(
    '| scenario | clients | commits × clients delivered | delivered msg/s | p50 ms | p99 ms | server RSS MB | % of ceiling |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ceiling = rows.find((c) => c.clients === r.clients && c.scenario.startsWith('plain'));
    const pct = ceiling ? (100 * r.perSecond) / ceiling.perSecond : Number.NaN;
    console.log(
      `| ${r.scenario} | ${r.clients} | ${r.delivered} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50, 0)} | ${fmt(r.p99, 0)} | ${fmt(r.rssMb, 0)} | ${fmt(pct, 0)} % |`,
    );
  }
}

const role = process.argv[2];
if (role === 'app') await appServer(Number(process.argv[3]));
else if (role === 'plain') await plainServer();
else await main();
