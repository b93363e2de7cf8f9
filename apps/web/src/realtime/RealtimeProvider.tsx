import type { ServerMessage } from '@logi/contracts';
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from '../auth/useAuth.ts';
import { getLastSeen, setLastSeen } from './lastSeen.ts';
import { type ConnectionState, RealtimeClient, type WebSocketCtor } from './RealtimeClient.ts';
import { buildSocketUrl } from './url.ts';

export type RealtimeListener = (message: ServerMessage) => void;

export interface RealtimeValue {
  state: ConnectionState;
  /** Receive every server message; returns the unsubscribe function. */
  subscribe: (listener: RealtimeListener) => () => void;
}

export const RealtimeContext = createContext<RealtimeValue | null>(null);

interface Props {
  children: ReactNode;
  /** Injectable for tests; the browser's WebSocket otherwise. */
  WebSocketImpl?: WebSocketCtor;
  random?: () => number;
}

/** Holds the signed-in user's socket to /ws for as long as they are signed in. */
export function RealtimeProvider({ children, WebSocketImpl, random }: Props) {
  const { token, user, logout } = useAuth();
  const userId = user?.id ?? null;
  const [state, setState] = useState<ConnectionState>('idle');
  const listeners = useRef(new Set<RealtimeListener>());
  const logoutRef = useRef(logout);
  useEffect(() => {
    logoutRef.current = logout;
  }, [logout]);

  useEffect(() => {
    const Impl = WebSocketImpl ?? globalThis.WebSocket;
    if (!token || !userId || !Impl) {
      setState('idle');
      return;
    }
    const client = new RealtimeClient({
      url: () => buildSocketUrl(window.location, token, getLastSeen(userId)),
      WebSocketImpl: Impl,
      ...(random ? { random } : {}),
      onState: setState,
      onUnauthorized: () => logoutRef.current(),
      onMessage: (message) => {
        // Remember the newest id before anyone reacts, so a reload never asks for it again.
        if (message.type === 'notification') setLastSeen(userId, message.id);
        for (const listener of listeners.current) {
          try {
            listener(message);
          } catch (error) {
            console.error('A realtime listener failed', error);
          }
        }
      },
    });
    const onOnline = () => client.wake();
    const onOffline = () => client.pause();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') client.wake();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisibility);
    client.start();
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisibility);
      client.stop();
    };
  }, [token, userId, WebSocketImpl, random]);

  const subscribe = useCallback((listener: RealtimeListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
