import type { EventName, NotificationData } from '@logi/contracts';

export const EVENT_META: Record<EventName, { icon: string; label: string }> = {
  'transaction.created': { icon: '💰', label: 'Transaction created' },
  'payment.due_soon': { icon: '⏰', label: 'Payment due soon' },
  'payment.overdue': { icon: '🔴', label: 'Payment overdue' },
  'payment.paid': { icon: '💳', label: 'Payment paid' },
  'inventory.low_stock': { icon: '📦', label: 'Low stock' },
  'approval.required': { icon: '📝', label: 'Approval required' },
  'approval.completed': { icon: '✅', label: 'Approval completed' },
  'budget.threshold_reached': { icon: '💸', label: 'Budget threshold reached' },
  'anomaly.detected': { icon: '⚠️', label: 'Unusual amount' },
};

export function eventMeta(event: string): { icon: string; label: string } {
  return EVENT_META[event as EventName] ?? { icon: '🔔', label: 'Notification' };
}

// Budgets have no page of their own; their spend is on the transactions page.
const PAGE_FOR_ENTITY: Record<string, string> = {
  transaction: '/transactions',
  approval: '/approvals',
  payment: '/payments',
  material: '/materials',
  budget: '/transactions',
};

/** The page that shows what a notification is about, or null when there is none. */
export function pageFor(data: Pick<NotificationData, 'entity_type'>): string | null {
  return PAGE_FOR_ENTITY[data.entity_type] ?? null;
}
