import type { DataEntity } from '@logi/contracts';
import { type DomainEvent, entityOf } from '../platform/domain-events.ts';
import type { BusMessage } from './bus.ts';

/**
 * `data.changed` after a commit: admins see all business data, so they hear of every entity; a
 * payment's counterparty hears of its payments only. The hub merges these to ≤ 1/s per user.
 */
export function changedMessages(events: readonly DomainEvent[]): BusMessage[] {
  const entities = new Set<DataEntity>(events.map(entityOf));
  const counterparties = new Set<number>();
  for (const e of events) {
    if (e.type === 'payment.created' || e.type === 'payment.updated' || e.type === 'payment.deleted') {
      for (const row of [e.before, e.after]) {
        if (row?.counterparty_user_id != null) counterparties.add(row.counterparty_user_id);
      }
    }
  }
  const messages: BusMessage[] = [
    { kind: 'changed', roles: ['admin'], userIds: [], entities: [...entities] },
  ];
  if (counterparties.size > 0)
    messages.push({ kind: 'changed', roles: [], userIds: [...counterparties], entities: ['payments'] });
  return messages;
}
