import { fromCents } from '@logi/contracts';
import type { Executor } from '../db/index.ts';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,234.50": amounts in human sentences (the `amount` field itself stays a plain number). */
export const formatMoney = (cents: number): string => money.format(fromCents(cents));

/** Sentences quote user text; keep them short for toasts. */
export const quote = (text: string): string => (text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`);

export async function categoryName(db: Executor, id: number): Promise<string> {
  const row = await db.selectFrom('categories').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? 'an unknown category';
}
