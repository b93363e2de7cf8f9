import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, settle } from '../notifications/test-support.ts';

/**
 * Test-only helpers for the fault tests: the real server as a child process (so it can be
 * SIGKILLed or SIGTERMed), a throwaway PostgreSQL cluster that can be stopped and started, and a
 * small HTTP client that reports status codes instead of throwing.
 */

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const MAIN = path.join(ROOT, 'apps/server/src/main.ts');
const JWT_SECRET = 'reliability-secret-that-is-long-enough-0123';

export interface ServerProcess {
  url: string;
  ws: string;
  child: ChildProcess;
  /** Resolves when the process is gone, with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stdout and stderr (pino JSON lines). */
  output(): string;
  /** SIGTERM, then SIGKILL after `ms` if it is still there. */
  stop(ms?: number): Promise<void>;
}

/**
 * Starts `apps/server/src/main.ts` through tsx (always the current source: no build step needed
 * inside `npm test`) and waits for `/healthz`.
 */
export async function spawnServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  // A port found free can be taken by a test running in parallel before the child binds it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(env, port ?? (await freePort()));
    } catch (err) {
      if (port !== undefined || attempt >= 3 || !/EADDRINUSE/.test((err as Error).message)) throw err;
    }
  }
}

async function startOnPort(env: Record<string, string>, p: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(p),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: '0',
      JWT_SECRET,
      SCHEDULER_INTERVAL_SECONDS: '3600',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited during start-up:\n${out.slice(-2000)}`);
    const res = await request(url, 'GET', '/healthz').catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz in time:\n${out.slice(-2000)}`);
    }
    await settle(100);
  }
  return {
    url,
    ws: `ws://127.0.0.1:${p}`,
    child,
    exited,
    output: () => out,
    async stop(ms = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Reply {
  status: number;
  body: unknown;
}

/** One request on its own connection (no keep-alive pool to confuse shutdown tests). */
export function request(
  base: string,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathname}`,
      {
        method,
        agent: false,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
        });
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `request` that insists on a 2xx and returns the JSON body. */
export async function ok<T>(
  base: string,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await request(base, method, pathname, options);
  if (res.status >= 300) throw new Error(`${method} ${pathname} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function loginAdmin(base: string): Promise<string> {
  const res = await ok<{ token: string }>(base, 'POST', '/api/v1/auth/login', {
    body: { email: 'admin@logiaccounting.demo', password: 'Demo2024!Admin' },
  });
  return res.token;
}

/** A user's whole REST feed, oldest first, as numbers (pages of 200 through `before`). */
export async function feedIds(base: string, token: string): Promise<number[]> {
  const all: number[] = [];
  let before = '';
  for (;;) {
    const res = await ok<{ notifications: { id: string }[] }>(
      base,
      'GET',
      `/api/v1/notifications?limit=200${before ? `&before=${before}` : ''}`,
      { token },
    );
    for (const n of res.notifications) all.push(Number(n.id));
    const last = res.notifications.at(-1);
    if (!last || res.notifications.length < 200) break;
    before = last.id;
  }
  return all.reverse();
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * With TEST_DATABASE_URL set, a fresh PostgreSQL database on that server for a child process
 * (main.ts takes a URL, not a schema); otherwise null and the child uses SQLite in DATA_DIR.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `rel_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * What a server child process needs for a database of its own: a fresh DATA_DIR, and a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set; both removed by `cleanups`.
 */
export async function freshServerEnv(
  prefix: string,
  cleanups: { push(fn: () => Promise<void> | void): void },
): Promise<Record<string, string>> {
  const data = tempDir(prefix);
  cleanups.push(data.remove);
  const pgdb = await freshPostgresDatabase();
  if (pgdb) cleanups.push(() => pgdb.drop());
  return { DATA_DIR: data.dir, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) };
}

const PG_BASE = '/usr/lib/postgresql';

export function postgresBin(): string | null {
  if (!fs.existsSync(PG_BASE)) return null;
  const versions = fs
    .readdirSync(PG_BASE)
    .filter((v) => fs.existsSync(path.join(PG_BASE, v, 'bin/initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions.at(-1);
  return v ? path.join(PG_BASE, v, 'bin') : null;
}

export interface PgCluster {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

/**
 * A throwaway cluster on 127.0.0.1 that the test may stop and start. initdb refuses to run as
 * root, so as root every command runs as the postgres user.
 */
export async function startPgCluster(bin: string): Promise<PgCluster> {
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logi-rel-pg-'));
  if (root) execFileSync('chown', ['postgres:', dir]);
  const run = (cmd: string) =>
    root
      ? execFileSync('su', ['postgres', '-c', cmd], { stdio: 'ignore' })
      : execFileSync('bash', ['-c', cmd], { stdio: 'ignore' });
  run(`${bin}/initdb -D ${dir}/data -A trust -U postgres`);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run(`${bin}/pg_ctl -D ${dir}/data -o '${opts}' -l ${dir}/log -w start`);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // "fast": terminates every backend (clients see 57P01 / a dropped connection), as a restart does.
    stop: () => run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`),
    start,
    destroy() {
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`);
      } catch {}
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds; fails after `ms` naming `what`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await settle(25);
  }
}
