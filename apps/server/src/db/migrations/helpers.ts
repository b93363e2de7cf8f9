import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Engine } from '../index.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe past schemas, not today's types
export type MigrationDb = Kysely<any>;

export interface EngineMigration {
  up(db: MigrationDb, engine: Engine): Promise<void>;
}

/** An auto-increment integer primary key on either engine. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine) {
  return engine === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Integer cents: bigint in PostgreSQL, integer (64-bit) in SQLite. */
export const moneyType = (engine: Engine) => (engine === 'postgres' ? 'bigint' : 'integer');
/** Foreign-key-sized integer. */
export const refType = (engine: Engine) => (engine === 'postgres' ? 'bigint' : 'integer');

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
