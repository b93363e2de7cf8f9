import { NotFound } from './errors.ts';

/** Ids are integers in the database and opaque strings outside; anything else is simply "not found". */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/** Keyset cursor: the last id of the previous page, base64url so clients treat it as opaque. */
export const encodeCursor = (id: number): string => Buffer.from(String(id)).toString('base64url');

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  return parseId(Buffer.from(cursor, 'base64url').toString());
}

/** An id from a path that must name an existing row: malformed ids are just as "not found". */
export function requireId(raw: string, what: string): number {
  const id = parseId(raw);
  if (id === null) throw new NotFound(what);
  return id;
}
