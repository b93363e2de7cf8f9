import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, getSession } from '../auth/session.ts';
import { useAuth } from '../auth/useAuth.ts';
import { FakeWebSocket } from '../test/FakeWebSocket.ts';
import { fakeApi } from '../test/fakeApi.ts';
import { ADMIN, renderWithApp, signIn } from '../test/render.tsx';
import { getLastSeen, setLastSeen } from './lastSeen.ts';
import { useRealtime } from './useRealtime.ts';

function Probe() {
  const { state } = useRealtime();
  const { user, logout } = useAuth();
  return (
    <>
      <p>connection: {state}</p>
      <p>user: {user?.email ?? 'signed out'}</p>
      <button type="button" onClick={logout}>
        Sign out
      </button>
    </>
  );
}

function Listener({ onMessage }: { onMessage: (type: string) => void }) {
  const { subscribe } = useRealtime();
  return (
    <button type="button" onClick={() => subscribe((m) => onMessage(m.type))}>
      Listen
    </button>
  );
}

// random() = 1 makes the jittered delay its ceiling: 500, 1000, 2000… ms.
const renderProbe = () => renderWithApp(<Probe />, { random: () => 1 });
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const notification = (id: string) => ({
  type: 'notification',
  id,
  event: 'transaction.created',
  data: { message: 'New expense', entity_type: 'transaction', entity_id: 't1' },
  timestamp: '2026-01-01T00:00:00Z',
});

describe('RealtimeProvider', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fakeApi({ 'GET /api/v1/auth/me': { body: { user: ADMIN } } });
    signIn();
  });
  afterEach(() => vi.useRealTimers());

  it('connects after sign-in with the token and shows the connection state', () => {
    renderProbe();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.last.url).toBe('ws://localhost:3000/ws?token=token-1');
    expect(screen.getByText('connection: connecting')).toBeInTheDocument();
    act(() => FakeWebSocket.last.open());
    expect(screen.getByText('connection: open')).toBeInTheDocument();
  });

  it('does not connect while signed out', () => {
    clearSession();
    renderProbe();
    expect(screen.getByText('connection: idle')).toBeInTheDocument();
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('asks for everything after the last notification it saw, across reconnects and reloads', () => {
    setLastSeen(ADMIN.id, 'n-41');
    const first = renderProbe();
    expect(FakeWebSocket.last.params.get('since')).toBe('n-41');

    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(notification('n-42'));
      FakeWebSocket.last.receive(notification('n-43'));
      FakeWebSocket.last.serverClose();
    });
    expect(screen.getByText('connection: reconnecting')).toBeInTheDocument();
    advance(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.last.params.get('since')).toBe('n-43');

    // A reload: a brand-new provider reads the id back from storage.
    first.unmount();
    renderProbe();
    expect(FakeWebSocket.last.params.get('since')).toBe('n-43');
    expect(getLastSeen(ADMIN.id)).toBe('n-43');
  });

  it('backs off exponentially while the server stays down, capped at 10 s', () => {
    renderProbe();
    const expected = [500, 1000, 2000, 4000, 8000, 10000, 10000];
    for (const [i, delay] of expected.entries()) {
      act(() => FakeWebSocket.last.serverClose());
      advance(delay - 1);
      expect(FakeWebSocket.instances).toHaveLength(i + 1);
      advance(1);
      expect(FakeWebSocket.instances).toHaveLength(i + 2);
    }
  });

  it('spreads retries with full jitter', () => {
    renderWithApp(<Probe />, { random: () => 0.25 });
    act(() => FakeWebSocket.last.serverClose());
    act(() => FakeWebSocket.last.serverClose()); // no-op: already closed
    advance(125); // 0.25 × 500
    expect(FakeWebSocket.instances).toHaveLength(2);
    act(() => FakeWebSocket.last.serverClose());
    advance(249);
    expect(FakeWebSocket.instances).toHaveLength(2);
    advance(1); // 0.25 × 1000
    expect(FakeWebSocket.instances).toHaveLength(3);
  });

  it('starts the backoff over after a successful connection', () => {
    renderProbe();
    act(() => FakeWebSocket.last.serverClose());
    advance(500);
    act(() => FakeWebSocket.last.serverClose());
    advance(1000);
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.serverClose();
    });
    advance(500);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('pings every 25 seconds while open', () => {
    renderProbe();
    act(() => FakeWebSocket.last.open());
    advance(25_000);
    advance(25_000);
    expect(FakeWebSocket.last.sent).toEqual(['{"type":"ping"}', '{"type":"ping"}']);
  });

  it('waits while the browser is offline and reconnects as soon as it is back online', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderProbe();
    act(() => FakeWebSocket.last.open());
    onLine.mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
      FakeWebSocket.last.serverClose();
    });
    expect(screen.getByText('connection: offline')).toBeInTheDocument();
    advance(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);

    onLine.mockReturnValue(true);
    act(() => window.dispatchEvent(new Event('online')));
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(screen.getByText('connection: reconnecting')).toBeInTheDocument();
  });

  it('retries at once when the tab becomes visible again', () => {
    renderProbe();
    act(() => FakeWebSocket.last.open());
    for (let i = 0; i < 6; i++) {
      act(() => FakeWebSocket.last.serverClose());
      advance(60_000);
    }
    act(() => FakeWebSocket.last.serverClose()); // next retry is 30 s away
    const before = FakeWebSocket.instances.length;
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(FakeWebSocket.instances).toHaveLength(before + 1);
  });

  it('signs out, without reconnecting, when the server rejects the token (4001)', () => {
    renderProbe();
    act(() => FakeWebSocket.last.serverClose(4001));
    expect(screen.getByText('user: signed out')).toBeInTheDocument();
    expect(getSession()).toBeNull();
    advance(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('closes the socket on sign-out and never reconnects', () => {
    renderProbe();
    act(() => FakeWebSocket.last.open());
    const socket = FakeWebSocket.last;
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(socket.closedByClient).toBe(1000);
    expect(screen.getByText('connection: idle')).toBeInTheDocument();
    advance(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('leaves no timer behind when unmounted', () => {
    const view = renderProbe();
    // Timers that are not ours (React Query's housekeeping) exist before the socket ever opens.
    const others = vi.getTimerCount();
    act(() => FakeWebSocket.last.open());
    expect(vi.getTimerCount()).toBe(others + 1); // the ping
    act(() => FakeWebSocket.last.serverClose());
    expect(vi.getTimerCount()).toBe(others + 1); // the pending reconnect
    view.unmount();
    expect(vi.getTimerCount()).toBe(others);
  });

  it('delivers messages to subscribers', () => {
    const seen: string[] = [];
    renderWithApp(<Listener onMessage={(type) => seen.push(type)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    act(() => {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive({ type: 'data.changed', entities: ['transactions'] });
      FakeWebSocket.last.receive({ type: 'pong' });
      FakeWebSocket.last.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    });
    expect(seen).toEqual(['data.changed', 'pong']);
  });
});
