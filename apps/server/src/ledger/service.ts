import {
  type CreateBudgetBody,
  type CreateTransactionBody,
  type TransactionQuery,
  toCents,
  type UpdateTransactionBody,
} from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { CategoryRow, TransactionRow, UserRow } from '../db/schema.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Conflict, Invalid, NotFound } from '../platform/errors.ts';
import { parseId } from '../platform/ids.ts';
import { paginate } from '../platform/pagination.ts';
import { approvalThresholdCents } from '../platform/settings.ts';
import type { UnitOfWork } from '../platform/unit-of-work.ts';

const cents = (amount: number): number => {
  const c = toCents(amount);
  // The boundary schema already refused these; this guards callers that bypass it.
  if (c === null)
    throw new Invalid('The amount is not valid.', [{ path: 'amount', message: 'Use at most two decimals.' }]);
  return c;
};

/**
 * Categories are never changed or deleted once created, so a row read once stays true: the write
 * path checks a transaction's category from memory instead of a query per request. Only rows that
 * exist are remembered (a category created later, on any node, is found by the query).
 */
type KnownCategories = Map<number, CategoryRow>;
const KNOWN_CATEGORIES_MAX = 10_000;

async function requireCategory(
  db: Executor,
  id: string,
  allowed: readonly string[],
  known: KnownCategories,
  path = 'category_id',
) {
  const key = parseId(id) ?? -1;
  let category = known.get(key);
  if (!category) {
    category = await db.selectFrom('categories').selectAll().where('id', '=', key).executeTakeFirst();
    if (category && known.size < KNOWN_CATEGORIES_MAX) known.set(key, category);
  }
  if (!category)
    throw new Invalid('This category does not exist.', [{ path, message: 'Choose an existing category.' }]);
  if (!allowed.includes(category.type)) {
    throw new Invalid(`A ${category.type} category cannot be used here.`, [
      { path, message: `Choose a category of type ${allowed.join(' or ')}.` },
    ]);
  }
  return category;
}

/**
 * The approval threshold is a setting no API changes; reading it once per second instead of once
 * per write keeps a query off the write path while an edit made in the database still applies
 * within a second.
 */
function approvalThreshold(ttlMs = 1000) {
  let cached: { value: number; at: number } | undefined;
  return async (tx: Executor): Promise<number> => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) cached = { value: await approvalThresholdCents(tx), at: now };
    return cached.value;
  };
}

/** Income goes to income categories; spending to expense or material categories. */
const categoryTypesFor = (type: 'income' | 'expense') =>
  type === 'income' ? ['income'] : ['expense', 'material'];

export function createLedgerService(ctx: AppContext) {
  const { db, events, clock } = ctx;
  const now = () => isoTimestamp(clock.now());
  const categories: KnownCategories = new Map();
  const threshold = approvalThreshold();

  async function findTransaction(ex: Executor, id: number) {
    const row = await ex.selectFrom('transactions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('This transaction');
    return row;
  }

  /** Opens (or re-opens) the approval request of a transaction that needs one. */
  async function requestApproval(uow: UnitOfWork, transaction: TransactionRow, requestedBy: number) {
    const values = {
      status: 'pending' as const,
      requested_by: requestedBy,
      decided_by: null,
      created_at: now(),
      decided_at: null,
    };
    const approval = await uow.tx
      .insertInto('approvals')
      .values({ transaction_id: transaction.id, ...values })
      .onConflict((oc) => oc.column('transaction_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await uow.emit({ type: 'approval.requested', approval, transaction, actorId: requestedBy });
  }

  return {
    async listTransactions(q: TransactionQuery) {
      let query = db.selectFrom('transactions').selectAll();
      if (q.type) query = query.where('type', '=', q.type);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.category_id) query = query.where('category_id', '=', parseId(q.category_id) ?? -1);
      if (q.from) query = query.where('date', '>=', q.from);
      if (q.to) query = query.where('date', '<=', q.to);
      return paginate(query, 'id', q.limit, q.cursor);
    },

    getTransaction: (id: number) => findTransaction(db, id),

    createTransaction(body: CreateTransactionBody, actor: UserRow) {
      return events.transact(async (uow) => {
        await requireCategory(uow.tx, body.category_id, categoryTypesFor(body.type), categories);
        const amount = cents(body.amount);
        const needsApproval = amount >= (await threshold(uow.tx));
        const row = await uow.tx
          .insertInto('transactions')
          .values({
            type: body.type,
            amount_cents: amount,
            category_id: Number(body.category_id),
            date: body.date,
            description: body.description,
            project_id: body.project_id ?? null,
            status: needsApproval ? 'pending_approval' : 'posted',
            created_by: actor.id,
            created_at: now(),
            updated_at: now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'transaction.created', before: null, after: row, actorId: actor.id });
        if (needsApproval) await requestApproval(uow, row, actor.id);
        return row;
      });
    },

    updateTransaction(id: number, body: UpdateTransactionBody, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await findTransaction(uow.tx, id);
        const type = body.type ?? before.type;
        if (body.category_id !== undefined || body.type !== undefined) {
          await requireCategory(
            uow.tx,
            body.category_id ?? String(before.category_id),
            categoryTypesFor(type),
            categories,
          );
        }
        const amount = body.amount === undefined ? before.amount_cents : cents(body.amount);
        // Raising a posted amount to the threshold sends it back for approval.
        const reapprove =
          before.status === 'posted' && amount > before.amount_cents && amount >= (await threshold(uow.tx));
        const after = await uow.tx
          .updateTable('transactions')
          .set({
            type,
            amount_cents: amount,
            ...(body.category_id !== undefined ? { category_id: Number(body.category_id) } : {}),
            ...(body.date !== undefined ? { date: body.date } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
            ...(body.project_id !== undefined ? { project_id: body.project_id } : {}),
            ...(reapprove ? { status: 'pending_approval' as const } : {}),
            updated_at: now(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'transaction.updated', before, after, actorId: actor.id });
        if (reapprove) await requestApproval(uow, after, actor.id);
        return after;
      });
    },

    deleteTransaction(id: number, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await findTransaction(uow.tx, id);
        await uow.tx.deleteFrom('approvals').where('transaction_id', '=', id).execute();
        await uow.tx.deleteFrom('transactions').where('id', '=', id).execute();
        await uow.emit({ type: 'transaction.deleted', before, after: null, actorId: actor.id });
      });
    },

    decideApproval(id: number, decision: 'approved' | 'rejected', actor: UserRow) {
      return events.transact(async (uow) => {
        const approval = await uow.tx
          .selectFrom('approvals')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!approval) throw new NotFound('This approval');
        if (approval.status !== 'pending')
          throw new Conflict(`This approval was already ${approval.status}.`);
        const decided = await uow.tx
          .updateTable('approvals')
          .set({ status: decision, decided_by: actor.id, decided_at: now() })
          .where('id', '=', id)
          .where('status', '=', 'pending') // two admins deciding at once: only one wins
          .returningAll()
          .executeTakeFirst();
        if (!decided) throw new Conflict('This approval was decided by someone else a moment ago.');
        const before = await findTransaction(uow.tx, approval.transaction_id);
        const after = await uow.tx
          .updateTable('transactions')
          .set({ status: decision === 'approved' ? 'posted' : 'rejected', updated_at: now() })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'transaction.updated', before, after, actorId: actor.id });
        await uow.emit({
          type: 'approval.decided',
          approval: decided,
          transaction: after,
          actorId: actor.id,
        });
        return decided;
      });
    },

    async listApprovals(q: { status?: 'pending' | 'approved' | 'rejected'; limit: number; cursor?: string }) {
      let query = db
        .selectFrom('approvals')
        .innerJoin('transactions', 'transactions.id', 'approvals.transaction_id')
        .selectAll('approvals')
        .select(['transactions.amount_cents', 'transactions.description']);
      if (q.status) query = query.where('approvals.status', '=', q.status);
      return paginate(query, 'approvals.id', q.limit, q.cursor);
    },

    async approvalById(id: number) {
      const row = await db
        .selectFrom('approvals')
        .innerJoin('transactions', 'transactions.id', 'approvals.transaction_id')
        .selectAll('approvals')
        .select(['transactions.amount_cents', 'transactions.description'])
        .where('approvals.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFound('This approval');
      return row;
    },

    listCategories: () => db.selectFrom('categories').selectAll().orderBy('id').execute(),

    createCategory(body: { name: string; type: 'income' | 'expense' | 'material' }, actor: UserRow) {
      return events.transact(async (uow) => {
        const exists = await uow.tx
          .selectFrom('categories')
          .select('id')
          .where('name', '=', body.name)
          .where('type', '=', body.type)
          .executeTakeFirst();
        if (exists) throw new Conflict('A category with this name and type already exists.');
        const row = await uow.tx
          .insertInto('categories')
          .values(body)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'category.created', before: null, after: row, actorId: actor.id });
        return row;
      });
    },

    async listBudgets(q: { period?: string; category_id?: string; limit: number; cursor?: string }) {
      let query = db.selectFrom('budgets').selectAll();
      if (q.period) query = query.where('period', '=', q.period);
      if (q.category_id) query = query.where('category_id', '=', parseId(q.category_id) ?? -1);
      return paginate(query, 'id', q.limit, q.cursor);
    },

    async getBudget(id: number) {
      const row = await db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new NotFound('This budget');
      return row;
    },

    createBudget(body: CreateBudgetBody, actor: UserRow) {
      return events.transact(async (uow) => {
        await requireCategory(uow.tx, body.category_id, ['expense', 'material'], categories);
        const clash = await uow.tx
          .selectFrom('budgets')
          .select('id')
          .where('category_id', '=', Number(body.category_id))
          .where('period', '=', body.period)
          .executeTakeFirst();
        if (clash) throw new Conflict('This category already has a budget for that month.');
        const after = await uow.tx
          .insertInto('budgets')
          .values({
            category_id: Number(body.category_id),
            period: body.period,
            amount_cents: cents(body.amount),
            thresholds: JSON.stringify([...body.thresholds].sort((a, b) => a - b)),
            created_at: now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'budget.created', before: null, after, actorId: actor.id });
        return after;
      });
    },

    updateBudget(id: number, body: Partial<CreateBudgetBody>, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await uow.tx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw new NotFound('This budget');
        if (body.category_id !== undefined)
          await requireCategory(uow.tx, body.category_id, ['expense', 'material'], categories);
        const categoryId = body.category_id !== undefined ? Number(body.category_id) : before.category_id;
        const period = body.period ?? before.period;
        const clash = await uow.tx
          .selectFrom('budgets')
          .select('id')
          .where('category_id', '=', categoryId)
          .where('period', '=', period)
          .where('id', '!=', id)
          .executeTakeFirst();
        if (clash) throw new Conflict('This category already has a budget for that month.');
        const after = await uow.tx
          .updateTable('budgets')
          .set({
            category_id: categoryId,
            period,
            ...(body.amount !== undefined ? { amount_cents: cents(body.amount) } : {}),
            ...(body.thresholds !== undefined
              ? { thresholds: JSON.stringify([...body.thresholds].sort((a, b) => a - b)) }
              : {}),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'budget.updated', before, after, actorId: actor.id });
        return after;
      });
    },

    deleteBudget(id: number, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await uow.tx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw new NotFound('This budget');
        await uow.tx.deleteFrom('budgets').where('id', '=', id).execute();
        await uow.emit({ type: 'budget.deleted', before, after: null, actorId: actor.id });
      });
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
