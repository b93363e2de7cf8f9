import {
  type CreateMaterialBody,
  fromCents,
  type Material,
  type MovementBody,
  toCents,
  type UpdateMaterialBody,
} from '@logi/contracts';
import type { Executor } from '../db/index.ts';
import type { MaterialRow, UserRow } from '../db/schema.ts';
import { isoTimestamp } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { Conflict, Invalid, NotFound } from '../platform/errors.ts';
import { parseId } from '../platform/ids.ts';
import { paginate } from '../platform/pagination.ts';

export const presentMaterial = (r: MaterialRow): Material => ({
  id: String(r.id),
  reference: r.reference,
  name: r.name,
  category_id: String(r.category_id),
  location: r.location,
  quantity: r.quantity,
  min_stock: r.min_stock,
  unit: r.unit,
  unit_cost: fromCents(r.unit_cost_cents),
  state: r.state,
});

async function requireMaterialCategory(db: Executor, id: string) {
  const row = await db
    .selectFrom('categories')
    .select('type')
    .where('id', '=', parseId(id) ?? -1)
    .executeTakeFirst();
  if (row?.type !== 'material') {
    throw new Invalid('Choose an existing material category.', [
      { path: 'category_id', message: 'Choose an existing material category.' },
    ]);
  }
}

async function referenceTaken(db: Executor, reference: string, exceptId = -1) {
  const row = await db
    .selectFrom('materials')
    .select('id')
    .where('reference', '=', reference)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  if (row) throw new Conflict(`The reference ${reference} is already used by another material.`);
}

export function createInventoryService({ db, events, clock }: AppContext) {
  const now = () => isoTimestamp(clock.now());

  async function find(ex: Executor, id: number) {
    const row = await ex.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('This material');
    return row;
  }

  return {
    async list(q: {
      category_id?: string;
      low_stock?: 'true' | 'false';
      q?: string;
      limit: number;
      cursor?: string;
    }) {
      let query = db.selectFrom('materials').selectAll();
      if (q.category_id) query = query.where('category_id', '=', parseId(q.category_id) ?? -1);
      if (q.low_stock === 'true') query = query.whereRef('quantity', '<=', 'min_stock');
      if (q.low_stock === 'false') query = query.whereRef('quantity', '>', 'min_stock');
      if (q.q) {
        const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb('name', 'like', like), eb('reference', 'like', like)]));
      }
      return paginate(query, 'id', q.limit, q.cursor);
    },

    get: (id: number) => find(db, id),

    create(body: CreateMaterialBody, actor: UserRow) {
      return events.transact(async (uow) => {
        await requireMaterialCategory(uow.tx, body.category_id);
        await referenceTaken(uow.tx, body.reference);
        const { unit_cost, category_id, ...fields } = body;
        const after = await uow.tx
          .insertInto('materials')
          .values({
            ...fields,
            category_id: Number(category_id),
            unit_cost_cents: toCents(unit_cost) ?? 0,
            created_at: now(),
            updated_at: now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'material.created', before: null, after, actorId: actor.id });
        return after;
      });
    },

    update(id: number, body: UpdateMaterialBody, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id);
        if (body.category_id !== undefined) await requireMaterialCategory(uow.tx, body.category_id);
        if (body.reference !== undefined) await referenceTaken(uow.tx, body.reference, id);
        const { unit_cost, category_id, ...rest } = body;
        const after = await uow.tx
          .updateTable('materials')
          .set({
            ...rest,
            ...(category_id !== undefined ? { category_id: Number(category_id) } : {}),
            ...(unit_cost !== undefined ? { unit_cost_cents: toCents(unit_cost) ?? 0 } : {}),
            updated_at: now(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await uow.emit({ type: 'material.updated', before, after, actorId: actor.id });
        return after;
      });
    },

    remove(id: number, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id);
        await uow.tx.deleteFrom('materials').where('id', '=', id).execute();
        await uow.emit({ type: 'material.deleted', before, after: null, actorId: actor.id });
      });
    },

    /** Stock in or out; stock never goes below zero. */
    move(id: number, body: MovementBody, actor: UserRow) {
      return events.transact(async (uow) => {
        const before = await find(uow.tx, id);
        const delta = body.type === 'entry' ? body.quantity : -body.quantity;
        if (before.quantity + delta < 0) {
          throw new Conflict(
            `Only ${before.quantity} ${before.unit} in stock; cannot take out ${body.quantity}.`,
          );
        }
        // Relative update guarded in SQL, so two concurrent exits cannot both pass the check above.
        const after = await uow.tx
          .updateTable('materials')
          .set((eb) => ({ quantity: eb('quantity', '+', delta), updated_at: now() }))
          .where('id', '=', id)
          .where('quantity', '>=', -delta)
          .returningAll()
          .executeTakeFirst();
        if (!after) throw new Conflict('The stock changed meanwhile; there is not enough left.');
        await uow.tx
          .insertInto('stock_movements')
          .values({
            material_id: id,
            type: body.type,
            quantity: body.quantity,
            note: body.note ?? '',
            created_by: actor.id,
            created_at: now(),
          })
          .execute();
        await uow.emit({ type: 'material.updated', before, after, actorId: actor.id });
        return after;
      });
    },
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
