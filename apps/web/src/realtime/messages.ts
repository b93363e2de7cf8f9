import type { ServerMessage } from '@logi/contracts';

const TYPES = new Set<string>(['notification', 'notifications.read', 'data.changed', 'pong']);

/** A server frame as a typed message, or null for anything we do not understand (ignored, not fatal). */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const type = (value as { type?: unknown }).type;
    if (typeof type !== 'string' || !TYPES.has(type)) return null;
    if (type === 'notification' && typeof (value as { id?: unknown }).id !== 'string') return null;
    if (type === 'data.changed' && !Array.isArray((value as { entities?: unknown }).entities)) return null;
    return value as ServerMessage;
  } catch {
    return null;
  }
}
