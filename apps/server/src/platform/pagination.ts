import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from './ids.ts';

/**
 * Newest-first keyset pagination on the `id` column: stable under inserts, cost independent of depth.
 * The caller's query must select `id`.
 */
export async function paginate<T extends { id: number }, TB extends keyof Database>(
  query: SelectQueryBuilder<Database, TB, T>,
  idColumn: `${string}.id` | 'id',
  limit: number,
  cursor: string | undefined,
): Promise<{ rows: T[]; next_cursor: string | null }> {
  const after = decodeCursor(cursor);
  // biome-ignore lint/suspicious/noExplicitAny: the id column reference is checked by the callers' literal types
  let q = query.orderBy(idColumn as any, 'desc').limit(limit + 1);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  if (after !== null) q = q.where(idColumn as any, '<', after);
  const rows = await q.execute();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, next_cursor: hasMore && last ? encodeCursor(last.id) : null };
}
