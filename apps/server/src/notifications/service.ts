import type { EventName } from '@logi/contracts';
import type { UserRow } from '../db/schema.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Invalid, NotFound } from '../platform/errors.ts';
import { parseId } from '../platform/ids.ts';
import type { Bus } from './bus.ts';
import { notificationsRepo, preferencesRepo, present } from './repo.ts';

/** The feed of the signed-in user: only ever their own rows. Read-state changes reach their other tabs. */
export function createNotificationsService(ctx: AppContext, bus: Bus) {
  const { db } = ctx;
  const now = () => isoTimestamp(ctx.clock.now());

  return {
    async feed(user: UserRow, q: { unread_only?: string; limit: number; before?: string }) {
      let before: number | null = null;
      if (q.before !== undefined) {
        before = parseId(q.before);
        if (before === null)
          throw new Invalid('before must be a notification id.', [
            { path: 'before', message: 'Use the id of a notification from an earlier page.' },
          ]);
      }
      const unreadOnly = q.unread_only === 'true' || q.unread_only === '1';
      const rows = await notificationsRepo.feed(db, user.id, { unreadOnly, limit: q.limit, before });
      return {
        notifications: rows.map(present),
        unread_count: await notificationsRepo.unreadCount(db, user.id),
      };
    },

    async markRead(user: UserRow, rawId: string) {
      const id = parseId(rawId);
      // Another user's id answers exactly like a missing one.
      if (id === null || !(await notificationsRepo.byId(db, user.id, id)))
        throw new NotFound('This notification');
      if (await notificationsRepo.markRead(db, user.id, id, now()))
        bus.publish({ kind: 'read', userId: user.id, ids: [String(id)] });
      return { unread_count: await notificationsRepo.unreadCount(db, user.id) };
    },

    async markAllRead(user: UserRow) {
      if ((await notificationsRepo.markAllRead(db, user.id, now())) > 0)
        bus.publish({ kind: 'read', userId: user.id, all: true });
      return { unread_count: 0 };
    },

    async clear(user: UserRow) {
      await notificationsRepo.clear(db, user.id);
    },

    async preferences(user: UserRow) {
      return { muted_events: await preferencesRepo.muted(db, user.id) };
    },

    async savePreferences(user: UserRow, muted: readonly EventName[]) {
      await preferencesRepo.save(db, user.id, muted, now());
      const saved = await preferencesRepo.muted(db, user.id);
      // Every node's connections of this user stop (or resume) pushing these events at once.
      bus.publish({ kind: 'preferences', userId: user.id, muted: saved });
      return { muted_events: saved };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
