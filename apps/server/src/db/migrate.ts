import { type Migration, Migrator } from 'kysely';
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
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
