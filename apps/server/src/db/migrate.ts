import { type Migration, Migrator, sql } from 'kysely';
import type { DatabaseHandle } from './index.ts';
import { migrations } from './migrations/index.ts';

/** Brings the schema up to date; safe to run on every start and from several nodes at once. */
export async function migrateToLatest({ db, engine }: DatabaseHandle): Promise<void> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [
          name,
          { up: (kdb) => m.up(kdb, engine) } satisfies Migration,
        ]),
      );
    },
  };
  // Kysely looks for its bookkeeping tables in every schema unless told which one: with several
  // schemas in one database (tests, tenants) it would find another schema's and skip creating its own.
  const migrationTableSchema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const { error, results } = await new Migrator({
    db,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
