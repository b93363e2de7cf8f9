import type { Notification } from '@logi/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi.ts';
import { renderWithApp, signIn } from '../test/render.tsx';
import { NotificationBell } from './NotificationBell.tsx';

const FEED = 'GET /api/v1/notifications?limit=50';

function note(id: string, read = false, entity_type = 'payment'): Notification {
  return {
    id,
    event: 'payment.overdue',
    data: { message: `Payment ${id} is overdue`, entity_type, entity_id: `p-${id}` },
    timestamp: new Date().toISOString(),
    read,
  };
}

function renderBell() {
  return renderWithApp(
    <>
      <NotificationBell />
      <Routes>
        <Route path="/" element={<p>Home page</p>} />
        <Route path="/payments" element={<p>Payments page</p>} />
      </Routes>
    </>,
  );
}

describe('NotificationBell', () => {
  beforeEach(() => signIn());

  it('shows the unread count in its name and badge', async () => {
    fakeApi({
      [FEED]: { body: { notifications: [note('1'), note('2'), note('3', true)], unread_count: 2 } },
    });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(within(bell).getByText('2')).toBeVisible();
  });

  it('caps the badge at 9+ but keeps the exact count in the name', async () => {
    const items = Array.from({ length: 12 }, (_, i) => note(String(i)));
    fakeApi({ [FEED]: { body: { notifications: items, unread_count: 12 } } });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 12 unread' });
    expect(within(bell).getByText('9+')).toBeVisible();
  });

  it('shows no badge when everything is read', async () => {
    fakeApi({ [FEED]: { body: { notifications: [note('1', true)], unread_count: 0 } } });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications' });
    await userEvent.click(bell);
    expect(await screen.findByText('Payment 1 is overdue')).toBeVisible();
    expect(screen.queryByTestId('bell-badge')).not.toBeInTheDocument();
  });

  it('marks everything read through the API and clears the badge', async () => {
    const calls = fakeApi({
      [FEED]: { body: { notifications: [note('1'), note('2')], unread_count: 2 } },
      'POST /api/v1/notifications/read-all': { status: 204 },
    });
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));

    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByTestId('bell-badge')).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/notifications/read-all')).toBe(true);
  });

  it('puts the badge back when the server refuses to mark all read', async () => {
    fakeApi({
      [FEED]: { body: { notifications: [note('1')], unread_count: 1 } },
      'POST /api/v1/notifications/read-all': { status: 500, body: { detail: 'Down' } },
    });
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('clears the feed', async () => {
    const calls = fakeApi({
      [FEED]: { body: { notifications: [note('1'), note('2', true)], unread_count: 1 } },
      'DELETE /api/v1/notifications': { status: 204 },
    });
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: /^Notifications/ }));
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));

    expect(within(screen.getByRole('list')).getByText('You are all caught up.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/notifications')).toBe(true);
  });

  it('marks one item read and opens its page when clicked', async () => {
    const calls = fakeApi({
      [FEED]: { body: { notifications: [note('7'), note('8')], unread_count: 2 } },
      'POST /api/v1/notifications/7/read': { status: 204 },
    });
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await userEvent.click(screen.getByRole('button', { name: /Payment 7 is overdue/ }));

    expect(await screen.findByText('Payments page')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/notifications/7/read')).toBe(true);
  });
});
