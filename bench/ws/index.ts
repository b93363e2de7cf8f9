/**
 * WebSocket benchmarks (issue 11 §4–6). Servers run pinned to the server core, the counting client
 * (bench/ws/client.ts, raw TCP) in one process pinned to the client core; its CPU share is recorded
 * and runs where it reaches 95 % are flagged as client-bound.
 *
 * One node: ours vs a plain `ws` server doing the same sends (the ceiling) vs Socket.IO 4 (a room
 * per user), same counting client, randomised order, median of the rounds. Per size: memory per
 * idle connection, per-user notifications, role broadcast, bursts, commit → receipt latency at half
 * of the per-user maximum. Two nodes through Redis: ours (REDIS_URL) vs Socket.IO + redis-adapter.
 * Robustness (ours): a slow consumer, and K clients dropped then resumed with `since`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CORES, cpuSeconds, rssBytes } from '../lib/proc.ts';
import { fmt, median, percentile, shuffle } from '../lib/stats.ts';
import type { ClientCommand, ClientStats } from './client.ts';
import type { Kind, Ready, ServerCommand } from './servers.ts';

const HAS_TASKSET = fs.existsSync('/usr/bin/taskset');
const TSX_LOADER = ['--import', 'tsx'];
const HERE = path.dirname(new URL(import.meta.url).pathname);

/** A child process pinned to one core, spoken to over IPC: one reply per command. */
class Proc {
  private waiters: ((m: unknown) => void)[] = [];
  readonly child: ChildProcess;
  constructor(core: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    // BENCH_CPU_PROF=<dir>: servers write a V8 CPU profile there when they stop (for flame graphs).
    const prof =
      process.env.BENCH_CPU_PROF && script === 'servers.ts'
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : [];
    const argv = [...prof, ...TSX_LOADER, path.join(HERE, script), ...args];
    const [cmd, full] = HAS_TASKSET
      ? ['taskset', ['-c', core, process.execPath, ...argv]]
      : [process.execPath, argv];
    this.child = spawn(cmd, full as string[], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    this.child.on('message', (m) => this.waiters.shift()?.(m));
  }
  get pid(): number {
    return this.child.pid ?? 0;
  }
  next<T>(): Promise<T> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`child exited (${code})`));
      this.child.once('exit', onExit);
      this.waiters.push((m) => {
        this.child.off('exit', onExit);
        resolve(m as T);
      });
    });
  }
  ask<T>(m: ServerCommand | ClientCommand): Promise<T> {
    const reply = this.next<T>();
    this.child.send(m);
    return reply;
  }
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM'); // servers exit at once (and write a CPU profile when asked to)
    await Promise.race([exited, sleep(3000).then(() => this.child.kill('SIGKILL'))]);
    await exited;
  }
}

async function startServer(
  kind: Kind,
  users: number,
  dbFile: string,
  opts: { join?: boolean; redisUrl?: string } = {},
) {
  const proc = new Proc(
    CORES.server,
    'servers.ts',
    [kind, String(users), dbFile, opts.join ? 'join' : 'create'],
    {
      REDIS_URL: opts.redisUrl ?? '',
    },
  );
  const ready = await proc.next<Ready>();
  return { proc, ready };
}

const clientCpuPct = (s: ClientStats) => (s.wallMs > 0 ? (100 * s.cpuMs) / s.wallMs : 0);

export interface WsRun {
  contender: Kind;
  clients: number;
  connected: number;
  memPerConnKb: number;
  /** The server's peak resident memory over the whole run, MB. */
  peakRssMb: number;
  perUser: Rate;
  broadcast: Rate;
  burst: Rate;
  p50: number;
  p99: number;
  halfLoadRate: number;
}
interface Rate {
  delivered: number;
  expected: number;
  perSec: number;
  perCpuSec: number;
  clientCpuPct: number;
}

async function measure(
  client: Proc,
  servers: Proc[],
  expected: number,
  fire: () => Promise<unknown>,
  timeoutMs = 30_000,
): Promise<Rate> {
  await client.ask({ cmd: 'reset' });
  const cpu0 = servers.reduce((s, p) => s + cpuSeconds(p.pid), 0);
  const [fired, stats] = await Promise.all([
    fire(),
    client.ask<ClientStats>({ cmd: 'wait', count: expected, timeoutMs }),
  ]);
  const error = (fired as { error?: string } | undefined)?.error;
  if (error) process.stderr.write(`  server error: ${error}\n`);
  const cpu1 = servers.reduce((s, p) => s + cpuSeconds(p.pid), 0);
  return {
    delivered: stats.notifications,
    expected,
    perSec: (stats.notifications / stats.elapsedMs) * 1000,
    perCpuSec: stats.notifications / Math.max(0.01, cpu1 - cpu0),
    clientCpuPct: clientCpuPct(stats),
  };
}

/** Paced per-user sends at `rate`/s for `ms`: commit → receipt percentiles at that load. */
async function latencyAt(client: Proc, server: Proc, users: number[], rate: number, ms: number) {
  await client.ask({ cmd: 'reset' });
  const { sent } = await server.ask<{ sent: number }>({
    cmd: 'perUser',
    users,
    perCommit: Number.MAX_SAFE_INTEGER,
    ratePerSec: rate,
    durationMs: ms,
  });
  const stats = await client.ask<ClientStats>({ cmd: 'wait', count: sent, timeoutMs: 10_000 });
  return {
    p50: percentile(stats.latencies, 50),
    p99: percentile(stats.latencies, 99),
    clientCpuPct: clientCpuPct(stats),
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function oneNode(kind: Kind, clients: number, o: WsOptions): Promise<WsRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-ws-'));
  const { proc: server, ready } = await startServer(kind, clients, path.join(dir, 'bench.sqlite'));
  const client = new Proc(CORES.client, 'client.ts', []);
  try {
    await sleep(300);
    const rss0 = rssBytes(server.pid);
    const { connected } = await client.ask<{ connected: number }>({
      cmd: 'connect',
      port: ready.port,
      paths: ready.paths,
      auth: ready.auth,
      proto: kind === 'sio' ? 'sio' : 'ws',
    });
    await sleep(500); // every socket registered (and replayed, for ours) on the server
    const memPerConnKb = (rssBytes(server.pid) - rss0) / 1024 / Math.max(1, connected);
    const all = range(clients);
    const perUserRounds = Math.max(1, Math.round(o.perUserMessages / clients));
    const perUser = await measure(client, [server], connected * perUserRounds, async () => {
      for (let r = 0; r < perUserRounds; r++)
        await server.ask({ cmd: 'perUser', users: all, perCommit: o.perCommit });
    });
    const broadcasts = Math.max(3, Math.round(o.broadcastMessages / clients));
    const broadcast = await measure(client, [server], connected * broadcasts, () =>
      server.ask({ cmd: 'broadcast', count: broadcasts }),
    );
    const burst = await measure(client, [server], connected * o.burstPerUser, () =>
      server.ask({ cmd: 'burst', users: all, perUser: o.burstPerUser }),
    );
    const halfLoadRate = Math.max(100, Math.round(perUser.perSec / 2));
    const lat = await latencyAt(client, server, all, halfLoadRate, o.latencyMs);
    return {
      contender: kind,
      clients,
      connected,
      memPerConnKb,
      peakRssMb: rssBytes(server.pid, 'peak') / 2 ** 20,
      perUser,
      broadcast,
      burst,
      halfLoadRate,
      ...lat,
    };
  } finally {
    await client.ask({ cmd: 'close' }).catch(() => {});
    await client.stop();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RedisRun {
  contender: Kind;
  clients: number;
  connected: number;
  perUser: Rate;
  p50: number;
  p99: number;
  halfLoadRate: number;
}

function startRedis(port: number): ChildProcess | null {
  if (!fs.existsSync('/usr/bin/redis-server')) return null;
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

/** Two nodes, clients split across them; every message is published on node A. */
async function twoNodes(kind: Kind, clients: number, redisUrl: string, o: WsOptions): Promise<RedisRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-ws2-'));
  const file = path.join(dir, 'bench.sqlite');
  const a = await startServer(kind, clients, file, { redisUrl });
  const b = await startServer(kind, clients, file, { redisUrl, join: true });
  const client = new Proc(CORES.client, 'client.ts', []);
  try {
    const half = Math.floor(clients / 2);
    const proto = kind === 'sio' ? 'sio' : 'ws';
    let connected = 0;
    for (const [node, from, to] of [
      [a, 0, half],
      [b, half, clients],
    ] as const) {
      const r = await client.ask<{ connected: number }>({
        cmd: 'connect',
        port: node.ready.port,
        paths: a.ready.paths.slice(from, to),
        auth: a.ready.auth?.slice(from, to),
        proto,
      });
      connected = r.connected;
    }
    await sleep(500);
    const all = range(clients);
    const rounds = Math.max(1, Math.round(o.perUserMessages / clients));
    const perUser = await measure(client, [a.proc, b.proc], connected * rounds, async () => {
      for (let r = 0; r < rounds; r++)
        await a.proc.ask({ cmd: 'perUser', users: all, perCommit: o.perCommit });
    });
    const halfLoadRate = Math.max(100, Math.round(perUser.perSec / 2));
    const lat = await latencyAt(client, a.proc, all, halfLoadRate, o.latencyMs);
    return { contender: kind, clients, connected, perUser, halfLoadRate, ...lat };
  } finally {
    await client.ask({ cmd: 'close' }).catch(() => {});
    await client.stop();
    await a.proc.stop();
    await b.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Robustness {
  clients: number;
  slow: {
    rssBeforeMb: number;
    rssPeakMb: number;
    flooded: number;
    p99Before: number;
    p99During: number;
    slowClosed: boolean;
  };
  resume: { dropped: number; published: number; exact: number; duplicates: number; missing: number };
}

async function robustness(clients: number, o: WsOptions): Promise<Robustness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-wsr-'));
  const { proc: server, ready } = await startServer('ours', clients, path.join(dir, 'bench.sqlite'));
  const client = new Proc(CORES.client, 'client.ts', []);
  try {
    const k = Math.max(2, Math.min(100, Math.floor(clients / 10)));
    await client.ask({
      cmd: 'connect',
      port: ready.port,
      paths: ready.paths,
      proto: 'ws',
      track: range(clients).map((i) => i < k),
    });
    await sleep(500);
    const slowIndex = clients - 1;
    const others = range(clients - 1);
    const rate = Math.max(100, Math.round(o.robustRate));
    // A slow consumer: it stops reading while its user is flooded; the others keep their latency.
    const before = await latencyAt(client, server, others, rate, o.latencyMs);
    const rssBefore = rssBytes(server.pid);
    await client.ask({ cmd: 'pause', index: slowIndex });
    const flood = Array.from({ length: o.floodMessages }, () => slowIndex);
    let peak = rssBefore;
    const poll = setInterval(() => {
      peak = Math.max(peak, rssBytes(server.pid));
    }, 50);
    const floodDone = server.ask({ cmd: 'perUser', users: flood, perCommit: 500 });
    await sleep(50);
    const during = await latencyAt(client, server, others, rate, o.latencyMs);
    await floodDone;
    await sleep(1500); // the slow socket's close is forced after 1 s
    clearInterval(poll);
    const { connections } = await server.ask<{ connections: number }>({ cmd: 'usage' });
    const slowClosed = connections === clients - 1;

    // Drop K clients, publish M per user, resume with `since`: exactly M each, no duplicates.
    const m = 5;
    const dropped = range(k);
    const { lastIds } = await client.ask<{ lastIds: string[] }>({ cmd: 'drop', indices: dropped });
    await client.ask({ cmd: 'reset' });
    const live = others.filter((i) => i >= k);
    for (let r = 0; r < m; r++) await server.ask({ cmd: 'perUser', users: others, perCommit: o.perCommit });
    await client.ask({ cmd: 'wait', count: live.length * m, timeoutMs: 10_000 });
    await client.ask({
      cmd: 'reconnect',
      port: ready.port,
      indices: dropped,
      paths: dropped.map((i, j) => `${ready.paths[i]}&since=${lastIds[j]}`),
    });
    await client.ask({ cmd: 'wait', count: (live.length + k) * m, timeoutMs: 10_000 });
    const { ids } = await client.ask<{ ids: string[][] }>({ cmd: 'ids', indices: dropped });
    let exact = 0;
    let duplicates = 0;
    let missing = 0;
    for (const list of ids) {
      const unique = new Set(list).size;
      duplicates += list.length - unique;
      missing += Math.max(0, m - unique);
      if (unique === m && list.length === m) exact += 1;
    }
    return {
      clients,
      slow: {
        rssBeforeMb: rssBefore / 2 ** 20,
        rssPeakMb: peak / 2 ** 20,
        flooded: o.floodMessages,
        p99Before: before.p99,
        p99During: during.p99,
        slowClosed,
      },
      resume: { dropped: k, published: m, exact, duplicates, missing },
    };
  } finally {
    await client.ask({ cmd: 'close' }).catch(() => {});
    await client.stop();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface WsOptions {
  sizes: number[];
  rounds: (clients: number) => number;
  perUserMessages: number;
  broadcastMessages: number;
  burstPerUser: number;
  perCommit: number;
  latencyMs: number;
  redisClients: number;
  redisRounds: number;
  robustClients: number;
  robustRate: number;
  floodMessages: number;
}

export interface WsResults {
  oneNode: WsRun[][];
  redis: RedisRun[][];
  robustness: Robustness | null;
}

export async function wsBench(o: WsOptions): Promise<WsResults> {
  const oneNodeRuns: WsRun[][] = [];
  for (const clients of o.sizes) {
    const runs: WsRun[] = [];
    for (let round = 0; round < o.rounds(clients); round++) {
      const only = process.env.BENCH_WS_ONLY?.split(',') as Kind[] | undefined;
      for (const kind of shuffle<Kind>(only ?? ['ours', 'plain', 'sio'])) {
        process.stderr.write(`  websocket: ${kind}, ${clients} clients, round ${round + 1}\n`);
        runs.push(await oneNode(kind, clients, o));
      }
    }
    oneNodeRuns.push(runs);
  }
  const redisRuns: RedisRun[][] = [];
  const redis = startRedis(6391);
  if (redis) {
    try {
      await sleep(300);
      const runs: RedisRun[] = [];
      for (let round = 0; round < o.redisRounds; round++) {
        for (const kind of shuffle<Kind>(['ours', 'sio'])) {
          process.stderr.write(`  websocket: two nodes through Redis, ${kind}, round ${round + 1}\n`);
          runs.push(await twoNodes(kind, o.redisClients, 'redis://127.0.0.1:6391', o));
        }
      }
      redisRuns.push(runs);
    } finally {
      redis.kill('SIGKILL');
    }
  }
  process.stderr.write('  websocket: robustness (slow consumer, drop and resume)\n');
  const robust = await robustness(o.robustClients, o);
  return { oneNode: oneNodeRuns, redis: redisRuns, robustness: robust };
}

// ───────────────────────── tables ─────────────────────────

const med = <T>(runs: T[], f: (r: T) => number) => median(runs.map(f));
const rangeOf = <T>(runs: T[], f: (r: T) => number) =>
  `${fmt(Math.min(...runs.map(f)), 0)}–${fmt(Math.max(...runs.map(f)), 0)}`;
/** The median of the rounds, formatted. */
const medFmt = <T>(runs: T[], f: (r: T) => number, digits = 0) => fmt(med(runs, f), digits);
/** "p50 | p99 (at msg/s)": medians of the rounds, one node or two. */
const latencyCells = (rs: { p50: number; p99: number; halfLoadRate: number }[]) =>
  `${medFmt(rs, (x) => x.p50)} | ${medFmt(rs, (x) => x.p99)} (${medFmt(rs, (x) => x.halfLoadRate)})`;
const flag = (pct: number) => (pct >= 95 ? ' ⚠ client-bound' : '');
const NAMES: Record<Kind, string> = {
  ours: 'ours (commit → outbox → bus → hub)',
  plain: 'plain `ws` (ceiling)',
  sio: 'Socket.IO 4 (room per user)',
};

export function wsTables(r: WsResults): string {
  const out: string[] = [];
  out.push(
    '### One node',
    '',
    'Per-user: one notification to each connected user, repeated; ours commits 100 per database transaction (each one an outbox row). ' +
      'Broadcast: one message to every user (all admins). Burst: 10 notifications per user issued back to back. ' +
      '"per CPU-s": deliveries per second of server CPU (user + system). Server peak RSS: the most resident memory the server process held over all its phases. Latency: commit (timestamp in the payload) → receipt, at half of that contender\'s per-user maximum. Medians of the rounds (min–max in brackets).',
    '',
    '| clients | contender | conn. | kB / idle conn. | server peak RSS MB | per-user msg/s (min–max) | per-user per CPU-s | vs ws | vs Socket.IO | broadcast msg/s | broadcast vs ws | burst msg/s | p50 ms | p99 ms (at msg/s) | client CPU % |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const runs of r.oneNode) {
    const clients = runs[0]?.clients ?? 0;
    const by = (k: Kind) => runs.filter((x) => x.contender === k);
    const eff = (k: Kind) => med(by(k), (x) => x.perUser.perCpuSec);
    const broadcast = (k: Kind) => med(by(k), (x) => x.broadcast.perSec);
    for (const k of ['ours', 'plain', 'sio'] as Kind[]) {
      const rs = by(k);
      if (rs.length === 0) continue;
      const cpu = Math.max(
        ...rs.flatMap((x) => [x.perUser.clientCpuPct, x.burst.clientCpuPct, x.broadcast.clientCpuPct]),
      );
      const cells = [
        clients.toLocaleString('en'),
        NAMES[k],
        medFmt(rs, (x) => x.connected),
        medFmt(rs, (x) => x.memPerConnKb, 1),
        medFmt(rs, (x) => x.peakRssMb),
        `${medFmt(rs, (x) => x.perUser.perSec)} (${rangeOf(rs, (x) => x.perUser.perSec)})`,
        fmt(eff(k), 0),
        k === 'plain' ? '' : `${fmt((100 * eff(k)) / eff('plain'), 0)} %`,
        k === 'sio' ? '' : `${fmt(eff(k) / eff('sio'), 2)}×`,
        fmt(broadcast(k), 0),
        k === 'plain' ? '' : `${fmt((100 * broadcast(k)) / broadcast('plain'), 0)} %`,
        medFmt(rs, (x) => x.burst.perSec),
        latencyCells(rs),
        `${fmt(cpu, 0)}${flag(cpu)}`,
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  const lost = r.oneNode
    .flat()
    .filter((x) => x.perUser.delivered < x.perUser.expected || x.burst.delivered < x.burst.expected);
  if (lost.length)
    out.push(
      '',
      `Incomplete runs (delivered < expected within 30 s): ${lost.map((x) => `${x.contender}@${x.clients}`).join(', ')}.`,
    );
  if (r.redis.length) {
    out.push(
      '',
      '### Two nodes through Redis',
      '',
      'Both servers on the server core, clients split half and half, every message published on node A (so half cross Redis). "per CPU-s" counts both servers.',
      '',
      '| clients | contender | per-user msg/s (min–max) | per CPU-s | vs Socket.IO | p50 ms | p99 ms (at msg/s) | client CPU % |',
      '|---:|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const runs of r.redis) {
      const by = (k: Kind) => runs.filter((x) => x.contender === k);
      const rate = (k: Kind) => med(by(k), (x) => x.perUser.perSec);
      for (const k of ['ours', 'sio'] as Kind[]) {
        const rs = by(k);
        if (!rs.length) continue;
        const cpu = Math.max(...rs.map((x) => x.perUser.clientCpuPct));
        out.push(
          `| ${(rs[0]?.clients ?? 0).toLocaleString('en')} | ${k === 'ours' ? 'ours (REDIS_URL)' : 'Socket.IO + redis-adapter'} | ${fmt(rate(k), 0)} (${rangeOf(rs, (x) => x.perUser.perSec)}) | ` +
            `${medFmt(rs, (x) => x.perUser.perCpuSec)} | ${k === 'ours' ? `${fmt(rate('ours') / rate('sio'), 2)}×` : ''} | ` +
            `${latencyCells(rs)} | ${fmt(cpu, 0)}${flag(cpu)} |`,
        );
      }
    }
  }
  const rb = r.robustness;
  if (rb) {
    out.push(
      '',
      '### Robustness (ours)',
      '',
      `- Slow consumer (${rb.clients.toLocaleString('en')} clients; one stops reading while ${rb.slow.flooded.toLocaleString('en')} notifications are sent to its user): ` +
        `server RSS ${fmt(rb.slow.rssBeforeMb, 0)} MB before, peak ${fmt(rb.slow.rssPeakMb, 0)} MB; slow socket closed by the server: ${rb.slow.slowClosed ? 'yes' : 'no'}; ` +
        `the others' p99 ${fmt(rb.slow.p99Before, 0)} ms before vs ${fmt(rb.slow.p99During, 0)} ms during the flood.`,
      `- Drop and resume: ${rb.resume.dropped} clients dropped, ${rb.resume.published} notifications per user published meanwhile, resumed with \`since\`: ` +
        `${rb.resume.exact}/${rb.resume.dropped} received exactly ${rb.resume.published}, ${rb.resume.duplicates} duplicates, ${rb.resume.missing} missing.`,
    );
  }
  return out.join('\n');
}

// Stand-alone: `npx tsx bench/ws/index.ts [clients…]`
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(HERE, 'index.ts')) {
  if (HAS_TASKSET) execFileSync('taskset', ['-pc', CORES.client, String(process.pid)], { stdio: 'ignore' });
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const results = await wsBench({
    sizes: sizes.length ? sizes : [1000],
    rounds: () => 1,
    perUserMessages: 50_000,
    broadcastMessages: 50_000,
    burstPerUser: 10,
    perCommit: 100,
    latencyMs: 2000,
    redisClients: sizes[0] ?? 1000,
    redisRounds: 1,
    robustClients: 1000,
    robustRate: 5000,
    floodMessages: 30_000,
  });
  console.log(wsTables(results));
}
