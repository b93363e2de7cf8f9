import type { EngineMigration } from './helpers.ts';
import { moneyType, notNull, refType, withId } from './helpers.ts';

export const foundation: EngineMigration = {
  async up(db, engine) {
    const money = moneyType(engine);
    const ref = refType(engine);
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('users'), engine)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', notNull)
      .addColumn('first_name', 'text', notNull)
      .addColumn('last_name', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('company_name', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('categories'), engine)
      .addColumn('name', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addUniqueConstraint('categories_name_type', ['name', 'type'])
      .execute();

    await withId(db.schema.createTable('transactions'), engine)
      .addColumn('type', 'text', notNull)
      .addColumn('amount_cents', money, notNull)
      .addColumn('category_id', ref, (c) => c.notNull().references('categories.id'))
      .addColumn('date', 'text', notNull)
      .addColumn('description', 'text', notNull)
      .addColumn('project_id', 'text')
      .addColumn('status', 'text', notNull)
      .addColumn('created_by', ref, (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('transactions_date').on('transactions').columns(['date', 'id']).execute();
    await db.schema
      .createIndex('transactions_category_status')
      .on('transactions')
      .columns(['category_id', 'status', 'date'])
      .execute();

    await withId(db.schema.createTable('materials'), engine)
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('category_id', ref, (c) => c.notNull().references('categories.id'))
      .addColumn('location', 'text', notNull)
      .addColumn('quantity', ref, notNull)
      .addColumn('min_stock', ref, notNull)
      .addColumn('unit', 'text', notNull)
      .addColumn('unit_cost_cents', money, notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('stock_movements'), engine)
      .addColumn('material_id', ref, (c) => c.notNull().references('materials.id').onDelete('cascade'))
      .addColumn('type', 'text', notNull)
      .addColumn('quantity', ref, notNull)
      .addColumn('note', 'text', notNull)
      .addColumn('created_by', ref, (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('payments'), engine)
      .addColumn('type', 'text', notNull)
      .addColumn('amount_cents', money, notNull)
      .addColumn('due_date', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('paid_date', 'text')
      .addColumn('counterparty_user_id', ref, (c) => c.references('users.id'))
      .addColumn('reference', 'text', notNull)
      .addColumn('description', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema
      .createIndex('payments_status_due')
      .on('payments')
      .columns(['status', 'due_date'])
      .execute();
    await db.schema
      .createIndex('payments_counterparty')
      .on('payments')
      .column('counterparty_user_id')
      .execute();

    await withId(db.schema.createTable('budgets'), engine)
      .addColumn('category_id', ref, (c) => c.notNull().references('categories.id'))
      .addColumn('period', 'text', notNull)
      .addColumn('amount_cents', money, notNull)
      .addColumn('thresholds', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('budgets_category_period', ['category_id', 'period'])
      .execute();

    await withId(db.schema.createTable('approvals'), engine)
      .addColumn('transaction_id', ref, (c) =>
        c.notNull().unique().references('transactions.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', notNull)
      .addColumn('requested_by', ref, (c) => c.notNull().references('users.id'))
      .addColumn('decided_by', ref, (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('decided_at', 'text')
      .execute();
    await db.schema.createIndex('approvals_status').on('approvals').columns(['status', 'id']).execute();
  },
};
