import type { LoginResponse, Role } from '@logi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { api } from '../api/client.ts';
import {
  clearSession,
  getSession,
  reloadSessionFromStorage,
  SESSION_KEY,
  type SessionUser,
  setSession,
  subscribeSession,
} from './session.ts';

export interface AuthValue {
  token: string | null;
  user: SessionUser | null;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const queryClient = useQueryClient();
  const token = session?.token ?? null;
  const user = session?.user ?? null;

  // Another tab signed in or out: follow it so tabs never disagree about who is signed in.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_KEY || event.key === null) reloadSessionFromStorage();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // Never show one user's cached data to the next one.
  const lastUserId = useRef(user?.id);
  useEffect(() => {
    if (lastUserId.current !== undefined && lastUserId.current !== user?.id) queryClient.clear();
    lastUserId.current = user?.id;
  }, [user?.id, queryClient]);

  // Refresh the stored user once per token (role or name may have changed); a dead token gets a 401
  // here, which ends the session.
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    api
      .get<{ user: SessionUser }>('/auth/me')
      .then(({ user: fresh }) => {
        if (!cancelled && getSession()?.token === token) setSession({ token, user: fresh });
      })
      .catch(() => {
        // Offline or server down: keep the stored session; a real 401 already cleared it.
      });
    return () => {
      cancelled = true;
    };
  }, [token]);

  const login = useCallback(async (email: string, password: string) => {
    const res = await api.post<LoginResponse>('/auth/login', { email, password });
    setSession({ token: res.token, user: res.user });
    return res.user;
  }, []);

  const logout = useCallback(() => clearSession(), []);

  const value = useMemo<AuthValue>(
    () => ({
      token,
      user,
      login,
      logout,
      hasRole: (...roles) => user !== null && roles.includes(user.role),
    }),
    [token, user, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
