import type { Executor } from '../db/index.ts';

/** Amount (in cents) at or above which a transaction waits for an admin's approval. */
export const DEFAULT_APPROVAL_THRESHOLD_CENTS = 1_000_000;

export async function approvalThresholdCents(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'approval_threshold_cents')
    .executeTakeFirst();
  const value = row ? Number(row.value) : Number.NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_APPROVAL_THRESHOLD_CENTS;
}
