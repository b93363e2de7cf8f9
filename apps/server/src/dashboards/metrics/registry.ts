import type { WidgetType } from '@logi/contracts';
import { alertMetrics } from './alerts.ts';
import { calendarMetrics } from './calendar.ts';
import { chartMetrics } from './charts.ts';
import { donutMetrics } from './donuts.ts';
import { kpiMetrics } from './kpis.ts';
import { gaugeMetrics, progressMetrics } from './ratios.ts';
import { sparklineMetrics } from './sparklines.ts';
import { tableMetrics } from './tables.ts';
import type { MetricFamily } from './types.ts';

const notesMetrics: MetricFamily = {
  text: { label: 'Text from the widget', compute: async (mc) => ({ text: mc.config.text ?? '' }) },
};

/** Which metrics each widget type can show: the one list that both validation and `GET /metrics` read. */
export const METRICS: Record<WidgetType, MetricFamily> = {
  kpi: kpiMetrics,
  line_chart: chartMetrics,
  bar_chart: chartMetrics,
  area_chart: chartMetrics,
  donut_chart: donutMetrics,
  gauge: gaugeMetrics,
  progress_ring: progressMetrics,
  data_table: tableMetrics,
  sparkline: sparklineMetrics,
  calendar: calendarMetrics,
  alerts_feed: alertMetrics,
  notes: notesMetrics,
};

/**
 * Types whose only "metric" is implied (notes show their text, an alerts feed its alerts, a calendar
 * its due dates): `config.metric` may be left out for them.
 */
export function implicitMetric(type: WidgetType): string | null {
  const names = Object.keys(METRICS[type]);
  return names.length === 1 ? (names[0] ?? null) : null;
}

/** The metric a widget shows, or null when its config names none it accepts. */
export function metricFor(type: WidgetType, metric: string | undefined) {
  const name = metric ?? implicitMetric(type);
  if (name === null || !Object.hasOwn(METRICS[type], name)) return null;
  return METRICS[type][name] ?? null;
}

export function metricCatalog(): Record<string, { name: string; label: string }[]> {
  return Object.fromEntries(
    Object.entries(METRICS).map(([type, family]) => [
      type,
      Object.entries(family).map(([name, m]) => ({ name, label: m.label })),
    ]),
  );
}
