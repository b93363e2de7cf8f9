import type { Notification as FeedItem } from '@logi/contracts';
import { eventMeta } from './eventMeta.ts';

const OPT_IN_KEY = 'logi.desktopNotifications';

export function desktopSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function desktopPermission(): NotificationPermission | 'unsupported' {
  return desktopSupported() ? window.Notification.permission : 'unsupported';
}

/** Both the browser permission and the user's own switch in this app. */
export function desktopEnabled(): boolean {
  return desktopPermission() === 'granted' && localStorage.getItem(OPT_IN_KEY) === '1';
}

/** Must be called from a click: browsers only show the permission prompt for a user gesture. */
export async function enableDesktop(): Promise<NotificationPermission | 'unsupported'> {
  if (!desktopSupported()) return 'unsupported';
  const permission = await window.Notification.requestPermission();
  if (permission === 'granted') localStorage.setItem(OPT_IN_KEY, '1');
  return permission;
}

export function disableDesktop(): void {
  localStorage.removeItem(OPT_IN_KEY);
}

/** Only while the tab is hidden (a visible tab already shows a toast); `tag` lets the OS merge tabs' copies. */
export function showDesktop(item: Pick<FeedItem, 'id' | 'event' | 'data'>): void {
  if (!desktopEnabled() || document.visibilityState === 'visible') return;
  try {
    new window.Notification(eventMeta(item.event).label, {
      body: item.data.message,
      tag: item.id,
      icon: '/favicon.svg',
    });
  } catch {
    // Some platforms only allow notifications from a service worker; the toast and bell still work.
  }
}
