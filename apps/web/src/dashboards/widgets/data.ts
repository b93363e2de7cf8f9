import {
  AlertsData,
  CalendarData,
  ChartData,
  DonutData,
  GaugeData,
  KpiData,
  NotesData,
  ProgressData,
  SparklineData,
  TableData,
} from '@logi/contracts';

// Wire shapes of the widget data, straight from the contract's schemas.
export type KpiValue = ReturnType<typeof KpiData.parse>;
export type ChartValue = ReturnType<typeof ChartData.parse>;
export type DonutValue = ReturnType<typeof DonutData.parse>;
export type GaugeValue = ReturnType<typeof GaugeData.parse>;
export type AlertsValue = ReturnType<typeof AlertsData.parse>;
export type TableValue = ReturnType<typeof TableData.parse>;
export type SparklineValue = ReturnType<typeof SparklineData.parse>;
export type ProgressValue = ReturnType<typeof ProgressData.parse>;
export type CalendarValue = ReturnType<typeof CalendarData.parse>;
export type NotesValue = ReturnType<typeof NotesData.parse>;

export const SCHEMAS = {
  kpi: KpiData,
  line_chart: ChartData,
  bar_chart: ChartData,
  area_chart: ChartData,
  donut_chart: DonutData,
  gauge: GaugeData,
  data_table: TableData,
  progress_ring: ProgressData,
  sparkline: SparklineData,
  alerts_feed: AlertsData,
  calendar: CalendarData,
  notes: NotesData,
} as const;

/** What the dashboard's data request says about one widget. */
export type WidgetDataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: unknown };

/** `{error}` is how the server reports one widget failing while the others succeed. */
export function widgetErrorOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'error' in raw) {
    const { error } = raw as { error: unknown };
    return typeof error === 'string' ? error : 'This widget could not be loaded.';
  }
  return null;
}
