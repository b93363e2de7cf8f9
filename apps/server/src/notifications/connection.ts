import type { Role } from '@logi/contracts';
import type { WebSocket } from 'ws';
import { tcpSocketOf, textFrame } from './frames.ts';

/** Bounds per socket; exported so tests and the bench can reason about them. */
export const LIMITS = {
  /** Bytes queued in the kernel + ws for one socket before it counts as a slow consumer. */
  maxBufferedBytes: 4 * 1024 * 1024,
  /** Live messages held while a `since` replay runs; a replay slower than this is abandoned. */
  maxReplayBuffer: 10_000,
  /** Inbound messages: a burst of this many, refilled at `inboundPerSecond`. */
  inboundBurst: 20,
  inboundPerSecond: 5,
  /** Ignored messages beyond which the socket is closed (1008). */
  inboundAbuse: 100,
};

export const CLOSE = {
  goingAway: 1001,
  policy: 1008,
  tryAgainLater: 1013,
} as const;

/**
 * Frame coalescing: messages queued during one event-loop turn (a burst, several commits, one
 * broadcast) go out per socket in one write at the next turn, instead of one system call per
 * message. Costs at most one loop turn of latency.
 */
const dirty = new Set<Connection>();
let flushScheduled = false;

function scheduleFlush(conn: Connection): void {
  dirty.add(conn);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushQueued);
}

function flushQueued(): void {
  flushScheduled = false;
  const conns = [...dirty];
  dirty.clear();
  for (const conn of conns) conn.flush();
}

interface Buffered {
  /** Notification id and event, so the hand-over can drop what the replay sent or the user muted. */
  id: number | null;
  event: string | null;
  frame: Buffer;
}

/**
 * One open socket of a signed-in user. While a `since` replay runs it buffers live messages; the
 * hand-over drops any notification the replay already sent, so nothing is doubled or skipped.
 */
export class Connection {
  alive = true;
  private replaying = true;
  /**
   * The last id the replay sent. A change's live message can arrive after the replay is done and
   * still be one it sent: the replay reads committed rows, the publish runs once the committing
   * code resumes. Ids commit in id order, so every id up to this one went out with the replay.
   */
  private replayedUpTo = 0;
  private buffer: Buffered[] = [];
  /** Events the user muted: stored in the feed, never pushed. Null until known. */
  private muted: ReadonlySet<string> | null = null;
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private tokens = LIMITS.inboundBurst;
  private refilledAt = Date.now();
  private ignored = 0;

  constructor(
    readonly socket: WebSocket,
    readonly userId: number,
    readonly role: Role,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * A live message (a frame, see frames.ts; a notification with its id and event): sent now, or
   * held until the replay is done.
   */
  push(frame: Buffer, id: number | null = null, event: string | null = null): void {
    if (id !== null && id <= this.replayedUpTo) return;
    if (!this.replaying) {
      if (!this.isMuted(event)) this.send(frame);
    } else if (this.buffer.length >= LIMITS.maxReplayBuffer) this.closeSlow();
    else this.buffer.push({ id, event, frame });
  }

  /** The user's muted events as they are now (a change made on any node reaches every connection). */
  mute(events: readonly string[]): void {
    this.muted = new Set(events);
  }

  /** The muted events read at connect time; ignored if a newer change has arrived meanwhile. */
  muteAsStored(events: readonly string[]): void {
    this.muted ??= new Set(events);
  }

  /** Replay finished at `lastReplayed`: flush what arrived meanwhile, then go live. */
  goLive(lastReplayed: number): void {
    const held = this.buffer;
    this.buffer = [];
    this.replaying = false;
    this.replayedUpTo = lastReplayed;
    for (const m of held)
      if ((m.id === null || m.id > lastReplayed) && !this.isMuted(m.event)) this.send(m.frame);
  }

  private isMuted(event: string | null): boolean {
    return event !== null && this.muted?.has(event) === true;
  }

  /**
   * Queues a message; every connection's queue is written once per event-loop turn, all its frames
   * in one write (see `flushQueued`). Order is kept: replay, held and live messages share the queue.
   */
  send(frame: Buffer): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount + this.queuedBytes > LIMITS.maxBufferedBytes) {
      this.closeSlow();
      return;
    }
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    if (this.queue.length === 1) scheduleFlush(this);
  }

  sendText(text: string): void {
    this.send(textFrame(text));
  }

  /** Writes the queued frames in one buffer: one system call for all of them. */
  flush(): void {
    const queue = this.queue;
    const bytes = this.queuedBytes;
    this.queue = [];
    this.queuedBytes = 0;
    const tcp = tcpSocketOf(this.socket);
    if (!this.open || queue.length === 0 || !tcp || tcp.destroyed) return;
    tcp.write(queue.length === 1 ? (queue[0] as Buffer) : Buffer.concat(queue, bytes));
  }

  /** Token bucket: false when this inbound message must be ignored. */
  allowInbound(): boolean {
    const now = Date.now();
    this.tokens = Math.min(
      LIMITS.inboundBurst,
      this.tokens + ((now - this.refilledAt) / 1000) * LIMITS.inboundPerSecond,
    );
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.ignored += 1;
    if (this.ignored > LIMITS.inboundAbuse) this.socket.close(CLOSE.policy, 'Too many messages');
    return false;
  }

  /**
   * A reader that cannot keep up is cut off rather than allowed to grow server memory; its
   * client reconnects with `since` and catches up from the database.
   */
  private closeSlow(): void {
    this.buffer = [];
    this.queue = [];
    this.queuedBytes = 0;
    this.socket.close(CLOSE.tryAgainLater, 'Too slow: reconnect and resume with since');
    // The close frame waits behind the full buffer; do not wait for a reader that is not reading.
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }
}
