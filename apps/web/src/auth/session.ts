import type { User } from '@logi/contracts';

/** The signed-in user as the server described it at login (or at the last /auth/me). */
export type SessionUser = Pick<User, 'id' | 'email' | 'first_name' | 'last_name' | 'role' | 'company_name'>;
export interface Session {
  token: string;
  user: SessionUser;
}

export const SESSION_KEY = 'logi.session';

let current: Session | null | undefined;
const listeners = new Set<() => void>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { token?: unknown; user?: { id?: unknown; role?: unknown } };
  return typeof v.token === 'string' && typeof v.user?.id === 'string' && typeof v.user.role === 'string';
}

function readStorage(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

/** Stable snapshot for useSyncExternalStore; read lazily so tests can seed storage first. */
export function getSession(): Session | null {
  if (current === undefined) current = readStorage();
  return current;
}

export function setSession(session: Session): void {
  current = session;
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  emit();
}

export function clearSession(): void {
  if (getSession() === null) return;
  current = null;
  localStorage.removeItem(SESSION_KEY);
  emit();
}

/** Another tab signed in or out: follow it. */
export function reloadSessionFromStorage(): void {
  current = readStorage();
  emit();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
