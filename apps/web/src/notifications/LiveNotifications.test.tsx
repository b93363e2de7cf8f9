import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWebSocket } from '../test/FakeWebSocket.ts';
import { fakeApi } from '../test/fakeApi.ts';
import { ADMIN, renderWithApp, signIn } from '../test/render.tsx';
import { LiveNotifications } from './LiveNotifications.tsx';
import { NotificationBell } from './NotificationBell.tsx';

const live = (id: string, event = 'approval.required') => ({
  type: 'notification',
  id,
  event,
  data: { message: `Approve expense ${id}`, entity_type: 'approval', entity_id: `a-${id}` },
  timestamp: new Date().toISOString(),
});

function renderShell(muted: string[] = []) {
  fakeApi({
    'GET /api/v1/auth/me': { body: { user: ADMIN } },
    'GET /api/v1/notifications?limit=50': { body: { notifications: [], unread_count: 0 } },
    'GET /api/v1/notifications/preferences': { body: { muted_events: muted } },
  });
  renderWithApp(
    <>
      <NotificationBell />
      <LiveNotifications />
    </>,
  );
}

/** Open the bell and wait for the (empty) stored feed, so live messages merge into a loaded feed. */
async function openLoadedFeed() {
  await userEvent.click(screen.getByRole('button', { name: 'Notifications' }));
  await screen.findByText('You are all caught up.');
}

describe('live notifications', () => {
  beforeEach(() => signIn());

  it('shows a toast and raises the badge when a notification arrives', async () => {
    renderShell();
    await openLoadedFeed();
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(live('n1'));
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Approve expense n1');
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('ignores a notification it already has (replay after reconnect)', async () => {
    renderShell();
    await openLoadedFeed();
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(live('n1'));
      FakeWebSocket.last.receive(live('n1'));
    });
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('follows read state changed in another tab', async () => {
    renderShell();
    await openLoadedFeed();
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(live('n1'));
      FakeWebSocket.last.receive(live('n2'));
    });
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    act(() => FakeWebSocket.last.receive({ type: 'notifications.read', ids: ['n1'] }));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    act(() => FakeWebSocket.last.receive({ type: 'notifications.read', all: true }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('adds muted events to the feed without a toast', async () => {
    renderShell(['approval.required']);
    await openLoadedFeed();
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(live('n1'));
    });
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
