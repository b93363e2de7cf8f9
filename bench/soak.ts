/**
 * Soak: the built server on one core, this load process on the other, for `--duration` seconds:
 * mixed API traffic plus `--clients` WebSocket sessions with churn (disconnect storms, reconnects
 * with `since`). Fails (exit 1) on any error response, any lost or doubled notification, or a
 * server heap that grew. `npm run soak -- --duration 45 --clients 300` is the CI-sized run.
 *
 * Notification check: every session starts with `since=0` on a user with an empty feed and always
 * resumes from the last id it received, so at the end it must hold exactly that user's REST feed,
 * each id once, whatever it received live or by replay.
 *
 * Memory: `node --heapsnapshot-signal=SIGUSR2` (no server code involved) writes a heap snapshot on
 * a signal; V8 collects garbage before taking one, so the summed self sizes are the live heap.
 * One after warm-up, one at the end with the same sessions online and no traffic: they must match.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { CORES, rssBytes, waitForHttp } from './lib/proc.ts';

// ---------------------------------------------------------------- options
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const DURATION_S = flag('duration', 600);
const CLIENTS = flag('clients', 2000);
const PORT = flag('port', 18_600);
/** Heap may end at most this much above its warm-up value (allocator noise, lazily built caches). */
const HEAP_SLACK = { ratio: 1.1, bytes: 8 * 1024 * 1024 };

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-soak-'));
const base = `http://127.0.0.1:${PORT}`;
const wsBase = `ws://127.0.0.1:${PORT}`;
const log = (msg: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// This process on the load core; the server gets the other one.
try {
  execFileSync('taskset', ['-cp', CORES.client, String(process.pid)], { stdio: 'ignore' });
} catch {}

// ---------------------------------------------------------------- figures
const stats = {
  requests: 0,
  errors: [] as string[],
  byRoute: new Map<string, number>(),
  connects: 0,
  reconnects: 0,
  storms: 0,
  unexpectedCloses: 0,
  messages: 0,
};

// ---------------------------------------------------------------- HTTP
async function api<T>(token: string | null, method: string, url: string, body?: unknown): Promise<T | null> {
  const route = `${method} ${url.replace(/\/\d+(?=\/|$)/g, '/:id').split('?')[0]}`;
  stats.requests += 1;
  stats.byRoute.set(route, (stats.byRoute.get(route) ?? 0) + 1);
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      stats.errors.push(`${route} → ${res.status} ${text.slice(0, 200)}`);
      return null;
    }
    return JSON.parse(text) as T;
  } catch (err) {
    stats.errors.push(`${route} → ${(err as Error).message}`);
    return null;
  }
}

async function must<T>(token: string | null, method: string, url: string, body?: unknown): Promise<T> {
  const res = await api<T>(token, method, url, body);
  if (res === null) throw new Error(`set-up failed: ${stats.errors.at(-1)}`);
  return res;
}

async function feed(token: string): Promise<number[]> {
  const ids: number[] = [];
  let before = '';
  for (;;) {
    const page = await must<{ notifications: { id: string }[] }>(
      token,
      'GET',
      `/api/v1/notifications?limit=200${before ? `&before=${before}` : ''}`,
    );
    for (const n of page.notifications) ids.push(Number(n.id));
    const last = page.notifications.at(-1);
    if (!last || page.notifications.length < 200) return ids.reverse();
    before = last.id;
  }
}

// ---------------------------------------------------------------- WebSocket sessions
interface User {
  id: string;
  role: 'admin' | 'client' | 'supplier';
  token: string;
}

/** One logical client (a browser tab): it survives its socket, resuming with `since`. */
class Session {
  readonly received = new Map<number, number>(); // id → times received
  last = 0;
  ws: WebSocket | null = null;
  wanted = true;
  private connectedBefore = false;
  constructor(readonly user: User) {}

  connect(): Promise<void> {
    stats.connects += 1;
    if (this.connectedBefore) stats.reconnects += 1;
    this.connectedBefore = true;
    const ws = new WebSocket(`${wsBase}/ws?token=${this.user.token}&since=${this.last}`);
    this.ws = ws;
    ws.on('message', (raw) => {
      // As a browser does: once close() was called, later messages are dropped; the next `since`
      // (the last id kept) brings them back.
      if (ws.readyState !== WebSocket.OPEN) return;
      const m = JSON.parse(raw.toString()) as { type: string; id?: string };
      if (m.type !== 'notification' || m.id === undefined) return;
      const id = Number(m.id);
      stats.messages += 1;
      this.received.set(id, (this.received.get(id) ?? 0) + 1);
      if (id > this.last) this.last = id;
    });
    ws.on('close', (code) => {
      if (this.ws !== ws) return; // an earlier socket of this session, already replaced
      this.ws = null;
      // Closed by us (1005/1000) is churn; anything else while wanted is a fault, reconnected.
      if (this.wanted && code !== 1000 && code !== 1005) {
        stats.unexpectedCloses += 1;
        stats.errors.push(`websocket closed ${code} for user ${this.user.id}`);
        setTimeout(() => void this.connect().catch(() => {}), 200);
      }
    });
    ws.on('error', () => {});
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  disconnect(): void {
    this.wanted = false;
    this.ws?.close();
    this.ws = null;
  }

  async resume(): Promise<void> {
    this.wanted = true;
    if (!this.ws) await this.connect();
  }
}

async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

// ---------------------------------------------------------------- server
function startServer(): ChildProcess {
  const args = ['--heapsnapshot-signal=SIGUSR2', path.join(root, 'apps/server/dist/main.js')];
  const [cmd, argv] = fs.existsSync('/usr/bin/taskset')
    ? ['taskset', ['-c', CORES.server, process.execPath, ...args]]
    : [process.execPath, args];
  return spawn(cmd, argv as string[], {
    cwd: work, // heap snapshots land here
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(work, 'data'),
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      // The payment scheduler runs several times per soak: due-soon notifications are part of the mix.
      SCHEDULER_INTERVAL_SECONDS: '20',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Live heap of the server in bytes, from a fresh heap snapshot (the snapshot itself runs a full GC). */
async function heapBytes(server: ChildProcess, label: string): Promise<number> {
  const before = new Set(fs.readdirSync(work));
  server.kill('SIGUSR2');
  let file: string | undefined;
  const deadline = Date.now() + 120_000;
  while (!file) {
    if (Date.now() > deadline) throw new Error('no heap snapshot appeared');
    await sleep(200);
    file = fs.readdirSync(work).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
  }
  // Written synchronously on the server's main thread: once it answers again, the file is complete.
  await waitForHttp(`${base}/healthz`, 120_000);
  const snap = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8')) as {
    snapshot: { meta: { node_fields: string[] } };
    nodes: number[];
  };
  const stride = snap.snapshot.meta.node_fields.length;
  const at = snap.snapshot.meta.node_fields.indexOf('self_size');
  let total = 0;
  for (let i = at; i < snap.nodes.length; i += stride) total += snap.nodes[i] ?? 0;
  fs.renameSync(path.join(work, file), path.join(work, `${label}.heapsnapshot`));
  return total;
}

// ---------------------------------------------------------------- traffic
const today = new Date();
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => isoDate(new Date(today.getTime() + n * 86_400_000));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

async function main(): Promise<void> {
  log(`duration ${DURATION_S}s, ${CLIENTS} WebSocket sessions, data in ${work}`);
  execFileSync('npm', ['run', 'build', '-w', 'apps/server'], { cwd: root, stdio: 'ignore' });
  const server = startServer();
  const serverExit = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  try {
    await waitForHttp(`${base}/healthz`);
    await run(server);
  } finally {
    server.kill('SIGTERM');
    const code = await Promise.race([serverExit, sleep(15_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') server.kill('SIGKILL');
    else if (code !== 0) stats.errors.push(`server exited ${code} on SIGTERM`);
  }
  const failed = report();
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
  else log(`kept ${work} (heap snapshots, database) for diagnosis`);
  process.exit(failed ? 1 : 0);
}

let verdict: { lost: number; doubled: number; extra: number; heap: [number, number]; rss: [number, number] } =
  {
    lost: 0,
    doubled: 0,
    extra: 0,
    heap: [0, 0],
    rss: [0, 0],
  };

async function run(server: ChildProcess): Promise<void> {
  const login = async (email: string, password: string) =>
    await must<{ token: string; user: { id: string } }>(null, 'POST', '/api/v1/auth/login', {
      email,
      password,
    });
  const demo = await login('admin@logiaccounting.demo', 'Demo2024!Admin');
  const admin = demo.token;

  // Users: few enough logins to stay under the per-address login limit (30 a minute).
  const users: User[] = [{ id: demo.user.id, role: 'admin', token: admin }];
  const roles = [
    ...Array<'admin'>(2).fill('admin'),
    ...Array<'client'>(6).fill('client'),
    ...Array<'supplier'>(6).fill('supplier'),
  ];
  for (const [i, role] of roles.entries()) {
    const email = `soak-${role}-${i}@soak.example`;
    const password = 'Soak-password-123';
    await must(admin, 'POST', '/api/v1/users', {
      email,
      password,
      first_name: 'Soak',
      last_name: `${role} ${i}`,
      role,
      company_name: 'Soak Ltd',
    });
    const l = await login(email, password);
    users.push({ id: l.user.id, role, token: l.token });
  }
  const counterparties = users.filter((u) => u.role !== 'admin');

  const expense = await must<{ id: string }>(admin, 'POST', '/api/v1/categories', {
    name: 'Soak costs',
    type: 'expense',
  });
  const income = await must<{ id: string }>(admin, 'POST', '/api/v1/categories', {
    name: 'Soak sales',
    type: 'income',
  });
  const stock = await must<{ id: string }>(admin, 'POST', '/api/v1/categories', {
    name: 'Soak stock',
    type: 'material',
  });
  const materials: { id: string; quantity: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const m = await must<{ id: string; quantity: number }>(admin, 'POST', '/api/v1/materials', {
      reference: `SOAK-${i}`,
      name: `Soak material ${i}`,
      category_id: stock.id,
      quantity: 50,
      min_stock: 20,
      unit: 'pcs',
      unit_cost: 2.5,
      state: 'available',
    });
    materials.push({ id: m.id, quantity: m.quantity });
  }

  // Sessions: a fifth on admins (every transaction reaches them), the rest on clients and suppliers.
  const sessions: Session[] = [];
  const admins = users.filter((u) => u.role === 'admin');
  for (let i = 0; i < CLIENTS; i++)
    sessions.push(new Session(i % 5 === 0 ? pick(admins) : pick(counterparties)));
  log(`connecting ${CLIENTS} sessions`);
  await inBatches(sessions, 100, (s) => s.connect());

  let running = true;
  const loops: Promise<void>[] = [];
  const loop = (pauseMs: number, body: () => Promise<void>) =>
    loops.push(
      (async () => {
        while (running) {
          await body();
          await sleep(pauseMs);
        }
      })(),
    );

  // Reads.
  for (let k = 0; k < 3; k++)
    loop(20, async () => {
      const u = pick(users);
      if (u.role === 'admin') {
        await api(
          u.token,
          'GET',
          pick([
            '/api/v1/transactions?limit=50',
            '/api/v1/materials?limit=50',
            '/api/v1/payments?limit=50',
            '/api/v1/approvals?status=pending',
            '/api/v1/notifications?limit=20',
          ]),
        );
      } else {
        await api(u.token, 'GET', pick(['/api/v1/payments?limit=50', '/api/v1/notifications?limit=20']));
      }
    });
  // Transactions, one in ten above the approval threshold (10 000).
  let n = 0;
  for (let k = 0; k < 2; k++)
    loop(40, async () => {
      n += 1;
      const big = n % 10 === 0;
      const isIncome = n % 4 === 0;
      await api(admin, 'POST', '/api/v1/transactions', {
        type: isIncome ? 'income' : 'expense',
        amount: big ? 10_000 + (n % 5000) : 10 + (n % 900) + (n % 100) / 100,
        category_id: isIncome ? income.id : expense.id,
        date: isoDate(today),
        description: `soak ${n}`,
      });
    });
  // Approvals: one worker, so no two decide the same approval.
  loop(300, async () => {
    const page = await api<{ approvals: { id: string }[] }>(
      admin,
      'GET',
      '/api/v1/approvals?status=pending&limit=5',
    );
    for (const a of page?.approvals ?? [])
      await api(admin, 'POST', `/api/v1/approvals/${a.id}/${Math.random() < 0.8 ? 'approve' : 'reject'}`);
  });
  // Material movements: one worker, tracking stock so an exit never goes below zero (409).
  loop(150, async () => {
    const m = pick(materials);
    const exit = m.quantity > 25 && Math.random() < 0.6;
    const quantity = 1 + Math.floor(Math.random() * 10);
    if (exit && quantity > m.quantity) return;
    const res = await api<{ quantity: number }>(admin, 'POST', `/api/v1/materials/${m.id}/movements`, {
      type: exit ? 'exit' : 'entry',
      quantity,
      note: 'soak',
    });
    if (res) m.quantity = res.quantity;
  });
  // Payments: create (some due soon, for the scheduler) and pay, one worker.
  loop(200, async () => {
    const cp = pick(counterparties);
    const p = await api<{ id: string }>(admin, 'POST', '/api/v1/payments', {
      type: cp.role === 'client' ? 'receivable' : 'payable',
      amount: 100 + Math.floor(Math.random() * 900),
      due_date: inDays(Math.floor(Math.random() * 10)),
      counterparty_user_id: cp.id,
      reference: 'SOAK',
    });
    if (p && Math.random() < 0.7) await api(admin, 'POST', `/api/v1/payments/${p.id}/pay`, {});
  });

  // Churn: every few seconds a storm drops 5–20 % of sessions, which come back 0.2–3 s later with `since`.
  const churn = (async () => {
    while (running) {
      await sleep(3000 + Math.random() * 4000);
      if (!running) break;
      stats.storms += 1;
      const share = 0.05 + Math.random() * 0.15;
      const victims = sessions.filter(() => Math.random() < share);
      for (const s of victims) s.disconnect();
      await sleep(200 + Math.random() * 2800);
      await inBatches(victims, 200, (s) => s.resume().catch(() => {}));
    }
  })();

  const warmup = Math.max(10, Math.min(60, DURATION_S * 0.1)) * 1000;
  await sleep(warmup);
  // Warm-up snapshot with every session online, like the final one.
  await inBatches(sessions, 200, (s) => s.resume().catch(() => {}));
  const heapStart = await heapBytes(server, 'start');
  const rssStart = rssBytes(server.pid ?? 0);
  log(`warm-up done: heap ${mb(heapStart)}, rss ${mb(rssStart)}`);

  const end = Date.now() + DURATION_S * 1000 - warmup;
  while (Date.now() < end) {
    await sleep(Math.min(30_000, Math.max(0, end - Date.now())));
    log(
      `${stats.requests} requests, ${stats.messages} notifications received, ${stats.reconnects} reconnects, ` +
        `${stats.storms} storms, ${stats.errors.length} errors, server rss ${mb(rssBytes(server.pid ?? 0))}`,
    );
  }
  running = false;
  await Promise.all([...loops, churn]);
  await inBatches(sessions, 200, (s) => s.resume().catch(() => {}));

  // Expected ids per user from the REST feed; wait until every session holds them all (or stalls).
  const expected = new Map<string, Set<number>>();
  for (const u of users) expected.set(u.id, new Set(await feed(u.token)));
  const deadline = Date.now() + 60_000;
  const complete = (s: Session) => (expected.get(s.user.id)?.size ?? 0) <= s.received.size;
  while (Date.now() < deadline && !sessions.every(complete)) await sleep(250);
  await sleep(1000); // a late duplicate would show up now

  // The scheduler keeps running after the traffic stops: read the feeds again so a notification
  // it raised during the wait counts as known, not as one that is missing from the feed.
  const final = new Map<string, Set<number>>();
  for (const u of users) final.set(u.id, new Set(await feed(u.token)));
  for (const s of sessions) {
    const want = expected.get(s.user.id) ?? new Set<number>();
    const known = final.get(s.user.id) ?? new Set<number>();
    for (const id of want) if (!s.received.has(id)) verdict.lost += 1;
    for (const [id, times] of s.received) {
      if (times > 1) verdict.doubled += times - 1;
      if (!known.has(id)) verdict.extra += 1;
    }
  }
  const heapEnd = await heapBytes(server, 'end');
  const rssEnd = rssBytes(server.pid ?? 0);
  verdict = { ...verdict, heap: [heapStart, heapEnd], rss: [rssStart, rssEnd] };
  for (const s of sessions) s.disconnect();
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

function report(): boolean {
  const [heapStart, heapEnd] = verdict.heap;
  const heapFlat = heapStart > 0 && heapEnd <= heapStart * HEAP_SLACK.ratio + HEAP_SLACK.bytes;
  const failed =
    stats.errors.length > 0 || verdict.lost > 0 || verdict.doubled > 0 || verdict.extra > 0 || !heapFlat;
  const routes = [...stats.byRoute.entries()].sort((a, b) => b[1] - a[1]);
  console.log(
    JSON.stringify(
      {
        duration_s: DURATION_S,
        sessions: CLIENTS,
        requests: stats.requests,
        error_responses: stats.errors.length,
        first_errors: stats.errors.slice(0, 10),
        routes: Object.fromEntries(routes),
        websocket_connects: stats.connects,
        reconnects_with_since: stats.reconnects,
        churn_storms: stats.storms,
        unexpected_closes: stats.unexpectedCloses,
        notifications_received: stats.messages,
        lost: verdict.lost,
        doubled: verdict.doubled,
        not_in_feed: verdict.extra,
        heap_start: mb(heapStart),
        heap_end: mb(heapEnd),
        rss_start: mb(verdict.rss[0]),
        rss_end: mb(verdict.rss[1]),
        heap_flat: heapFlat,
        result: failed ? 'FAIL' : 'PASS',
      },
      null,
      2,
    ),
  );
  return failed;
}

await main();
