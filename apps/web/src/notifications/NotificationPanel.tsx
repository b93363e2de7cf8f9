import type { Notification } from '@logi/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Feed } from '../api/queries.ts';
import { ErrorState, Loading } from '../ui/States.tsx';
import { eventMeta, pageFor } from './eventMeta.ts';
import { NotificationSettings } from './NotificationSettings.tsx';
import { relativeTime } from './relativeTime.ts';
import { useFeedActions } from './useFeedActions.ts';

interface Props {
  id: string;
  feed: UseQueryResult<Feed>;
  onNavigate: () => void;
}

/** Re-render every 30 s so "2 minutes ago" stays true while the panel is open. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function NotificationPanel({ id, feed, onNavigate }: Props) {
  const { markRead, markAllRead, clear } = useFeedActions();
  const navigate = useNavigate();
  const now = useNow();
  const [showSettings, setShowSettings] = useState(false);
  const items = feed.data?.notifications ?? [];
  const unread = feed.data?.unread_count ?? 0;

  const open = (item: Notification) => {
    if (!item.read) markRead(item.id);
    const page = pageFor(item.data);
    if (page) {
      onNavigate();
      navigate(page);
    }
  };

  return (
    <section className="notif-panel" id={id} aria-labelledby={`${id}-title`}>
      <div className="notif-header">
        <h2 id={`${id}-title`}>Notifications</h2>
        <div className="notif-actions">
          <button type="button" className="link-btn" onClick={markAllRead} disabled={unread === 0}>
            Mark all as read
          </button>
          <button type="button" className="link-btn" onClick={clear} disabled={items.length === 0}>
            Clear
          </button>
        </div>
      </div>

      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        // biome-ignore lint/a11y/noRedundantRoles: Safari drops list semantics from a list-style:none <ul>
        <ul className="notif-list" role="list">
          {items.length === 0 && <li className="notif-empty">You are all caught up.</li>}
          {items.map((item) => {
            const meta = eventMeta(item.event);
            return (
              <li key={item.id} className={item.read ? 'notif-item' : 'notif-item notif-unread'}>
                <button type="button" className="notif-open" onClick={() => open(item)}>
                  <span className="notif-icon" aria-hidden="true">
                    {meta.icon}
                  </span>
                  <span className="notif-text">
                    <span className="notif-message">
                      {!item.read && <span className="sr-only">Unread: </span>}
                      {item.data.message || meta.label}
                    </span>
                    <time className="notif-time" dateTime={item.timestamp}>
                      {relativeTime(item.timestamp, now)}
                    </time>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <div className="notif-footer">
        <button
          type="button"
          className="link-btn"
          aria-expanded={showSettings}
          onClick={() => setShowSettings((s) => !s)}
        >
          {showSettings ? 'Hide settings' : 'Settings'}
        </button>
      </div>
      {showSettings && <NotificationSettings />}
    </section>
  );
}
