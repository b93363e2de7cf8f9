import type { Period, Widget, WidgetData } from '@logi/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { isoDate } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { NotFound } from '../platform/errors.ts';
import { metricFor } from './metrics/registry.ts';
import type { MetricContext } from './metrics/types.ts';
import { periodRange } from './period.ts';

/** Computes widget data from the metric registry; one widget's failure never spoils the others. */
export function createWidgetData({ db, clock }: AppContext, log: FastifyBaseLogger) {
  function context(period: Period) {
    const now = clock.now();
    const cache = new Map<string, Promise<unknown>>();
    return (widget: Widget): MetricContext => ({
      db,
      now,
      today: isoDate(now),
      range: periodRange(period, now),
      config: widget.config,
      memo<T>(key: string, load: () => Promise<T>): Promise<T> {
        let hit = cache.get(key) as Promise<T> | undefined;
        if (!hit) {
          hit = load();
          cache.set(key, hit);
        }
        return hit;
      },
    });
  }

  async function compute(widget: Widget, mc: MetricContext): Promise<WidgetData> {
    const metric = metricFor(widget.type, widget.config.metric);
    if (!metric) return { error: `A ${widget.type} widget cannot show "${widget.config.metric ?? ''}".` };
    try {
      return await metric.compute(mc);
    } catch (err) {
      log.error({ err, widget_id: widget.widget_id, type: widget.type }, 'widget data failed');
      return { error: 'The data of this widget could not be loaded. Try again in a moment.' };
    }
  }

  return {
    /** Every widget of a layout in one answer; widgets share the period's reads. */
    async forLayout(layout: readonly Widget[], period: Period) {
      const forWidget = context(period);
      const entries = await Promise.all(
        layout.map(async (w) => [w.widget_id, await compute(w, forWidget(w))] as const),
      );
      return { widgets: Object.fromEntries(entries) };
    },

    async forWidget(layout: readonly Widget[], widgetId: string, period: Period) {
      const widget = layout.find((w) => w.widget_id === widgetId);
      if (!widget) throw new NotFound('This widget');
      return compute(widget, context(period)(widget));
    },
  };
}

export type WidgetDataService = ReturnType<typeof createWidgetData>;
