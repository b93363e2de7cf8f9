import { sql } from 'kysely';
import type { EngineMigration } from './helpers.ts';
import { moneyType, notNull, refType, withId } from './helpers.ts';

/** Dashboards (a JSON layout document per row) and the ledger rollups their widgets read. */
export const dashboards: EngineMigration = {
  async up(db, engine) {
    const money = moneyType(engine);
    const ref = refType(engine);
    await withId(db.schema.createTable('dashboards'), engine)
      .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', notNull)
      .addColumn('layout', 'text', notNull)
      .addColumn('is_default', 'integer', notNull)
      .addColumn('refresh_interval', 'integer', notNull)
      .addColumn('next_widget_seq', 'integer', notNull)
      .addColumn('share_token', 'text', (c) => c.unique())
      .addColumn('share_expires_at', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('dashboards_user').on('dashboards').columns(['user_id', 'id']).execute();
    // The database itself guarantees "at most one default per user", even under concurrent writes.
    await db.schema
      .createIndex('dashboards_one_default')
      .on('dashboards')
      .column('user_id')
      .unique()
      .where(sql.ref('is_default'), '=', 1)
      .execute();

    await db.schema
      .createTable('ledger_monthly')
      .addColumn('month', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addColumn('category_id', ref, notNull)
      .addColumn('total_cents', money, notNull)
      .addColumn('tx_count', ref, notNull)
      .addPrimaryKeyConstraint('ledger_monthly_pk', ['month', 'type', 'category_id'])
      .execute();

    await db.schema
      .createTable('ledger_daily')
      .addColumn('day', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addColumn('total_cents', money, notNull)
      .addColumn('tx_count', ref, notNull)
      .addPrimaryKeyConstraint('ledger_daily_pk', ['day', 'type'])
      .execute();
  },
};
