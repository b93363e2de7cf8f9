/** Tables owned by the notifications module (declared here, listed in db/schema.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module grows
export interface NotificationsTables {}
