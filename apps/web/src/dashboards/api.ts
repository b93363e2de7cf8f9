import type {
  Dashboard,
  DashboardExport,
  LayoutInput,
  Period,
  SharedDashboard,
  WidgetConfig,
  WidgetType,
} from '@logi/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';

export interface TypeBounds {
  min_w: number;
  min_h: number;
  max_w: number;
  max_h: number;
}
export interface TemplateSummary {
  name: string;
  description: string;
}
export interface MetricOption {
  name: string;
  label: string;
}
export type MetricCatalog = Partial<Record<WidgetType, MetricOption[]>>;
export interface ShareLink {
  share_token: string;
  share_url: string;
  expires_at: string | null;
}
/** Raw per-widget answers; each widget checks the shape it expects (a failing one is `{error}`). */
export interface DashboardDataResponse {
  widgets: Record<string, unknown>;
}
export interface WidgetPlacementBody {
  type: WidgetType;
  x: number;
  y: number;
  w: number;
  h: number;
  config: WidgetConfig;
}

const BASE = '/dashboards';

// Everything sits under `dashboards`, the prefix a `data.changed` message invalidates.
export const dashboardKeys = {
  list: [...queryKeys.dashboards.all, 'list'] as const,
  meta: (what: 'widget-types' | 'templates' | 'metrics') =>
    [...queryKeys.dashboards.all, 'meta', what] as const,
  data: (id: string, period: Period) => [...queryKeys.dashboards.all, 'data', id, period] as const,
  shared: (token: string) => [...queryKeys.dashboards.all, 'shared', token] as const,
  sharedData: (token: string, period: Period) =>
    [...queryKeys.dashboards.all, 'shared', token, 'data', period] as const,
};

// The catalogues change only with a deploy: fetch them once per session.
const forever = { staleTime: Number.POSITIVE_INFINITY } as const;

export function useWidgetTypes() {
  return useQuery({
    queryKey: dashboardKeys.meta('widget-types'),
    queryFn: () => api.get<{ types: Partial<Record<WidgetType, TypeBounds>> }>(`${BASE}/widget-types`),
    select: (d) => d.types,
    ...forever,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: dashboardKeys.meta('templates'),
    queryFn: () => api.get<{ templates: TemplateSummary[] }>(`${BASE}/templates`),
    select: (d) => d.templates,
    ...forever,
  });
}

export function useMetrics() {
  return useQuery({
    queryKey: dashboardKeys.meta('metrics'),
    queryFn: () => api.get<{ metrics: MetricCatalog }>(`${BASE}/metrics`),
    select: (d) => d.metrics,
    ...forever,
  });
}

export function useDashboards() {
  return useQuery({
    queryKey: dashboardKeys.list,
    queryFn: () => api.get<{ dashboards: Dashboard[] }>(BASE),
    select: (d) => d.dashboards,
  });
}

/** Figures of every widget in one request, refreshed on the dashboard's own interval. */
export function useDashboardData(id: string, period: Period, refreshSeconds: number) {
  return useQuery({
    queryKey: dashboardKeys.data(id, period),
    queryFn: () => api.get<DashboardDataResponse>(`${BASE}/${id}/data?period=${period}`),
    // TanStack pauses the interval while the tab is hidden (refetchIntervalInBackground is off).
    refetchInterval: refreshSeconds * 1000,
  });
}

export function useSharedDashboard(token: string) {
  return useQuery({
    queryKey: dashboardKeys.shared(token),
    queryFn: () => api.get<SharedDashboard>(`${BASE}/shared/${encodeURIComponent(token)}`),
  });
}

export function useSharedData(token: string, period: Period, refreshSeconds: number, enabled: boolean) {
  return useQuery({
    queryKey: dashboardKeys.sharedData(token, period),
    queryFn: () =>
      api.get<DashboardDataResponse>(`${BASE}/shared/${encodeURIComponent(token)}/data?period=${period}`),
    refetchInterval: refreshSeconds * 1000,
    enabled,
  });
}

/** Write calls; each answers with the dashboard as the server now holds it. */
export const dashboardApi = {
  create: (body: { name: string; from_template?: string; is_default?: boolean }) =>
    api.post<Dashboard>(BASE, body),
  update: (id: string, body: { name?: string; is_default?: boolean; refresh_interval?: number }) =>
    api.put<Dashboard>(`${BASE}/${id}`, body),
  remove: (id: string) => api.del(`${BASE}/${id}`),
  duplicate: (id: string) => api.post<Dashboard>(`${BASE}/${id}/duplicate`),
  saveLayout: (id: string, layout: LayoutInput) => api.put<Dashboard>(`${BASE}/${id}/layout`, { layout }),
  addWidget: (id: string, widget: WidgetPlacementBody) =>
    api.post<Dashboard>(`${BASE}/${id}/widgets`, widget),
  updateWidget: (id: string, widgetId: string, body: { config: WidgetConfig }) =>
    api.put<Dashboard>(`${BASE}/${id}/widgets/${widgetId}`, body),
  removeWidget: (id: string, widgetId: string) => api.del<Dashboard>(`${BASE}/${id}/widgets/${widgetId}`),
  share: (id: string, expiresInDays?: number) =>
    api.post<ShareLink>(`${BASE}/${id}/share`, expiresInDays ? { expires_in_days: expiresInDays } : {}),
  unshare: (id: string) => api.del(`${BASE}/${id}/share`),
  exportJson: (id: string) => api.get<DashboardExport>(`${BASE}/${id}/export`),
  /** The server checks the document (an export of any version it accepts) and answers 422 if not. */
  importJson: (document: unknown) => api.post<Dashboard>(`${BASE}/import`, document),
};

/** Helpers that keep the cached list in step with what the server answered. */
export function useDashboardCache() {
  const queryClient = useQueryClient();
  return useMemo(() => dashboardCache(queryClient), [queryClient]);
}

function dashboardCache(queryClient: QueryClient) {
  const setList = (fn: (list: Dashboard[]) => Dashboard[]) =>
    queryClient.setQueryData<{ dashboards: Dashboard[] }>(dashboardKeys.list, (old) =>
      old ? { dashboards: fn(old.dashboards) } : old,
    );
  return {
    put: (dashboard: Dashboard) =>
      setList((list) =>
        list.some((d) => d.id === dashboard.id)
          ? list.map((d) => (d.id === dashboard.id ? dashboard : d))
          : [...list, dashboard],
      ),
    drop: (id: string) => setList((list) => list.filter((d) => d.id !== id)),
    refresh: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.list }),
    refreshData: (id: string) =>
      queryClient.invalidateQueries({ queryKey: [...queryKeys.dashboards.all, 'data', id] }),
  };
}

/** A mutation whose answer (a dashboard) replaces the cached copy. */
export function useDashboardMutation<V>(fn: (vars: V) => Promise<Dashboard>) {
  const cache = useDashboardCache();
  return useMutation({ mutationFn: fn, onSuccess: (dashboard) => cache.put(dashboard) });
}
