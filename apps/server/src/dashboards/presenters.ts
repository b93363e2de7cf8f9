import type { Dashboard, DashboardExport, SharedDashboard, Widget } from '@logi/contracts';
import type { DashboardRow } from './tables.ts';

/** The stored layout document; written only by the service after validation. */
export const layoutOf = (row: DashboardRow): Widget[] => JSON.parse(row.layout) as Widget[];

export const presentDashboard = (r: DashboardRow): Dashboard => ({
  id: String(r.id),
  name: r.name,
  user_id: String(r.user_id),
  layout: layoutOf(r),
  is_default: r.is_default === 1,
  is_shared: r.share_token !== null,
  share_token: r.share_token,
  share_expires_at: r.share_expires_at,
  refresh_interval: r.refresh_interval,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/** The public view of a shared dashboard: no owner, no token, nothing about the owner's other dashboards. */
export const presentShared = (r: DashboardRow): SharedDashboard => ({
  id: String(r.id),
  name: r.name,
  layout: layoutOf(r),
  is_shared: true,
  share_expires_at: r.share_expires_at,
  refresh_interval: r.refresh_interval,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

export const presentExport = (r: DashboardRow): DashboardExport => ({
  version: 1,
  name: r.name,
  refresh_interval: r.refresh_interval,
  layout: layoutOf(r),
});
