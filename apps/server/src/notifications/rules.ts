import { fromCents } from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { MaterialRow, PaymentRow } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { DomainEvent } from '../platform/domain-events.ts';
import { usersRepo } from '../users/repo.ts';
import { formatMoney, quote } from './format.ts';
import type { Draft } from './outbox.ts';
import { claimsRepo } from './repo.ts';
import { anomalyDraft, budgetDrafts } from './rules-spend.ts';

/**
 * Domain event → the notifications it causes. Runs inside the change's transaction, so a rule
 * sees exactly the committed-to-be state and its claims commit or roll back with the change.
 * Each rule fires on one kind of event only, which is what makes it "once per cause".
 */
export function createRules(clock: Clock) {
  return async function draftsFor(tx: Executor, event: DomainEvent): Promise<Draft[]> {
    const admins = () => usersRepo.idsByRole(tx, 'admin');
    const at = isoTimestamp(clock.now());
    switch (event.type) {
      case 'transaction.created': {
        const t = event.after;
        const recipients = await admins();
        const drafts: Draft[] = [
          {
            event: 'transaction.created',
            recipients,
            data: {
              message: `New ${t.type} of ${formatMoney(t.amount_cents)}: ${quote(t.description)}${t.status === 'pending_approval' ? ' (awaiting approval)' : ''}.`,
              entity_type: 'transaction',
              entity_id: String(t.id),
              amount: fromCents(t.amount_cents),
              transaction_type: t.type,
              status: t.status,
              category_id: String(t.category_id),
              date: t.date,
            },
          },
        ];
        const anomaly = await anomalyDraft(tx, t, recipients);
        if (anomaly) drafts.push(anomaly);
        if (t.status === 'posted' && t.type === 'expense')
          drafts.push(...(await budgetDrafts(tx, t.category_id, t.date.slice(0, 7), recipients, at)));
        return drafts;
      }
      case 'transaction.updated': {
        const t = event.after;
        if (t.status !== 'posted' || t.type !== 'expense') return [];
        return budgetDrafts(tx, t.category_id, t.date.slice(0, 7), await admins(), at);
      }
      case 'budget.created':
      case 'budget.updated':
        return budgetDrafts(tx, event.after.category_id, event.after.period, await admins(), at);
      case 'material.created':
      case 'material.updated':
        return lowStock(tx, event.before, event.after, admins, at);
      case 'payment.updated':
        if (event.before.status !== 'pending' || event.after.status !== 'paid') return [];
        return [paymentDraft('payment.paid', event.after, await admins())];
      case 'approval.requested': {
        const t = event.transaction;
        return [
          {
            event: 'approval.required',
            recipients: await admins(),
            data: {
              message: `${t.type === 'income' ? 'Income' : 'Expense'} of ${formatMoney(t.amount_cents)} needs approval: ${quote(t.description)}.`,
              entity_type: 'approval',
              entity_id: String(event.approval.id),
              amount: fromCents(t.amount_cents),
              transaction_id: String(t.id),
            },
          },
        ];
      }
      case 'approval.decided': {
        const t = event.transaction;
        const status = event.approval.status;
        return [
          {
            event: 'approval.completed',
            recipients: [event.approval.requested_by],
            data: {
              message: `Your ${t.type} of ${formatMoney(t.amount_cents)} was ${status}.`,
              entity_type: 'approval',
              entity_id: String(event.approval.id),
              amount: fromCents(t.amount_cents),
              transaction_id: String(t.id),
              status,
            },
          },
        ];
      }
      default:
        return [];
    }
  };
}

/**
 * `inventory.low_stock` when stock crosses from above its minimum to at-or-below it. A claim row
 * latches "currently low" (released once restocked), so two concurrent exits that both think they
 * crossed notify once.
 */
async function lowStock(
  tx: Executor,
  before: MaterialRow | null,
  after: MaterialRow,
  admins: () => Promise<number[]>,
  at: string,
): Promise<Draft[]> {
  const key = { event: 'inventory.low_stock' as const, entity_type: 'material', entity_id: after.id };
  if (after.quantity > after.min_stock) {
    if (before && before.quantity <= before.min_stock) await claimsRepo.release(tx, key);
    return [];
  }
  const latched = await claimsRepo.claim(tx, key, at);
  // A material created low is latched silently: it never crossed.
  if (!latched || !before || before.quantity <= before.min_stock) return [];
  return [
    {
      event: 'inventory.low_stock',
      recipients: await admins(),
      data: {
        message: `${after.name} (${after.reference}) is low: ${after.quantity} ${after.unit} left, minimum ${after.min_stock}.`,
        entity_type: 'material',
        entity_id: String(after.id),
        quantity: after.quantity,
        min_stock: after.min_stock,
        unit: after.unit,
      },
    },
  ];
}

type PaymentEvent = 'payment.paid' | 'payment.due_soon' | 'payment.overdue';

const PAYMENT_SENTENCE: Record<PaymentEvent, (p: PaymentRow) => string> = {
  'payment.paid': (p) => `Payment ${p.reference} of ${formatMoney(p.amount_cents)} was paid.`,
  'payment.due_soon': (p) =>
    `Payment ${p.reference} of ${formatMoney(p.amount_cents)} is due on ${p.due_date}.`,
  'payment.overdue': (p) =>
    `Payment ${p.reference} of ${formatMoney(p.amount_cents)} is overdue (due ${p.due_date}).`,
};

/**
 * Payment notifications go to admins and the counterparty; `data` holds only what the
 * counterparty may already see of its own payment.
 */
export function paymentDraft(event: PaymentEvent, p: PaymentRow, admins: readonly number[]): Draft {
  const recipients = p.counterparty_user_id === null ? admins : [...admins, p.counterparty_user_id];
  return {
    event,
    recipients,
    data: {
      message: PAYMENT_SENTENCE[event](p),
      entity_type: 'payment',
      entity_id: String(p.id),
      amount: fromCents(p.amount_cents),
      reference: p.reference,
      due_date: p.due_date,
      payment_type: p.type,
    },
  };
}
