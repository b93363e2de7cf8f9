import { z } from 'zod';
import { Id, IsoDate, PageQuery, Timestamp, YearMonth } from './common.ts';
import { Money, PositiveMoney } from './money.ts';

export const CategoryType = z.enum(['income', 'expense', 'material']);
export const Category = z.object({ id: Id, name: z.string(), type: CategoryType });
export type Category = z.infer<typeof Category>;
export const CreateCategoryBody = z.object({
  name: z.string().trim().min(1, 'Give the category a name.').max(100),
  type: CategoryType,
});
export const CategoryList = z.object({ categories: z.array(Category) });

export const TransactionType = z.enum(['income', 'expense']);
export const TransactionStatus = z.enum(['posted', 'pending_approval', 'rejected']);
export const Transaction = z.object({
  id: Id,
  type: TransactionType,
  amount: Money,
  category_id: Id,
  date: IsoDate,
  description: z.string(),
  project_id: z.string().nullable(),
  status: TransactionStatus,
  created_by: Id,
  created_at: Timestamp,
});
export type Transaction = z.infer<typeof Transaction>;

const TransactionFields = z.object({
  type: TransactionType,
  amount: PositiveMoney,
  category_id: Id,
  date: IsoDate,
  description: z.string().trim().max(500),
  project_id: z.string().trim().max(64).nullish(),
});
export const CreateTransactionBody = TransactionFields.extend({
  description: TransactionFields.shape.description.default(''),
});
export type CreateTransactionBody = z.infer<typeof CreateTransactionBody>;
// Built from the fields without defaults, so an update never resets what it does not mention.
export const UpdateTransactionBody = TransactionFields.partial().refine(
  (b) => Object.keys(b).length > 0,
  'Give at least one field to change.',
);
export type UpdateTransactionBody = z.infer<typeof UpdateTransactionBody>;

export const TransactionQuery = PageQuery.extend({
  type: TransactionType.optional(),
  status: TransactionStatus.optional(),
  category_id: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type TransactionQuery = z.infer<typeof TransactionQuery>;
export const TransactionList = z.object({
  transactions: z.array(Transaction),
  next_cursor: z.string().nullable(),
});

const Threshold = z.number().int().min(1, 'A threshold is a percentage from 1 to 1000.').max(1000);
export const Budget = z.object({
  id: Id,
  category_id: Id,
  period: YearMonth,
  amount: Money,
  thresholds: z.array(z.number().int()),
});
export type Budget = z.infer<typeof Budget>;
const BudgetFields = z.object({
  category_id: Id,
  period: YearMonth,
  amount: PositiveMoney,
  thresholds: z
    .array(Threshold)
    .min(1)
    .max(10)
    .refine((t) => new Set(t).size === t.length, 'Thresholds must be different from each other.'),
});
export const CreateBudgetBody = BudgetFields.extend({
  thresholds: BudgetFields.shape.thresholds.default([50, 80, 100]),
});
export type CreateBudgetBody = z.infer<typeof CreateBudgetBody>;
export const UpdateBudgetBody = BudgetFields.partial();
export const BudgetQuery = PageQuery.extend({ period: YearMonth.optional(), category_id: Id.optional() });
export const BudgetList = z.object({ budgets: z.array(Budget), next_cursor: z.string().nullable() });

export const ApprovalStatus = z.enum(['pending', 'approved', 'rejected']);
export const Approval = z.object({
  id: Id,
  transaction_id: Id,
  status: ApprovalStatus,
  requested_by: Id,
  decided_by: Id.nullable(),
  created_at: Timestamp,
  decided_at: Timestamp.nullable(),
  amount: Money,
  description: z.string(),
});
export type Approval = z.infer<typeof Approval>;
export const ApprovalQuery = PageQuery.extend({ status: ApprovalStatus.optional() });
export const ApprovalList = z.object({ approvals: z.array(Approval), next_cursor: z.string().nullable() });
