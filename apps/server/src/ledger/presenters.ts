import { type Approval, type Budget, type Category, fromCents, type Transaction } from '@logi/contracts';
import type { ApprovalRow, BudgetRow, CategoryRow, TransactionRow } from '../db/schema.ts';

export const presentCategory = (r: CategoryRow): Category => ({
  id: String(r.id),
  name: r.name,
  type: r.type,
});

export const presentTransaction = (r: TransactionRow): Transaction => ({
  id: String(r.id),
  type: r.type,
  amount: fromCents(r.amount_cents),
  category_id: String(r.category_id),
  date: r.date,
  description: r.description,
  project_id: r.project_id,
  status: r.status,
  created_by: String(r.created_by),
  created_at: r.created_at,
});

export const presentBudget = (r: BudgetRow): Budget => ({
  id: String(r.id),
  category_id: String(r.category_id),
  period: r.period,
  amount: fromCents(r.amount_cents),
  thresholds: JSON.parse(r.thresholds) as number[],
});

export const presentApproval = (
  r: ApprovalRow & { amount_cents: number; description: string },
): Approval => ({
  id: String(r.id),
  transaction_id: String(r.transaction_id),
  status: r.status,
  requested_by: String(r.requested_by),
  decided_by: r.decided_by === null ? null : String(r.decided_by),
  created_at: r.created_at,
  decided_at: r.decided_at,
  amount: fromCents(r.amount_cents),
  description: r.description,
});
