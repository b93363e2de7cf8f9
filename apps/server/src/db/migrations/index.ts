import { foundation } from './0001_foundation.ts';
import { dashboards } from './0002_dashboards.ts';
import { notifications } from './0003_notifications.ts';
import { amountStats } from './0004_amount_stats.ts';
import type { EngineMigration } from './helpers.ts';

/**
 * Every migration, in order. Names are stored in `kysely_migration`; never rename or reorder one
 * that has shipped — add a new one instead.
 */
export const migrations: Record<string, EngineMigration> = {
  '0001_foundation': foundation,
  '0002_dashboards': dashboards,
  '0003_notifications': notifications,
  '0004_amount_stats': amountStats,
};
