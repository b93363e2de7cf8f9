import type { Notification } from '@logi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNotificationFeed, usePreferences } from '../api/queries.ts';
import { useAuth } from '../auth/useAuth.ts';
import { getLastSeen, setLastSeen } from '../realtime/lastSeen.ts';
import { useRealtimeMessage } from '../realtime/useRealtime.ts';
import { showDesktop } from './desktop.ts';
import { eventMeta } from './eventMeta.ts';
import { applyReadMessage, mergeNotification } from './feedCache.ts';
import { useToast } from './ToastProvider.tsx';

/** Turns socket messages into feed updates, toasts and desktop notifications. Renders nothing. */
export function LiveNotifications() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { user } = useAuth();
  const feed = useNotificationFeed();
  const preferences = usePreferences();

  // A browser that has never seen a notification starts its `since` from the stored feed; an empty
  // feed means "everything", so what arrives while this tab is cut off is replayed on reconnect.
  const feedLoaded = feed.isSuccess;
  const newestId = feed.data?.notifications[0]?.id;
  useEffect(() => {
    if (user && feedLoaded && getLastSeen(user.id) === null) setLastSeen(user.id, newestId ?? '0');
  }, [user, feedLoaded, newestId]);

  useRealtimeMessage('notification', (message) => {
    const item: Notification = {
      id: message.id,
      event: message.event,
      data: message.data,
      timestamp: message.timestamp,
      read: false,
    };
    const isNew = mergeNotification(queryClient, item);
    // The server stores muted events without pushing them, but a `since` replay may still carry them.
    if (!isNew || preferences.data?.muted_events.includes(message.event)) return;
    const meta = eventMeta(message.event);
    toast({ id: message.id, icon: meta.icon, title: meta.label, message: message.data.message });
    showDesktop(item);
  });

  useRealtimeMessage('notifications.read', (message) => applyReadMessage(queryClient, message));

  return null;
}
