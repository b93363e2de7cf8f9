/**
 * The id of the newest notification this browser has received, per user, so that a reload or a reconnect
 * asks the server for everything after it (`/ws?since=`). Ids are opaque: we keep the last one received,
 * never compare them.
 */
const key = (userId: string) => `logi.lastNotificationId.${userId}`;

export function getLastSeen(userId: string): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}

export function setLastSeen(userId: string, id: string): void {
  try {
    localStorage.setItem(key(userId), id);
  } catch {
    // Storage full or blocked: we only lose the replay after a reload.
  }
}
