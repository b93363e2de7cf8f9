import { fromCents } from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { TransactionRow } from '../db/schema.ts';
import { amountStats } from './amount-stats.ts';
import { categoryName, formatMoney } from './format.ts';
import type { Draft } from './outbox.ts';
import { claimsRepo } from './repo.ts';

/** Anomaly rule: how many earlier posted amounts make a history, how far out is "far". */
export const ANOMALY = { minHistory: 10, stdDevs: 3 };

/**
 * `budget.threshold_reached`, once per (budget, threshold): each threshold the posted spend of the
 * budget's category and month has reached is claimed; only the claiming transaction notifies.
 */
export async function budgetDrafts(
  tx: Executor,
  categoryId: number,
  period: string,
  admins: readonly number[],
  at: string,
): Promise<Draft[]> {
  const budget = await tx
    .selectFrom('budgets')
    .selectAll()
    .where('category_id', '=', categoryId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!budget || budget.amount_cents <= 0) return [];
  const row = await tx
    .selectFrom('transactions')
    .select((eb) => eb.fn.sum<number | string | null>('amount_cents').as('spent'))
    .where('category_id', '=', categoryId)
    .where('type', '=', 'expense')
    .where('status', '=', 'posted')
    .where('date', '>=', `${period}-01`)
    .where('date', '<=', `${period}-31`)
    .executeTakeFirstOrThrow();
  const spent = Number(row.spent ?? 0);
  if (spent <= 0) return [];
  const drafts: Draft[] = [];
  const name = await categoryName(tx, categoryId);
  for (const threshold of JSON.parse(budget.thresholds) as number[]) {
    // Integer comparison: spent / amount ≥ threshold %, with no float rounding at the boundary.
    if (spent * 100 < threshold * budget.amount_cents) continue;
    const key = {
      event: 'budget.threshold_reached' as const,
      entity_type: 'budget',
      entity_id: budget.id,
      detail: String(threshold),
    };
    if (!(await claimsRepo.claim(tx, key, at))) continue;
    drafts.push({
      event: 'budget.threshold_reached',
      recipients: admins,
      data: {
        message: `${name} reached ${threshold}% of its ${period} budget (${formatMoney(spent)} of ${formatMoney(budget.amount_cents)}).`,
        entity_type: 'budget',
        entity_id: String(budget.id),
        amount: fromCents(spent),
        budget_amount: fromCents(budget.amount_cents),
        threshold,
        period,
        category_id: String(categoryId),
      },
    });
  }
  return drafts;
}

/**
 * `anomaly.detected`: the amount is more than 3 standard deviations from the mean of its
 * category's earlier posted amounts (at least 10 of them). Runs before this change's own
 * contribution reaches the statistics, so they hold exactly the earlier rows.
 */
export async function anomalyDraft(
  tx: Executor,
  txn: TransactionRow,
  admins: readonly number[],
): Promise<Draft | null> {
  const stats = await amountStats(tx, txn.category_id);
  if (!stats || stats.count < ANOMALY.minHistory) return null;
  const { mean, std } = stats;
  const distance = Math.abs(txn.amount_cents - mean);
  if (distance === 0 || distance <= ANOMALY.stdDevs * std) return null;
  const name = await categoryName(tx, txn.category_id);
  return {
    event: 'anomaly.detected',
    recipients: admins,
    data: {
      message: `Unusual ${txn.type} of ${formatMoney(txn.amount_cents)} in ${name} (usually about ${formatMoney(Math.round(mean))}).`,
      entity_type: 'transaction',
      entity_id: String(txn.id),
      amount: fromCents(txn.amount_cents),
      usual_amount: fromCents(Math.round(mean)),
      category_id: String(txn.category_id),
    },
  };
}
