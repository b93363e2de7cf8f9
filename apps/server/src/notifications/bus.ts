import { randomUUID } from 'node:crypto';
import type { DataEntity, EventName, Role } from '@logi/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Db } from '../db/index.ts';
import { OrderedFeed } from './ordered-feed.ts';

/** One committed notification and who got it: `[user id, notification id]` per recipient. */
export interface NotificationBatch {
  event: EventName;
  /**
   * `NotificationData` as stored (JSON text): serialised once when written, sent as it is — not
   * parsed and re-serialised for every delivery.
   */
  data: string;
  timestamp: string;
  recipients: [number, number][];
}

/** What nodes tell each other; every node's hub delivers to its own sockets. */
export type BusMessage =
  | { kind: 'notifications'; batches: NotificationBatch[] }
  | { kind: 'read'; userId: number; ids?: string[]; all?: true }
  | { kind: 'changed'; roles: Role[]; userIds: number[]; entities: DataEntity[] }
  | { kind: 'preferences'; userId: number; muted: EventName[] };

export interface Bus {
  publish(message: BusMessage): void;
  subscribe(handler: (message: BusMessage) => void): void;
  close(): Promise<void>;
}

/** One node: publishing is delivering. */
export class LocalBus implements Bus {
  private handlers: ((message: BusMessage) => void)[] = [];
  constructor(private readonly log: FastifyBaseLogger) {}

  publish(message: BusMessage): void {
    for (const handler of this.handlers) {
      try {
        handler(message);
      } catch (err) {
        this.log.error({ err }, 'notification delivery failed');
      }
    }
  }

  subscribe(handler: (message: BusMessage) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {}
}

const CHANNEL = 'logi:notifications';

/**
 * Several nodes: every message is delivered locally at once and published for the other nodes,
 * which ignore their own echo. Notifications go through OrderedFeed on every node: delivered as
 * they come when their ids continue the sequence, read back from the database in id order when
 * they do not, so local clients never depend on Redis and no client sees a later id before an
 * earlier one. While Redis is down, publishing fails fast instead of queueing without bound, and a
 * timer keeps every node delivering.
 */
export class RedisBus implements Bus {
  private readonly local: LocalBus;
  private readonly nodeId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private down = false;

  private readonly feed: OrderedFeed;

  constructor(
    url: string,
    private readonly log: FastifyBaseLogger,
    db: Db,
  ) {
    this.local = new LocalBus(log);
    this.feed = new OrderedFeed(db, (batches) => this.local.publish({ kind: 'notifications', batches }), log);
    const retryStrategy = (times: number) => Math.min(100 * times, 2000);
    this.pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy });
    this.sub = new Redis(url, { retryStrategy, maxRetriesPerRequest: null });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (err: Error) => this.markDown(err));
      client.on('ready', () => this.markUp());
    }
    this.sub.subscribe(CHANNEL).catch((err: Error) => this.markDown(err));
    this.sub.on('message', (_channel: string, raw: string) => this.receive(raw));
  }

  /** Resolves once both connections are up (tests and start-up wait for it; serving does not). */
  async ready(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pub.status !== 'ready' || this.sub.status !== 'ready') {
      if (Date.now() > deadline) throw new Error('Redis did not become ready in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  publish(message: BusMessage): void {
    if (message.kind === 'notifications') this.feed.offer(message.batches);
    else this.local.publish(message);
    const payload = JSON.stringify({ origin: this.nodeId, message });
    this.pub.publish(CHANNEL, payload).catch((err: Error) => this.markDown(err));
  }

  subscribe(handler: (message: BusMessage) => void): void {
    this.local.subscribe(handler);
  }

  async close(): Promise<void> {
    this.feed.stop();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private receive(raw: string): void {
    let parsed: { origin: string; message: BusMessage };
    try {
      parsed = JSON.parse(raw) as { origin: string; message: BusMessage };
    } catch {
      return;
    }
    if (parsed.origin === this.nodeId) return;
    if (parsed.message.kind === 'notifications') this.feed.offer(parsed.message.batches);
    else this.local.publish(parsed.message);
  }

  // Logged on transitions only: a Redis outage must not flood the log. The URL is never logged
  // (it may carry a password).
  private markDown(err: Error): void {
    if (this.down) return;
    this.down = true;
    this.log.warn(
      { err: { message: err.message } },
      'Redis unreachable: serving local clients only, reconnecting',
    );
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info('Redis reachable again: cross-node delivery resumed');
  }
}

export function createBus(redisUrl: string | undefined, log: FastifyBaseLogger, db: Db): Bus {
  return redisUrl ? new RedisBus(redisUrl, log, db) : new LocalBus(log);
}
