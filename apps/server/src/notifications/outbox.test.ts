import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import type { BusMessage, NotificationBatch } from './bus.ts';

// One change that notifies many users one draft each (more than one insert statement's worth)
// plus a role: every user gets exactly their own notification, stored and published in id order.
describe('outbox', () => {
  const t = useTestApp();

  it('stores each recipient its own notification and publishes them in id order after commit', async () => {
    const { db, events } = t().app.ctx;
    const { outbox, bus } = t().app.notifications;
    const now = new Date().toISOString();
    const users = Array.from({ length: 250 }, (_, i) => ({
      email: `u${i}@outbox.example`,
      password_hash: 'x',
      first_name: 'U',
      last_name: String(i),
      role: 'admin' as const,
      company_name: 'Outbox',
      status: 'active' as const,
      created_at: now,
    }));
    const ids = (await db.insertInto('users').values(users).returning('id').execute()).map((r) => r.id);
    const [first, second, third] = ids as [number, number, number, ...number[]];
    const published: NotificationBatch[] = [];
    bus.subscribe((m: BusMessage) => {
      if (m.kind === 'notifications') published.push(...m.batches);
    });
    const dataFor = (userId: number) => ({
      message: `For user ${userId}.`,
      entity_type: 'transaction' as const,
      entity_id: String(userId),
    });

    await events.transact(async (uow) => {
      outbox.add(
        uow,
        ids.map((userId) => ({
          event: 'transaction.created' as const,
          recipients: [userId],
          data: dataFor(userId),
        })),
      );
      // A role-wide draft (duplicates collapse to one row each) and a second single for one user.
      outbox.add(uow, [
        { event: 'approval.required', recipients: [first, second, first], data: dataFor(0) },
        { event: 'transaction.created', recipients: [third], data: dataFor(third) },
      ]);
      expect(published).toEqual([]); // nothing leaves before commit
    });

    const stored = await db.selectFrom('notifications').selectAll().orderBy('id').execute();
    expect(stored).toHaveLength(250 + 2 + 1);
    const singles = stored.filter((r) => r.event === 'transaction.created');
    for (const row of singles) expect(JSON.parse(row.data).entity_id).toBe(String(row.user_id));
    expect(new Set(singles.map((r) => r.user_id)).size).toBe(250);
    expect(stored.filter((r) => r.event === 'approval.required').map((r) => r.user_id)).toEqual([
      first,
      second,
    ]);

    const pushed = published.flatMap((b) =>
      b.recipients.map(([userId, id]) => ({
        userId,
        id,
        entity: JSON.parse(b.data).entity_id,
        event: b.event,
      })),
    );
    expect(pushed.map((p) => p.id)).toEqual(stored.map((r) => r.id));
    for (const p of pushed.filter((p) => p.event === 'transaction.created'))
      expect(p.entity).toBe(String(p.userId));
  });
});
