import {
  GRID_COLUMNS,
  type LayoutInput,
  type Period,
  WIDGET_TYPES,
  type Widget,
  type WidgetType,
} from '@logi/contracts';
import type { TypeBounds } from './api.ts';

export const TYPE_LABELS: Record<WidgetType, string> = {
  kpi: 'KPI',
  line_chart: 'Line chart',
  bar_chart: 'Bar chart',
  area_chart: 'Area chart',
  donut_chart: 'Donut chart',
  gauge: 'Gauge',
  data_table: 'Data table',
  progress_ring: 'Progress ring',
  sparkline: 'Sparkline',
  alerts_feed: 'Alerts feed',
  calendar: 'Calendar',
  notes: 'Notes',
};

export const PERIOD_LABELS: Record<Period, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  this_year: 'This year',
  last_12_months: 'Last 12 months',
  all: 'All time',
};

/** The name a widget is announced by: its title, else its type (new widgets store a title). */
export function widgetTitle(widget: Pick<Widget, 'type' | 'config'>): string {
  return widget.config.title?.trim() || TYPE_LABELS[widget.type];
}

/** Bounds from `/widget-types`, falling back to the contract's table while that loads. */
export function boundsOf(type: WidgetType, types?: Partial<Record<WidgetType, TypeBounds>>): TypeBounds {
  return types?.[type] ?? WIDGET_TYPES[type];
}

// Comfortable first sizes; clamped to the type's bounds.
const PREFERRED: Record<WidgetType, [number, number]> = {
  kpi: [3, 2],
  line_chart: [6, 4],
  bar_chart: [6, 4],
  area_chart: [6, 4],
  donut_chart: [4, 4],
  gauge: [3, 3],
  data_table: [6, 4],
  progress_ring: [3, 3],
  sparkline: [3, 2],
  alerts_feed: [4, 4],
  calendar: [6, 4],
  notes: [4, 3],
};

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export function defaultSize(type: WidgetType, bounds: TypeBounds): { w: number; h: number } {
  const [w, h] = PREFERRED[type];
  return { w: clamp(w, bounds.min_w, bounds.max_w), h: clamp(h, bounds.min_h, bounds.max_h) };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The top-most, then left-most place where a w×h widget fits without covering another one. */
export function firstFreeSpot(layout: readonly Rect[], w: number, h: number): { x: number; y: number } {
  const bottom = layout.reduce((max, r) => Math.max(max, r.y + r.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + w <= GRID_COLUMNS; x++) {
      const candidate = { x, y, w, h };
      if (!layout.some((r) => overlaps(candidate, r))) return { x, y };
    }
  }
  return { x: 0, y: bottom };
}

/** Same widgets in the same places and sizes (order does not matter). */
export function sameGeometry(a: readonly Widget[], b: readonly Widget[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((w) => [w.widget_id, w]));
  return a.every((w) => {
    const o = byId.get(w.widget_id);
    return o !== undefined && o.x === w.x && o.y === w.y && o.w === w.w && o.h === w.h;
  });
}

/** Applies grid positions (keyed by widget id) to the widgets; widgets the grid does not know stay put. */
export function applyGeometry(
  widgets: readonly Widget[],
  items: readonly { i: string; x: number; y: number; w: number; h: number }[],
): Widget[] {
  const byId = new Map(items.map((item) => [item.i, item]));
  return widgets.map((w) => {
    const item = byId.get(w.widget_id);
    return item ? { ...w, x: item.x, y: item.y, w: item.w, h: item.h } : w;
  });
}

/**
 * The body of `PUT /layout`. A widget the server no longer holds (restored by an undo after a
 * removal) goes without its id, because the server never hands an id out twice.
 */
export function toLayoutInput(widgets: readonly Widget[], knownIds: ReadonlySet<string>): LayoutInput {
  return widgets.map(({ widget_id, type, x, y, w, h, config }) =>
    knownIds.has(widget_id) ? { widget_id, type, x, y, w, h, config } : { type, x, y, w, h, config },
  );
}

/** Reading order (top to bottom, then left to right): the phone's single column and screen readers. */
export function readingOrder<T extends Rect>(layout: readonly T[]): T[] {
  return [...layout].sort((a, b) => a.y - b.y || a.x - b.x);
}
