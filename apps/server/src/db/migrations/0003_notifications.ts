import type { EngineMigration } from './helpers.ts';
import { notNull, refType, withId } from './helpers.ts';

export const notifications: EngineMigration = {
  async up(db, engine) {
    const ref = refType(engine);
    await withId(db.schema.createTable('notifications'), engine)
      .addColumn('user_id', ref, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('event', 'text', notNull)
      .addColumn('data', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('read_at', 'text')
      .execute();
    // Feed, replay (`since`) and unread counts all read one user's rows by id.
    await db.schema
      .createIndex('notifications_user_id')
      .on('notifications')
      .columns(['user_id', 'id'])
      .execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', ref, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('muted_events', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await db.schema
      .createTable('notification_claims')
      .addColumn('event', 'text', notNull)
      .addColumn('entity_type', 'text', notNull)
      .addColumn('entity_id', ref, notNull)
      .addColumn('detail', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addPrimaryKeyConstraint('notification_claims_pk', ['event', 'entity_type', 'entity_id', 'detail'])
      .execute();
  },
};
