import type { Executor } from '../db/index.ts';

/**
 * "1,234.50": amounts in human sentences (the `amount` field itself stays a plain number). Built
 * from the integer cents directly: exact, and several times cheaper than Intl.NumberFormat, which
 * showed up in the write path's profile (every transaction notification formats an amount).
 */
export function formatMoney(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}.${frac}`;
}

/** Sentences quote user text; keep them short for toasts. */
export const quote = (text: string): string => (text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`);

export async function categoryName(db: Executor, id: number): Promise<string> {
  const row = await db.selectFrom('categories').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? 'an unknown category';
}
