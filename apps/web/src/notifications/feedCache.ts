import type { Notification, ServerMessage } from '@logi/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { type Feed, queryKeys } from '../api/queries.ts';

const FEED_LIMIT = 50;
const key = queryKeys.notifications.feed;

function recount(notifications: Notification[], previous: Feed): Feed {
  // The server's count covers items beyond the first page; adjust it by what changed locally.
  const localUnreadBefore = previous.notifications.filter((n) => !n.read).length;
  const localUnreadAfter = notifications.filter((n) => !n.read).length;
  const unread = Math.max(0, previous.unread_count + localUnreadAfter - localUnreadBefore);
  return { notifications, unread_count: unread };
}

/** Add a live notification to the feed; false when it was already there (a replay after reconnect). */
export function mergeNotification(queryClient: QueryClient, item: Notification): boolean {
  const feed = queryClient.getQueryData<Feed>(key);
  if (!feed) {
    // First load still in flight, possibly read before this was stored: fetch again to be sure.
    void queryClient.invalidateQueries({ queryKey: key });
    return true;
  }
  if (feed.notifications.some((n) => n.id === item.id)) return false;
  const notifications = [item, ...feed.notifications].slice(0, FEED_LIMIT);
  queryClient.setQueryData<Feed>(key, {
    notifications,
    unread_count: feed.unread_count + (item.read ? 0 : 1),
  });
  return true;
}

export function markReadInCache(queryClient: QueryClient, ids: string[] | 'all'): void {
  queryClient.setQueryData<Feed>(key, (feed) => {
    if (!feed) return feed;
    if (ids === 'all')
      return { notifications: feed.notifications.map((n) => ({ ...n, read: true })), unread_count: 0 };
    const set = new Set(ids);
    return recount(
      feed.notifications.map((n) => (set.has(n.id) ? { ...n, read: true } : n)),
      feed,
    );
  });
}

/** Another tab (or device) changed read state. */
export function applyReadMessage(
  queryClient: QueryClient,
  message: Extract<ServerMessage, { type: 'notifications.read' }>,
): void {
  if (message.all) markReadInCache(queryClient, 'all');
  else if (message.ids) markReadInCache(queryClient, message.ids);
}

export function clearFeedCache(queryClient: QueryClient): void {
  queryClient.setQueryData<Feed>(key, { notifications: [], unread_count: 0 });
}
