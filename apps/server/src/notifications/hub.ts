import type { DataEntity, Role, ServerMessage } from '@logi/contracts';
import type { BusMessage, NotificationBatch } from './bus.ts';
import { CLOSE, type Connection } from './connection.ts';
import { textFrame, textFrameOf } from './frames.ts';

/** Who a message is for, as the spec's `notify()`: some users, some roles, or everyone. */
export type Target = { userIds?: readonly number[]; roles?: readonly Role[] } | 'all';

const DATA_CHANGED_INTERVAL_MS = 1000;
export const DEFAULT_HEARTBEAT_MS = 25_000;
/**
 * The heartbeat pings one slice of the sockets at a time, spread over its interval: pinging 20,000
 * sockets in one tick would stall every delivery behind 20,000 writes.
 */
const HEARTBEAT_SLICES = 25;

interface Debounce {
  pending: Set<DataEntity>;
  timer: NodeJS.Timeout;
}

/** Every open socket of this node, by user; delivers what the bus carries. */
export class Hub {
  private readonly byUser = new Map<number, Set<Connection>>();
  private readonly debounce = new Map<number, Debounce>();
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly slices = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<Connection>());
  private readonly sliceOf = new Map<Connection, Set<Connection>>();
  private added = 0;

  get connectionCount(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  add(conn: Connection): void {
    let set = this.byUser.get(conn.userId);
    if (!set) {
      set = new Set();
      this.byUser.set(conn.userId, set);
    }
    set.add(conn);
    const slice = this.slices[this.added++ % HEARTBEAT_SLICES] as Set<Connection>;
    slice.add(conn);
    this.sliceOf.set(conn, slice);
  }

  remove(conn: Connection): void {
    this.sliceOf.get(conn)?.delete(conn);
    this.sliceOf.delete(conn);
    const set = this.byUser.get(conn.userId);
    if (!set) return;
    set.delete(conn);
    if (set.size === 0) this.byUser.delete(conn.userId);
  }

  connectionsOf(userId: number): ReadonlySet<Connection> {
    return this.byUser.get(userId) ?? new Set();
  }

  /** Sends one message to every connection of the targeted users (many tabs each get it). */
  send(target: Target, message: ServerMessage): void {
    const frame = textFrame(JSON.stringify(message));
    for (const userId of this.usersOf(target)) for (const c of this.connectionsOf(userId)) c.push(frame);
  }

  deliver(message: BusMessage): void {
    switch (message.kind) {
      case 'notifications':
        for (const batch of message.batches) this.deliverBatch(batch);
        return;
      case 'read':
        this.send(
          { userIds: [message.userId] },
          message.all
            ? { type: 'notifications.read', all: true }
            : { type: 'notifications.read', ids: message.ids ?? [] },
        );
        return;
      case 'changed':
        for (const userId of this.usersOf({ roles: message.roles, userIds: message.userIds }))
          this.dataChanged(userId, message.entities);
        return;
      case 'preferences':
        for (const c of this.connectionsOf(message.userId)) c.mute(message.muted);
        return;
    }
  }

  /**
   * Protocol-level ping, once per interval per socket, one slice of the sockets per tick; a socket
   * that did not answer its previous ping is dropped (≤ 2 intervals).
   */
  startHeartbeat(intervalMs = DEFAULT_HEARTBEAT_MS): void {
    clearInterval(this.heartbeat);
    let tick = 0;
    this.heartbeat = setInterval(() => {
      for (const c of this.slices[tick++ % HEARTBEAT_SLICES] ?? []) {
        if (!c.alive) {
          c.socket.terminate();
          continue;
        }
        c.alive = false;
        c.socket.ping();
      }
    }, intervalMs / HEARTBEAT_SLICES);
    this.heartbeat.unref();
  }

  /** App shutdown: tell every client we are going away (they reconnect with `since`). */
  shutdown(): void {
    clearInterval(this.heartbeat);
    for (const d of this.debounce.values()) clearTimeout(d.timer);
    this.debounce.clear();
    for (const set of this.byUser.values())
      for (const c of set) c.socket.close(CLOSE.goingAway, 'Server shutting down');
  }

  // Each recipient's message differs only by id: the shared tail is encoded once per batch.
  private deliverBatch(batch: NotificationBatch): void {
    const tail = Buffer.from(
      `,"event":${JSON.stringify(batch.event)},"data":${batch.data},"timestamp":${JSON.stringify(batch.timestamp)}}`,
    );
    for (const [userId, id] of batch.recipients) {
      const conns = this.byUser.get(userId);
      if (!conns) continue;
      const frame = textFrameOf(`{"type":"notification","id":"${id}"`, tail);
      for (const c of conns) c.push(frame, id, batch.event);
    }
  }

  /** At most one `data.changed` per user per second: the first at once, the rest merged. */
  private dataChanged(userId: number, entities: readonly DataEntity[]): void {
    const current = this.debounce.get(userId);
    if (current) {
      for (const e of entities) current.pending.add(e);
      return;
    }
    this.sendChanged(userId, entities);
    this.debounce.set(userId, { pending: new Set(), timer: this.tick(userId) });
  }

  private tick(userId: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const d = this.debounce.get(userId);
      if (!d) return;
      if (d.pending.size === 0) {
        this.debounce.delete(userId);
        return;
      }
      this.sendChanged(userId, [...d.pending]);
      d.pending.clear();
      d.timer = this.tick(userId);
    }, DATA_CHANGED_INTERVAL_MS);
    timer.unref();
    return timer;
  }

  private sendChanged(userId: number, entities: readonly DataEntity[]): void {
    const frame = textFrame(JSON.stringify({ type: 'data.changed', entities: [...entities].sort() }));
    for (const c of this.connectionsOf(userId)) c.push(frame);
  }

  private *usersOf(target: Target): Iterable<number> {
    if (target === 'all') {
      yield* this.byUser.keys();
      return;
    }
    const seen = new Set<number>();
    for (const id of target.userIds ?? []) {
      if (this.byUser.has(id) && !seen.has(id)) {
        seen.add(id);
        yield id;
      }
    }
    if (!target.roles?.length) return;
    for (const [userId, set] of this.byUser) {
      const role = set.values().next().value?.role;
      if (role && target.roles.includes(role) && !seen.has(userId)) {
        seen.add(userId);
        yield userId;
      }
    }
  }
}
