import {
  type CreatePaymentBody,
  fromCents,
  type Payment,
  toCents,
  type UpdatePaymentBody,
} from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { PaymentRow, UserRow } from '../db/schema.ts';
import { isoDate } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Conflict, Invalid, NotFound } from '../platform/errors.ts';
import { parseId } from '../platform/ids.ts';
import { paginate } from '../platform/pagination.ts';

export const presentPayment = (r: PaymentRow): Payment => ({
  id: String(r.id),
  type: r.type,
  amount: fromCents(r.amount_cents),
  due_date: r.due_date,
  status: r.status,
  paid_date: r.paid_date,
  counterparty_user_id: r.counterparty_user_id === null ? null : String(r.counterparty_user_id),
  reference: r.reference,
  description: r.description,
});

async function requireCounterparty(db: Executor, id: string | null | undefined): Promise<number | null> {
  if (id === null || id === undefined) return null;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', parseId(id) ?? -1)
    .executeTakeFirst();
  if (!user)
    throw new Invalid('This counterparty does not exist.', [
      { path: 'counterparty_user_id', message: 'Choose an existing user.' },
    ]);
  return user.id;
}

export function createPaymentsService({ db, events, clock }: AppContext) {
  /** Admins see every payment; clients and suppliers only those where they are the counterparty. */
  async function find(ex: Executor, id: number, viewer: UserRow) {
    let q = ex.selectFrom('payments').selectAll().where('id', '=', id);
    if (viewer.role !== 'admin') q = q.where('counterparty_user_id', '=', viewer.id);
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFound('This payment');
    return row;
  }

  return {
    async list(
      q: {
        type?: 'payable' | 'receivable';
        status?: 'pending' | 'paid' | 'cancelled';
        overdue?: 'true' | 'false';
        limit: number;
        cursor?: string;
      },
      viewer: UserRow,
    ) {
      let query = db.selectFrom('payments').selectAll();
      if (viewer.role !== 'admin') query = query.where('counterparty_user_id', '=', viewer.id);
      if (q.type) query = query.where('type', '=', q.type);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.overdue === 'true')
        query = query.where('status', '=', 'pending').where('due_date', '<', isoDate(clock.now()));
      return paginate(query, 'id', q.limit, q.cursor);
    },

    get: (id: number, viewer: UserRow) => find(db, id, viewer),

    create(body: CreatePaymentBody, actor: UserRow) {
      return events.transact(async (uow) => {
        const counterparty = await requireCounterparty(uow.tx, body.counterparty_user_id);
        const after = await uow.tx
          .insertInto('payments')
          .values({
            type: body.type,
            amount_cents: toCents(body.amount) ?? 0,
            due_date: body.due_date,
            status: 'pending',
            paid_date: null,
            counterparty_user_id: counterparty,
            reference: body.reference,
            description: body.description,
            created_at: clock.now().toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'payment.created', before: null, after, actorId: actor.id });
        return after;
      });
    },

    update(id: number, body: UpdatePaymentBody, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id, actor);
        if (before.status === 'paid') throw new Conflict('A paid payment cannot be changed.');
        const counterparty =
          body.counterparty_user_id === undefined
            ? before.counterparty_user_id
            : await requireCounterparty(uow.tx, body.counterparty_user_id);
        const after = await uow.tx
          .updateTable('payments')
          .set({
            ...(body.type ? { type: body.type } : {}),
            ...(body.amount !== undefined ? { amount_cents: toCents(body.amount) ?? 0 } : {}),
            ...(body.due_date ? { due_date: body.due_date } : {}),
            ...(body.status ? { status: body.status } : {}),
            ...(body.reference !== undefined ? { reference: body.reference } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
            counterparty_user_id: counterparty,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'payment.updated', before, after, actorId: actor.id });
        return after;
      });
    },

    remove(id: number, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id, actor);
        await uow.tx.deleteFrom('payments').where('id', '=', id).execute();
        await uow.emit({ type: 'payment.deleted', before, after: null, actorId: actor.id });
      });
    },

    pay(id: number, paidDate: string | undefined, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id, actor);
        if (before.status !== 'pending') throw new Conflict(`This payment is already ${before.status}.`);
        const after = await uow.tx
          .updateTable('payments')
          .set({ status: 'paid', paid_date: paidDate ?? isoDate(clock.now()) })
          .where('id', '=', id)
          .where('status', '=', 'pending') // paying twice at once: only one wins
          .returningAll()
          .executeTakeFirst();
        if (!after) throw new Conflict('This payment was settled a moment ago.');
        await uow.emit({ type: 'payment.updated', before, after, actorId: actor.id });
        return after;
      });
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
