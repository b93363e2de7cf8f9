/** Tables owned by the dashboards module (declared here, listed in db/schema.ts). */
import type { Generated, Selectable } from 'kysely';

export interface DashboardsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The layout document as JSON: `[{widget_id, type, x, y, w, h, config}]`. */
  layout: string;
  /** 0 or 1: one integer type that both engines index the same way. */
  is_default: number;
  refresh_interval: number;
  /** Next widget number: only grows, so a removed widget's id is never handed out again. */
  next_widget_seq: number;
  share_token: string | null;
  share_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Posted transactions summed per month, type and category; kept in the writer's transaction. */
export interface LedgerMonthlyTable {
  month: string;
  type: 'income' | 'expense';
  category_id: number;
  total_cents: number;
  tx_count: number;
}

/** Posted transactions summed per day and type (sparklines). */
export interface LedgerDailyTable {
  day: string;
  type: 'income' | 'expense';
  total_cents: number;
  tx_count: number;
}

export interface DashboardsTables {
  dashboards: DashboardsTable;
  ledger_monthly: LedgerMonthlyTable;
  ledger_daily: LedgerDailyTable;
}

export type DashboardRow = Selectable<DashboardsTable>;
