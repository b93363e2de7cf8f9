import type { WidgetConfig, WidgetData } from '@logi/contracts';
import type { Executor } from '../../db/index.ts';
import type { DateRange } from '../period.ts';

/** What a metric reads from: the database, "now", the requested period and the widget's config. */
export interface MetricContext {
  db: Executor;
  now: Date;
  /** `YYYY-MM-DD` of `now`. */
  today: string;
  range: DateRange;
  config: WidgetConfig;
  /** Per-request cache, so the widgets of one dashboard share one read of the rollups. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface Metric {
  label: string;
  compute(mc: MetricContext): Promise<WidgetData>;
}

export type MetricFamily = Record<string, Metric>;
