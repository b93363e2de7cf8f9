import type { Generated } from 'kysely';

/**
 * One row per recipient: the outbox and the feed are the same table. Written in the transaction
 * of the change that caused it, so a notification exists exactly when its cause committed.
 */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  event: string;
  /** JSON object (`NotificationData`). */
  data: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: number;
  /** JSON array of event names. */
  muted_events: string;
  updated_at: string;
}

/**
 * "This cause already notified": the unique key is what makes each event fire once, even with two
 * nodes or a restart (payment due soon/overdue, budget thresholds, the low-stock latch).
 */
export interface NotificationClaimsTable {
  event: string;
  entity_type: string;
  entity_id: number;
  /** Extra key part, e.g. the budget threshold; '' when none. */
  detail: string;
  created_at: string;
}

/** Posted amounts per category, for the anomaly rule (see amount-stats.ts). */
export interface CategoryAmountStatsTable {
  category_id: number;
  tx_count: number;
  total_cents: number;
  /** Sum of squared cents, as a double. */
  sum_sq: number;
}

/** Tables owned by the notifications module (declared here, listed in db/schema.ts). */
export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_claims: NotificationClaimsTable;
  category_amount_stats: CategoryAmountStatsTable;
}
