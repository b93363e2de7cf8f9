import { type EventName, NotificationData } from '@logi/contracts';
import { CompiledQuery, sql } from 'kysely';
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

// Rows per SQLite insert: at most 100 statement texts to prepare and keep, far under the limit of
// bound parameters.
const SQLITE_ROWS_PER_INSERT = 100;
const sqliteInsertTexts = new Map<number, string>();
function sqliteInsertText(rows: number): string {
  let text = sqliteInsertTexts.get(rows);
  if (!text) {
    const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, null)').join(', ');
    text = `insert into notifications (user_id, event, data, created_at, read_at) values ${values}`;
    sqliteInsertTexts.set(rows, text);
  }
  return text;
}

type Stored = { id: number; user_id: number };

/** PostgreSQL's RETURNING rows (bigint ids arrive as strings) as numbers, ascending by id. */
const inIdOrder = (rows: readonly Stored[]): Stored[] =>
  rows.map((r) => ({ id: Number(r.id), user_id: Number(r.user_id) })).sort((a, b) => a.id - b.id);

/**
 * SQLite: runs an insert of one row per user (in this order) and works out the ids it handed out,
 * without RETURNING, which cost more per row than the insert itself (an ephemeral table, then an
 * object per row). The table is AUTOINCREMENT and SQLite has a single writer, so the rows of one
 * statement get consecutive ids in insertion order, the last being `last_insert_rowid()`.
 */
async function sqliteInsert(
  tx: Executor,
  query: CompiledQuery,
  userIds: readonly number[],
): Promise<Stored[]> {
  const result = await tx.executeQuery(query);
  if (Number(result.numAffectedRows) !== userIds.length || result.insertId === undefined)
    throw new Error('notifications: the insert stored another number of rows than asked');
  const first = Number(result.insertId) - userIds.length + 1;
  return userIds.map((user_id, k) => ({ id: first + k, user_id }));
}

export const notificationsRepo = {
  /**
   * One row per recipient of one notification, in a single statement whatever the audience: the
   * recipient ids travel as one array parameter, so 5,000 admins cost one round trip, not 5,000
   * bound parameters. Ids in the order of `userIds`.
   */
  async insertForRecipients(
    tx: Executor,
    engine: Engine,
    n: { event: EventName; data: string; created_at: string },
    userIds: readonly number[],
  ): Promise<Stored[]> {
    if (engine === 'sqlite') {
      const insert = sql`insert into notifications (user_id, event, data, created_at, read_at)
        select r.value, ${n.event}, ${n.data}, ${n.created_at}, null
        from json_each(${JSON.stringify(userIds)}) as r order by r.key`;
      return sqliteInsert(tx, insert.compile(tx), userIds);
    }
    const result = await sql<Stored>`
      insert into notifications (user_id, event, data, created_at, read_at)
      select r.user_id, ${n.event}, ${n.data}, ${n.created_at}, null
      from unnest(${`{${userIds.join(',')}}`}::bigint[]) with ordinality as r(user_id, ord)
      order by r.ord
      returning id, user_id`.execute(tx);
    return inIdOrder(result.rows);
  },

  /**
   * Many single-recipient notifications (per-user messages, a burst) in one statement instead of
   * one per notification. Returns the ids in input order: rows are inserted in the order given, ids
   * ascending, and the caller checks the user ids line up before trusting the mapping.
   */
  async insertRows(
    tx: Executor,
    engine: Engine,
    rows: readonly { user_id: number; event: string; data: string }[],
    createdAt: string,
  ): Promise<Stored[]> {
    if (engine === 'postgres') {
      const result = await sql<Stored>`
        insert into notifications (user_id, event, data, created_at, read_at)
        select r.user_id, r.event, r.data, ${createdAt}, null
        from unnest(${rows.map((r) => r.user_id)}::bigint[], ${rows.map((r) => r.event)}::text[],
          ${rows.map((r) => r.data)}::text[]) with ordinality as r(user_id, event, data, ord)
        order by r.ord
        returning id, user_id`.execute(tx);
      return inIdOrder(result.rows);
    }
    // SQLite: plain multi-row VALUES (cheaper for SQLite than unpacking one JSON parameter), as a
    // ready statement text per row count: this runs on every commit that notifies anyone, and
    // building a query tree of hundreds of parameters cost more than the insert itself.
    const stored: Stored[] = [];
    for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + SQLITE_ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const r of chunk) params.push(r.user_id, r.event, r.data, createdAt);
      const query = CompiledQuery.raw(sqliteInsertText(chunk.length), params);
      const userIds = chunk.map((r) => r.user_id);
      stored.push(...(await sqliteInsert(tx, query, userIds)));
    }
    return stored;
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
