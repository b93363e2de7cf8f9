/** Tables owned by the dashboards module (declared here, listed in db/schema.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module grows
export interface DashboardsTables {}
