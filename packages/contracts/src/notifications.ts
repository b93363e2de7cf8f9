import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const EVENT_NAMES = [
  'transaction.created',
  'payment.due_soon',
  'payment.overdue',
  'payment.paid',
  'inventory.low_stock',
  'approval.required',
  'approval.completed',
  'budget.threshold_reached',
  'anomaly.detected',
] as const;
export const EventName = z.enum(EVENT_NAMES);
export type EventName = z.infer<typeof EventName>;

/** What every notification's `data` carries so the UI can show and link it. */
export const NotificationData = z
  .object({
    message: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    amount: z.number().optional(),
  })
  .catchall(z.unknown());
export type NotificationData = z.infer<typeof NotificationData>;

export const Notification = z.object({
  id: Id,
  event: EventName,
  data: NotificationData,
  timestamp: Timestamp,
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  unread_only: z.enum(['true', 'false', '1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional(),
});
export const NotificationFeed = z.object({
  notifications: z.array(Notification),
  unread_count: z.number().int(),
});
/** What read, read-all answer: the badge's new figure. */
export const UnreadCount = z.object({ unread_count: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
export const Preferences = z.object({ muted_events: z.array(EventName).max(EVENT_NAMES.length) });
export type Preferences = z.infer<typeof Preferences>;

export const DATA_ENTITIES = [
  'transactions',
  'materials',
  'payments',
  'budgets',
  'approvals',
  'categories',
] as const;
export type DataEntity = (typeof DATA_ENTITIES)[number];

/** Messages the server sends over `/ws`. */
export type ServerMessage =
  | { type: 'notification'; id: string; event: EventName; data: NotificationData; timestamp: string }
  | { type: 'notifications.read'; ids?: string[]; all?: true }
  | { type: 'data.changed'; entities: DataEntity[] }
  | { type: 'pong' };

/** Messages a client may send. */
export const ClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);

/** Close codes of `/ws`: a bad, missing or expired token; the server going away (reconnect with `since`). */
export const WS_CLOSE_UNAUTHORIZED = 4001;
export const WS_CLOSE_GOING_AWAY = 1001;
