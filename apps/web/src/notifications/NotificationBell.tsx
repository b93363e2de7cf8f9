import { useEffect, useId, useRef, useState } from 'react';
import { useNotificationFeed } from '../api/queries.ts';
import { BellIcon } from '../ui/BellIcon.tsx';
import { NotificationPanel } from './NotificationPanel.tsx';

export function badgeText(unread: number): string {
  return unread > 9 ? '9+' : String(unread);
}

/** Header bell: unread badge, and the feed panel on click. Closes on Escape or a click outside. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const feed = useNotificationFeed();
  const unread = feed.data?.unread_count ?? 0;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-btn bell-button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-badge" aria-hidden="true" data-testid="bell-badge">
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} feed={feed} onNavigate={() => setOpen(false)} />}
    </div>
  );
}
