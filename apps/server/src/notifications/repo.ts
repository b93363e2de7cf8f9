import { type EventName, NotificationData } from '@logi/contracts';
import { sql } from 'kysely';
import type { Engine, Executor } from '../db/index.ts';

export interface StoredRow {
  id: number;
  user_id: number;
  event: string;
  data: string;
  created_at: string;
  read_at: string | null;
}

export const parseData = (raw: string): NotificationData => NotificationData.parse(JSON.parse(raw));

export const present = (r: StoredRow) => ({
  id: String(r.id),
  event: r.event as EventName,
  data: parseData(r.data),
  timestamp: r.created_at,
  read: r.read_at !== null,
});

export const notificationsRepo = {
  /**
   * One row per recipient of one notification, in a single statement whatever the audience: the
   * recipient ids travel as one array parameter, so 5,000 admins cost one round trip, not 5,000
   * bound parameters.
   */
  async insertForRecipients(
    tx: Executor,
    engine: Engine,
    n: { event: EventName; data: string; created_at: string },
    userIds: readonly number[],
  ): Promise<{ id: number; user_id: number }[]> {
    const source =
      engine === 'postgres'
        ? sql`select r.user_id from unnest(${`{${userIds.join(',')}}`}::bigint[]) as r(user_id)`
        : sql`select r.value as user_id from json_each(${JSON.stringify(userIds)}) as r`;
    const result = await sql<{ id: number; user_id: number }>`
      insert into notifications (user_id, event, data, created_at, read_at)
      select s.user_id, ${n.event}, ${n.data}, ${n.created_at}, null from (${source}) as s
      returning id, user_id`.execute(tx);
    return result.rows.map((r) => ({ id: Number(r.id), user_id: Number(r.user_id) }));
  },

  /**
   * Many single-recipient notifications (per-user messages, a burst) in one statement instead of
   * one per notification. Returns the ids in input order: ids are handed out in the select's order
   * (ORDER BY), and the caller checks the user ids line up before trusting the mapping.
   */
  async insertRows(
    tx: Executor,
    engine: Engine,
    rows: readonly { user_id: number; event: string; data: string }[],
    createdAt: string,
  ): Promise<{ id: number; user_id: number }[]> {
    const source =
      engine === 'postgres'
        ? sql`select r.user_id, r.event, r.data, r.ord
            from unnest(${rows.map((r) => r.user_id)}::bigint[], ${rows.map((r) => r.event)}::text[],
              ${rows.map((r) => r.data)}::text[]) with ordinality as r(user_id, event, data, ord)`
        : sql`select r.value ->> 0 as user_id, r.value ->> 1 as event, r.value ->> 2 as data, r.key as ord
            from json_each(${JSON.stringify(rows.map((r) => [r.user_id, r.event, r.data]))}) as r`;
    const result = await sql<{ id: number; user_id: number }>`
      insert into notifications (user_id, event, data, created_at, read_at)
      select s.user_id, s.event, s.data, ${createdAt}, null from (${source}) as s order by s.ord
      returning id, user_id`.execute(tx);
    return result.rows
      .map((r) => ({ id: Number(r.id), user_id: Number(r.user_id) }))
      .sort((a, b) => a.id - b.id);
  },

  /** Newest first, optionally only unread, optionally before an id (keyset paging). */
  feed(db: Executor, userId: number, q: { unreadOnly: boolean; limit: number; before: number | null }) {
    let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
    if (q.unreadOnly) query = query.where('read_at', 'is', null);
    if (q.before !== null) query = query.where('id', '<', q.before);
    return query.orderBy('id', 'desc').limit(q.limit).execute();
  },

  async unreadCount(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Replay for `since`: oldest first, muted events left out (they are never pushed). */
  after(db: Executor, userId: number, afterId: number, muted: readonly string[], limit: number) {
    let query = db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '>', afterId);
    if (muted.length > 0) query = query.where('event', 'not in', muted);
    return query.orderBy('id', 'asc').limit(limit).execute();
  },

  /** Every user's rows after an id, oldest first (ordered delivery across nodes). */
  allAfter: (db: Executor, afterId: number, limit: number) =>
    db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id', 'asc')
      .limit(limit)
      .execute(),

  async maxId(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  },

  byId: (db: Executor, userId: number, id: number) =>
    db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** True when this call changed it from unread to read. */
  async markRead(db: Executor, userId: number, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async markAllRead(db: Executor, userId: number, at: string): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  clear: (db: Executor, userId: number) =>
    db.deleteFrom('notifications').where('user_id', '=', userId).execute(),
};

export const preferencesRepo = {
  async muted(db: Executor, userId: number): Promise<EventName[]> {
    const row = await db
      .selectFrom('notification_preferences')
      .select('muted_events')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.muted_events) as EventName[]) : [];
  },

  /**
   * What the given users muted (only those who muted something); every such user when `userIds` is
   * omitted or long — then one scan beats a list of thousands of bound ids.
   */
  async muting(db: Executor, userIds?: readonly number[]): Promise<Map<number, Set<string>>> {
    let query = db
      .selectFrom('notification_preferences')
      .select(['user_id', 'muted_events'])
      .where('muted_events', '!=', '[]');
    if (userIds && userIds.length <= 500) {
      if (userIds.length === 0) return new Map();
      query = query.where('user_id', 'in', userIds);
    }
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.user_id, new Set(JSON.parse(r.muted_events) as string[])]));
  },

  save: (db: Executor, userId: number, muted: readonly EventName[], at: string) => {
    const values = { muted_events: JSON.stringify([...new Set(muted)].sort()), updated_at: at };
    return db
      .insertInto('notification_preferences')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
  },
};

export const claimsRepo = {
  /** Claims a cause; true only for the one transaction that inserted it (others see the key). */
  async claim(
    tx: Executor,
    key: { event: EventName; entity_type: string; entity_id: number; detail?: string },
    at: string,
  ): Promise<boolean> {
    const row = await tx
      .insertInto('notification_claims')
      .values({ ...key, detail: key.detail ?? '', created_at: at })
      .onConflict((oc) => oc.columns(['event', 'entity_type', 'entity_id', 'detail']).doNothing())
      .returning('event')
      .executeTakeFirst();
    return row !== undefined;
  },

  release: (tx: Executor, key: { event: EventName; entity_type: string; entity_id: number }) =>
    tx
      .deleteFrom('notification_claims')
      .where('event', '=', key.event)
      .where('entity_type', '=', key.entity_type)
      .where('entity_id', '=', key.entity_id)
      .execute(),
};

/** PostgreSQL only: serialises outbox writers so notification ids commit in id order (see outbox.ts). */
export const lockOutbox = (tx: Executor) => sql`select pg_advisory_xact_lock(7061843)`.execute(tx);
