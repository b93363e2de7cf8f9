import type {
  ApprovalRow,
  BudgetRow,
  CategoryRow,
  MaterialRow,
  PaymentRow,
  TransactionRow,
} from '../db/schema.ts';

/**
 * Every business change, typed. `before` is null on create, `after` is null on delete, so a
 * subscriber can tell what crossed (a stock level, a budget threshold, a status).
 */
type Change<Name extends string, Row> =
  | { type: `${Name}.created`; before: null; after: Row; actorId: number }
  | { type: `${Name}.updated`; before: Row; after: Row; actorId: number }
  | { type: `${Name}.deleted`; before: Row; after: null; actorId: number };

export type TransactionChange = Change<'transaction', TransactionRow>;
export type MaterialChange = Change<'material', MaterialRow>;
export type PaymentChange = Change<'payment', PaymentRow>;
export type BudgetChange = Change<'budget', BudgetRow>;

export type DomainEvent =
  | TransactionChange
  | MaterialChange
  | PaymentChange
  | BudgetChange
  | { type: 'category.created'; before: null; after: CategoryRow; actorId: number }
  | { type: 'approval.requested'; approval: ApprovalRow; transaction: TransactionRow; actorId: number }
  | { type: 'approval.decided'; approval: ApprovalRow; transaction: TransactionRow; actorId: number };

export type DomainEventType = DomainEvent['type'];

/** Which entity a change touches, for `data.changed` messages. */
export function entityOf(
  event: DomainEvent,
): 'transactions' | 'materials' | 'payments' | 'budgets' | 'approvals' | 'categories' {
  const prefix = event.type.split('.')[0];
  switch (prefix) {
    case 'transaction':
      return 'transactions';
    case 'material':
      return 'materials';
    case 'payment':
      return 'payments';
    case 'budget':
      return 'budgets';
    case 'category':
      return 'categories';
    default:
      return 'approvals';
  }
}
