import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

/** The 12 widget types and their grid bounds (12-column grid, row units). */
export const WIDGET_TYPES = {
  kpi: { min_w: 2, min_h: 2, max_w: 4, max_h: 3 },
  line_chart: { min_w: 4, min_h: 3, max_w: 12, max_h: 6 },
  bar_chart: { min_w: 4, min_h: 3, max_w: 12, max_h: 6 },
  donut_chart: { min_w: 3, min_h: 3, max_w: 6, max_h: 5 },
  area_chart: { min_w: 4, min_h: 3, max_w: 12, max_h: 6 },
  gauge: { min_w: 2, min_h: 2, max_w: 4, max_h: 4 },
  data_table: { min_w: 4, min_h: 3, max_w: 12, max_h: 8 },
  progress_ring: { min_w: 2, min_h: 2, max_w: 3, max_h: 3 },
  sparkline: { min_w: 2, min_h: 1, max_w: 4, max_h: 2 },
  alerts_feed: { min_w: 3, min_h: 3, max_w: 6, max_h: 8 },
  calendar: { min_w: 4, min_h: 4, max_w: 8, max_h: 6 },
  notes: { min_w: 2, min_h: 2, max_w: 6, max_h: 6 },
} as const satisfies Record<string, { min_w: number; min_h: number; max_w: number; max_h: number }>;

export type WidgetType = keyof typeof WIDGET_TYPES;
export const WIDGET_TYPE_NAMES = Object.keys(WIDGET_TYPES) as [WidgetType, ...WidgetType[]];
export const WidgetTypeName = z.enum(WIDGET_TYPE_NAMES);

export const GRID_COLUMNS = 12;
export const MAX_WIDGETS = 50;
export const ALERT_FILTERS = ['inventory', 'payments', 'budgets', 'approvals'] as const;
export const PERIODS = [
  'this_month',
  'last_month',
  'this_quarter',
  'this_year',
  'last_12_months',
  'all',
] as const;
export const Period = z.enum(PERIODS);
export type Period = z.infer<typeof Period>;

export const WidgetConfig = z
  .object({
    metric: z.string().max(64).optional(),
    title: z.string().max(100, 'A widget title has at most 100 characters.').optional(),
    filter: z.enum(ALERT_FILTERS).optional(),
    text: z.string().max(10_000, 'A note has at most 10,000 characters.').optional(),
  })
  .strict();
export type WidgetConfig = z.infer<typeof WidgetConfig>;

const GridInt = z.number().int('Positions and sizes are whole grid units.');
export const WidgetPlacement = z.object({
  type: WidgetTypeName,
  x: GridInt.min(0),
  y: GridInt.min(0).max(10_000),
  w: GridInt.min(1).max(GRID_COLUMNS),
  h: GridInt.min(1).max(100),
  config: WidgetConfig.default({}),
});
export type WidgetPlacement = z.infer<typeof WidgetPlacement>;

export const Widget = WidgetPlacement.extend({ widget_id: z.string() });
export type Widget = z.infer<typeof Widget>;

/** A layout sent by the client: existing widgets keep their id, new ones may omit it. */
export const LayoutInput = z
  .array(WidgetPlacement.extend({ widget_id: z.string().max(32).optional() }))
  .max(MAX_WIDGETS, `A dashboard holds at most ${MAX_WIDGETS} widgets.`);
export type LayoutInput = z.infer<typeof LayoutInput>;

export const RefreshInterval = z
  .number()
  .int()
  .min(10, 'Refresh at most every 10 seconds.')
  .max(86_400, 'Refresh at least once a day.');

export const Dashboard = z.object({
  id: Id,
  name: z.string(),
  user_id: Id,
  layout: z.array(Widget),
  is_default: z.boolean(),
  is_shared: z.boolean(),
  share_token: z.string().nullable(),
  share_expires_at: Timestamp.nullable(),
  refresh_interval: z.number().int(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const SharedDashboard = Dashboard.omit({ user_id: true, share_token: true, is_default: true });
export type SharedDashboard = z.infer<typeof SharedDashboard>;

const DashboardName = z.string().trim().min(1, 'Give the dashboard a name.').max(100);
export const CreateDashboardBody = z.object({
  name: DashboardName,
  layout: LayoutInput.optional(),
  is_default: z.boolean().default(false),
  from_template: z.string().max(100).optional(),
  refresh_interval: RefreshInterval.default(60),
});
export type CreateDashboardBody = z.infer<typeof CreateDashboardBody>;
export const UpdateDashboardBody = z.object({
  name: DashboardName.optional(),
  is_default: z.boolean().optional(),
  refresh_interval: RefreshInterval.optional(),
});
export const UpdateLayoutBody = z.object({ layout: LayoutInput });
export const UpdateWidgetBody = z.object({
  x: GridInt.min(0).optional(),
  y: GridInt.min(0).max(10_000).optional(),
  w: GridInt.min(1).max(GRID_COLUMNS).optional(),
  h: GridInt.min(1).max(100).optional(),
  config: WidgetConfig.optional(),
});
export const ShareBody = z
  .object({ expires_in_days: z.number().int().min(1).max(365).optional() })
  .default({});
export const ShareResponse = z.object({
  share_token: z.string(),
  share_url: z.string(),
  expires_at: Timestamp.nullable(),
});
export const DashboardList = z.object({ dashboards: z.array(Dashboard) });
export const WidgetTypesResponse = z.object({
  types: z.record(
    z.string(),
    z.object({ min_w: z.number(), min_h: z.number(), max_w: z.number(), max_h: z.number() }),
  ),
});
export const Template = z.object({
  name: z.string(),
  description: z.string(),
  layout: z.array(WidgetPlacement),
});
export const TemplateList = z.object({ templates: z.array(Template) });
export const DataQuery = z.object({ period: Period.default('all') });
export const WidgetParams = z.object({ id: Id, widget_id: z.string().max(32) });
export const TokenParams = z.object({ token: z.string().max(200) });
export const TokenWidgetParams = TokenParams.extend({ widget_id: z.string().max(32) });

/** Export document: a plain, versioned copy of a dashboard that import turns back into one. */
export const DashboardExport = z.object({
  version: z.literal(1),
  name: DashboardName,
  refresh_interval: RefreshInterval,
  layout: z.array(Widget).max(MAX_WIDGETS),
});
export type DashboardExport = z.infer<typeof DashboardExport>;

// Widget data shapes (all money as decimal numbers; computed from stored data).
export const Dataset = z.object({ label: z.string(), data: z.array(z.number()) });
export const KpiData = z.object({
  value: z.number(),
  format: z.enum(['currency', 'number', 'percent']),
  trend: z.number().nullable().optional(),
  count: z.number().optional(),
  alert: z.boolean().optional(),
});
export const ChartData = z.object({ labels: z.array(z.string()), datasets: z.array(Dataset) });
export const DonutData = z.object({ labels: z.array(z.string()), data: z.array(z.number()) });
export const GaugeData = z.object({
  value: z.number(),
  min: z.number(),
  max: z.number(),
  format: z.string(),
});
export const Alert = z.object({
  type: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
});
export const AlertsData = z.object({ alerts: z.array(Alert) });
export const TableData = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string(), format: z.string().optional() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export const SparklineData = z.object({ labels: z.array(z.string()), data: z.array(z.number()) });
export const ProgressData = z.object({ value: z.number(), max: z.number(), format: z.string() });
export const CalendarData = z.object({
  events: z.array(
    z.object({
      date: z.string(),
      title: z.string(),
      type: z.string(),
      entity_type: z.string(),
      entity_id: z.string(),
    }),
  ),
});
export const NotesData = z.object({ text: z.string() });
export const WidgetError = z.object({ error: z.string() });
// A union answers with its first match and drops unknown keys: the shapes with more required
// fields (gauge, progress ring) come before the KPI they would otherwise be mistaken for.
export const WidgetData = z.union([
  GaugeData,
  ProgressData,
  KpiData,
  ChartData,
  DonutData,
  AlertsData,
  TableData,
  SparklineData,
  CalendarData,
  NotesData,
  WidgetError,
]);
export type WidgetData = z.infer<typeof WidgetData>;
export const DashboardData = z.object({ widgets: z.record(z.string(), WidgetData) });
export const MetricsResponse = z.object({
  metrics: z.record(z.string(), z.array(z.object({ name: z.string(), label: z.string() }))),
});
