import { GRID_COLUMNS, MAX_WIDGETS, WIDGET_TYPES, type WidgetConfig, type WidgetType } from '@logi/contracts';
import { Invalid } from '../platform/errors.ts';
import { METRICS, metricFor } from './metrics/registry.ts';

export interface RuleError {
  path: string;
  message: string;
}

/** The geometry and config of a widget, whether or not it has an id yet. */
export interface Placement {
  widget_id?: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  config: WidgetConfig;
}

const isWidgetType = (t: string): t is WidgetType => Object.hasOwn(WIDGET_TYPES, t);
const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

/** What a widget's config may hold depends on its type: a metric it accepts, a filter, a text. */
export function configErrors(type: WidgetType, config: WidgetConfig, prefix: string): RuleError[] {
  const errors: RuleError[] = [];
  const path = at(prefix, 'config');
  if (!metricFor(type, config.metric)) {
    const names = Object.keys(METRICS[type]).join(', ');
    errors.push({
      path: at(path, 'metric'),
      message:
        config.metric === undefined
          ? `Choose a metric for this ${type} widget: ${names}.`
          : `A ${type} widget cannot show "${config.metric}"; choose one of: ${names}.`,
    });
  }
  if (config.filter !== undefined && type !== 'alerts_feed')
    errors.push({ path: at(path, 'filter'), message: 'Only an alerts feed takes a filter.' });
  if (config.text !== undefined && type !== 'notes')
    errors.push({ path: at(path, 'text'), message: 'Only a notes widget takes a text.' });
  return errors;
}

function widgetErrors(w: Placement, prefix: string): RuleError[] {
  if (!isWidgetType(w.type))
    return [{ path: at(prefix, 'type'), message: `"${w.type}" is not a widget type.` }];
  const size = WIDGET_TYPES[w.type];
  const errors: RuleError[] = [];
  for (const k of ['x', 'y', 'w', 'h'] as const) {
    if (!Number.isInteger(w[k])) errors.push({ path: at(prefix, k), message: 'Use whole grid units.' });
  }
  if (errors.length) return errors;
  if (w.x < 0) errors.push({ path: at(prefix, 'x'), message: 'A widget starts at column 0 or later.' });
  if (w.y < 0) errors.push({ path: at(prefix, 'y'), message: 'A widget starts at row 0 or later.' });
  if (w.w < size.min_w || w.w > size.max_w)
    errors.push({
      path: at(prefix, 'w'),
      message: `A ${w.type} widget is ${size.min_w} to ${size.max_w} columns wide.`,
    });
  else if (w.x + w.w > GRID_COLUMNS)
    errors.push({ path: at(prefix, 'w'), message: `The widget reaches past column ${GRID_COLUMNS}.` });
  if (w.h < size.min_h || w.h > size.max_h)
    errors.push({
      path: at(prefix, 'h'),
      message: `A ${w.type} widget is ${size.min_h} to ${size.max_h} rows high.`,
    });
  return [...errors, ...configErrors(w.type, w.config, prefix)];
}

const overlaps = (a: Placement, b: Placement) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Every layout rule at once. `pathOf(i)` names widget i in the errors: `layout.3` for a layout,
 * '' for the single widget of a widget request.
 */
export function layoutErrors(
  layout: readonly Placement[],
  pathOf: (i: number) => string = (i) => `layout.${i}`,
): RuleError[] {
  const errors: RuleError[] = [];
  if (layout.length > MAX_WIDGETS)
    errors.push({ path: 'layout', message: `A dashboard holds at most ${MAX_WIDGETS} widgets.` });
  layout.forEach((w, i) => {
    errors.push(...widgetErrors(w, pathOf(i)));
  });
  for (let j = 1; j < layout.length; j++) {
    const b = layout[j]!;
    const hit = layout.findIndex((a, i) => i < j && overlaps(a, b));
    if (hit >= 0) {
      const other = layout[hit]?.widget_id ?? `widget ${hit + 1}`;
      errors.push({ path: at(pathOf(j), 'x'), message: `This widget overlaps ${other}.` });
    }
  }
  return errors;
}

/** Throws the 422 of the contract when any rule is broken. */
export function assertLayout(layout: readonly Placement[], pathOf?: (i: number) => string): void {
  const errors = layoutErrors(layout, pathOf);
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new Invalid(`${first.path}: ${first.message}${more}`, errors);
  }
}
