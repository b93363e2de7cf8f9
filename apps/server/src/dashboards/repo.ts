import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/index.ts';
import type { DashboardRow, DashboardsTable } from './tables.ts';

/** SQL for dashboards. Every lookup by id is scoped to its owner: "missing" and "not yours" are one case. */
export const dashboardsRepo = {
  listForUser: (db: Executor, userId: number): Promise<DashboardRow[]> =>
    db.selectFrom('dashboards').selectAll().where('user_id', '=', userId).orderBy('id').execute(),

  ownedBy: (db: Executor, id: number, userId: number): Promise<DashboardRow | undefined> =>
    db
      .selectFrom('dashboards')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  /** A live share: the token matches and has not expired. */
  byShareToken: (db: Executor, token: string, nowIso: string): Promise<DashboardRow | undefined> =>
    db
      .selectFrom('dashboards')
      .selectAll()
      .where('share_token', '=', token)
      .where((eb) => eb.or([eb('share_expires_at', 'is', null), eb('share_expires_at', '>', nowIso)]))
      .executeTakeFirst(),

  insert: (db: Executor, values: Insertable<DashboardsTable>): Promise<DashboardRow> =>
    db.insertInto('dashboards').values(values).returningAll().executeTakeFirstOrThrow(),

  update: (db: Executor, id: number, patch: Updateable<DashboardsTable>): Promise<DashboardRow> =>
    db.updateTable('dashboards').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  /** Clears the user's current default (before another one is set, so the unique index holds). */
  clearDefault: async (db: Executor, userId: number): Promise<void> => {
    await db
      .updateTable('dashboards')
      .set({ is_default: 0 })
      .where('user_id', '=', userId)
      .where('is_default', '=', 1)
      .execute();
  },

  remove: async (db: Executor, id: number): Promise<void> => {
    await db.deleteFrom('dashboards').where('id', '=', id).execute();
  },
};
