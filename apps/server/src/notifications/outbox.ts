import type { EventName, NotificationData } from '@logi/contracts';
import type { Engine } from '../db/index.ts';
import { type Clock, isoTimestamp } from '../platform/clock.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';
import type { Bus, NotificationBatch } from './bus.ts';
import { lockOutbox, notificationsRepo, preferencesRepo } from './repo.ts';

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
    const audiences = drafts.map((d) => [...new Set(d.recipients)]);
    const muting = await preferencesRepo.muting(tx, [...new Set(audiences.flat())]);
    const payloads = drafts.map((d) => JSON.stringify(d.data));
    const stored: { id: number; user_id: number }[][] = [];
    // Drafts for one user each (per-user messages, bursts) go in one statement together; a draft
    // for many users (a role) is one statement of its own.
    const singles = drafts.flatMap((d, i) =>
      audiences[i]?.length === 1
        ? [{ i, user_id: audiences[i][0] as number, event: d.event, data: payloads[i] as string }]
        : [],
    );
    if (singles.length > 0) {
      const rows = await notificationsRepo.insertRows(tx, this.engine, singles, timestamp);
      if (rows.length !== singles.length || rows.some((r, k) => r.user_id !== singles[k]?.user_id))
        throw new Error('outbox: stored notifications do not line up with their recipients');
      singles.forEach((s, k) => {
        stored[s.i] = [rows[k] as { id: number; user_id: number }];
      });
    }
    for (const [i, d] of drafts.entries()) {
      const users = audiences[i] ?? [];
      if (users.length === 1) continue;
      stored[i] = await notificationsRepo.insertForRecipients(
        tx,
        this.engine,
        { event: d.event, data: payloads[i] as string, created_at: timestamp },
        users,
      );
    }
    // Published in id order, so each client sees its ids ascending (as a replay would).
    const firstIds = stored.map((rows) => rows.reduce((m, r) => Math.min(m, r.id), Number.POSITIVE_INFINITY));
    const order = drafts.map((_, i) => i).sort((a, b) => (firstIds[a] ?? 0) - (firstIds[b] ?? 0));
    const batches: NotificationBatch[] = order.map((i) => {
      const d = drafts[i] as Draft;
      // Muted: stored for the feed, never pushed.
      const recipients = (stored[i] ?? [])
        .filter((s) => !muting.get(s.user_id)?.has(d.event))
        .map((s): [number, number] => [s.user_id, s.id]);
      return { event: d.event, data: payloads[i] as string, timestamp, recipients };
    });
    const live = batches.filter((b) => b.recipients.length > 0);
    if (live.length > 0) uow.afterCommit(() => this.bus.publish({ kind: 'notifications', batches: live }));
  }
}
