import type { EventName } from '@logi/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.ts';
import type { NotificationBatch } from './bus.ts';
import { notificationsRepo, preferencesRepo } from './repo.ts';

const PAGE = 1000;

/**
 * Delivery for several nodes. A node hears of another node's notifications through Redis, and may
 * hear of them after it has delivered its own later ones: a client that saw id N+1 before N would
 * then resume with since=N+1 and lose N. So with Redis, every signal (a local commit, a message
 * from another node, or the timer while Redis is down) makes the node read the rows after the last
 * one it delivered, in id order. Ids commit in id order (the outbox's lock), so nothing is skipped.
 */
export class OrderedFeed {
  private delivered: Promise<number>;
  private draining: Promise<void> | null = null;
  private again = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly deliver: (batches: NotificationBatch[]) => void,
    private readonly log: FastifyBaseLogger,
    pollMs = 1000,
  ) {
    // Clients connecting later catch up with `since`; live delivery starts from now.
    this.delivered = notificationsRepo.maxId(db);
    this.timer = setInterval(() => this.signal(), pollMs);
    this.timer.unref();
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
        if (this.again) {
          this.again = false;
          this.signal();
        }
      });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async drain(): Promise<void> {
    let last = await this.delivered;
    for (;;) {
      const rows = await notificationsRepo.allAfter(this.db, last, PAGE);
      if (rows.length === 0) break;
      const muting = await preferencesRepo.allMuting(this.db);
      const batches = rows
        .filter((r) => !muting.get(r.user_id)?.has(r.event))
        .map(
          (r): NotificationBatch => ({
            event: r.event as EventName,
            data: r.data, // written by our outbox from a checked NotificationData
            timestamp: r.created_at,
            recipients: [[r.user_id, r.id]],
          }),
        );
      if (batches.length > 0) this.deliver(batches);
      last = (rows.at(-1) as { id: number }).id;
      this.delivered = Promise.resolve(last);
      if (rows.length < PAGE) break;
    }
  }
}
