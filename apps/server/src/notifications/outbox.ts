import type { EventName, NotificationData } from '@logi/contracts';
import type { Engine } from '../db/index.ts';
import { type Clock, isoTimestamp } from '../platform/clock.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';
import type { Bus, NotificationBatch } from './bus.ts';
import { lockOutbox, notificationsRepo } from './repo.ts';

/** A notification to store for each recipient. */
export interface Draft {
  event: EventName;
  data: NotificationData;
  recipients: readonly number[];
}

/**
 * Collects what one change causes and writes it at the end of that change's transaction; the bus
 * publishes only after commit. A crash in between loses nothing: the rows are there for `since`.
 */
export class Outbox {
  private readonly pending = new WeakMap<UnitOfWork, Draft[]>();

  constructor(
    private readonly engine: Engine,
    private readonly clock: Clock,
    private readonly bus: Bus,
  ) {}

  add(uow: UnitOfWork, drafts: readonly Draft[]): void {
    if (drafts.length === 0) return;
    let list = this.pending.get(uow);
    if (!list) {
      list = [];
      this.pending.set(uow, list);
      const collected = list;
      uow.beforeCommit(() => this.flush(uow, collected));
    }
    list.push(...drafts);
  }

  private async flush(uow: UnitOfWork, drafts: Draft[]): Promise<void> {
    const { tx } = uow;
    // PostgreSQL hands out sequence values in call order, not commit order. Holding one lock from
    // the insert to the commit makes ids commit in order, so a reader who has seen id N has seen
    // every id below it: `since` and the replay hand-over rely on that. (SQLite has one writer.)
    if (this.engine === 'postgres') await lockOutbox(tx);
    const timestamp = isoTimestamp(this.clock.now());
    const payloads = drafts.map((d) => JSON.stringify(d.data));
    // Drafts for one user each (per-user messages, bursts) are stored together in one statement,
    // first; a draft for many users (a role) is one statement of its own, after them.
    const singles: { draft: number; user_id: number; event: EventName; data: string }[] = [];
    const groups: { draft: number; users: readonly number[] }[] = [];
    drafts.forEach((d, draft) => {
      const users = d.recipients.length === 1 ? d.recipients : [...new Set(d.recipients)];
      if (users.length === 1)
        singles.push({ draft, user_id: users[0] as number, event: d.event, data: payloads[draft] as string });
      else if (users.length > 1) groups.push({ draft, users });
    });
    // Batches in id order, so each client sees its ids ascending (as a replay would). Muted events
    // are published too: each connection leaves out what its user muted (connection.ts), so a mute
    // set a moment ago applies without a lookup here on every commit.
    const batches: NotificationBatch[] = [];
    const collect = (draft: number, stored: readonly { id: number; user_id: number }[]) => {
      const recipients = stored.map((s): [number, number] => [s.user_id, s.id]);
      batches.push({
        event: (drafts[draft] as Draft).event,
        data: payloads[draft] as string,
        timestamp,
        recipients,
      });
    };
    if (singles.length > 0) {
      const rows = await notificationsRepo.insertRows(tx, this.engine, singles, timestamp);
      if (rows.length !== singles.length || rows.some((r, k) => r.user_id !== singles[k]?.user_id))
        throw new Error('outbox: stored notifications do not line up with their recipients');
      rows.forEach((row, k) => {
        collect((singles[k] as { draft: number }).draft, [row]);
      });
    }
    for (const { draft, users } of groups) {
      const n = {
        event: (drafts[draft] as Draft).event,
        data: payloads[draft] as string,
        created_at: timestamp,
      };
      collect(draft, await notificationsRepo.insertForRecipients(tx, this.engine, n, users));
    }
    if (batches.length > 0) uow.afterCommit(() => this.bus.publish({ kind: 'notifications', batches }));
  }
}
