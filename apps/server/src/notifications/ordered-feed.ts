import type { EventName } from '@logi/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.ts';
import type { NotificationBatch } from './bus.ts';
import { notificationsRepo } from './repo.ts';

const PAGE = 1000;
const MAX_HELD = 10_000;

/**
 * Delivery for several nodes. A node hears of another node's notifications through Redis, and may
 * hear of them after it has delivered its own later ones: a client that saw id N+1 before N would
 * then resume with since=N+1 and lose N. So a node delivers strictly in id order: committed batches
 * it is handed (its own commit, or another node's through Redis) go out at once only when their ids
 * continue exactly where its delivery stands; anything else — a gap, a message arriving late, muted
 * recipients leaving holes, the timer while Redis is down — makes it read the rows after the last
 * one it delivered from the database instead. Ids commit in id order (the outbox's lock), so
 * nothing is skipped and nothing is sent twice.
 */
export class OrderedFeed {
  /** Settles once the newest id at start-up is known (`last` is set from then on). */
  private readonly started: Promise<unknown>;
  /** The last id delivered, once known (the start-up read of the newest id has finished). */
  private last: number | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  /** Batches offered while a read was running, offered again once it has finished. */
  private held: NotificationBatch[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly deliver: (batches: NotificationBatch[]) => void,
    private readonly log: FastifyBaseLogger,
    pollMs = 1000,
  ) {
    // Clients connecting later catch up with `since`; live delivery starts from now.
    this.started = notificationsRepo.maxId(db).then((id) => {
      this.last ??= id;
    });
    this.timer = setInterval(() => this.signal(), pollMs);
    this.timer.unref();
  }

  /** Committed batches, in id order: delivered now if they continue the sequence, else read back. */
  offer(batches: readonly NotificationBatch[]): void {
    if (this.last === null) {
      this.signal();
      return;
    }
    // While a read runs, offers wait for it (bounded) instead of each causing another read:
    // under steady load that would keep a node reading everything back for good.
    if (this.draining) {
      if (this.held.length < MAX_HELD) this.held.push(...batches);
      else this.again = true;
      return;
    }
    const fresh = notDelivered(this.last, batches);
    if (fresh.length === 0) return;
    const upTo = continuedTo(this.last, fresh);
    if (upTo === null) {
      this.signal();
      return;
    }
    this.deliver(fresh);
    this.last = upTo;
  }

  /** Something may have been committed: deliver everything new, in order, once. */
  signal(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err: Error) =>
        this.log.warn({ err: { message: err.message } }, 'ordered delivery failed; retrying'),
      )
      .finally(() => {
        this.draining = null;
        const held = this.held;
        this.held = [];
        if (this.again) {
          this.again = false;
          this.signal();
        } else if (held.length > 0) this.offer(held);
      });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async drain(): Promise<void> {
    await this.started;
    let last = this.last as number;
    for (;;) {
      const rows = await notificationsRepo.allAfter(this.db, last, PAGE);
      if (rows.length === 0) break;
      // Muted events go too: each connection leaves out what its user muted.
      this.deliver(
        rows.map(
          (r): NotificationBatch => ({
            event: r.event as EventName,
            data: r.data, // written by our outbox from a checked NotificationData
            timestamp: r.created_at,
            recipients: [[r.user_id, r.id]],
          }),
        ),
      );
      last = (rows.at(-1) as { id: number }).id;
      this.last = last;
      if (rows.length < PAGE) break;
    }
  }
}

/** The batches without the recipients whose ids were delivered already (by a database read). */
function notDelivered(last: number, batches: readonly NotificationBatch[]): NotificationBatch[] {
  return batches
    .map((b) =>
      b.recipients.every(([, id]) => id > last)
        ? b
        : { ...b, recipients: b.recipients.filter(([, id]) => id > last) },
    )
    .filter((b) => b.recipients.length > 0);
}

/**
 * The last id of the batches when their ids are exactly last+1, last+2, … with nothing missing;
 * null when they are not.
 */
function continuedTo(last: number, batches: readonly NotificationBatch[]): number | null {
  let expected = last + 1;
  for (const batch of batches)
    for (const [, id] of batch.recipients) {
      if (id !== expected) return null;
      expected += 1;
    }
  return expected > last + 1 ? expected - 1 : null;
}
