import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type { Writable } from 'node:stream';
import type { EventName, ServerMessage } from '@logi/contracts';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { Config } from '../config.ts';
import { freshDatabaseConfig, startTestApp, type TestApp, type useCleanups } from '../test/harness.ts';
import type { RedisBus } from './bus.ts';

/** Test-only helpers: a real `ws` client that records what the server sends. */
export type Notice = Extract<ServerMessage, { type: 'notification' }>;

export class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.messages.push(JSON.parse(raw.toString()) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static connect(base: string, query: Record<string, string> = {}, options: WebSocket.ClientOptions = {}) {
    const url = `${base}/ws?${new URLSearchParams(query).toString()}`;
    const client = new TestClient(new WebSocket(url, options));
    return new Promise<TestClient>((resolve, reject) => {
      client.ws.once('open', () => resolve(client));
      client.ws.once('error', reject);
    });
  }

  notifications(event?: EventName): Notice[] {
    return this.messages.filter(
      (m): m is Notice => m.type === 'notification' && (event === undefined || m.event === event),
    );
  }

  ofType<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }

  /** Resolves once `check` holds over the messages so far; fails after `ms`. */
  async until(check: (c: TestClient) => boolean, ms = 3000, what = 'the expected messages'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  send(text: string): void {
    this.ws.send(text);
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

/** Listens on a free loopback port; returns the ws:// base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `ws://127.0.0.1:${address.port}`;
}

/** Lets in-flight deliveries land, for asserting that something did NOT arrive. */
export const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

export const REDIS_SERVER = '/usr/bin/redis-server';
export const hasRedis = () => fs.existsSync(REDIS_SERVER);

/** A throwaway redis-server on a loopback port, no persistence; `stop()` kills it. */
export async function startRedis(
  port?: number,
): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const p = port ?? (await freePort());
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 5000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(p, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error('redis-server did not start');
    await settle(50);
  }
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

type Cleanups = ReturnType<typeof useCleanups>;

/**
 * Two app instances on one fresh database, publishing through Redis (the multi-node setup), each
 * listening on a loopback port; closed by `cleanups`. `options` go to both (a log stream, a level).
 */
export async function startRedisNodes(
  redisUrl: string,
  cleanups: Cleanups,
  options: { logStream?: Writable; logLevel?: Config['logLevel'] } = {},
): Promise<[RedisNode, RedisNode]> {
  const fresh = await freshDatabaseConfig();
  cleanups.push(fresh.cleanup);
  const node = async (): Promise<RedisNode> => {
    const t = await startTestApp({
      database: fresh.database,
      config: { redisUrl, ...(options.logLevel ? { logLevel: options.logLevel } : {}) },
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
    cleanups.push(() => t.app.close());
    await (t.app.notifications.bus as RedisBus).ready();
    return { t, base: await listen(t.app) };
  };
  return [await node(), await node()];
}

export interface RedisNode {
  t: TestApp;
  /** `http://127.0.0.1:<port>` of this node. */
  base: string;
}
