import type { LayoutInput, Widget } from '@logi/contracts';
import type { RuleError } from './layout-rules.ts';

const NUMBERED = /^w([1-9]\d{0,8})$/;

/** The counter a dashboard must start from so that it never hands out one of these ids. */
export function nextSeqAfter(ids: readonly string[], floor = 1): number {
  let next = floor;
  for (const id of ids) {
    const n = NUMBERED.exec(id)?.[1];
    if (n && Number(n) >= next) next = Number(n) + 1;
  }
  return next;
}

/**
 * Gives every widget of a layout its id. Widgets that already have one keep it: on an existing
 * dashboard it must be one of its widgets (`known`); on a new one (create, import) any unique id
 * is kept. The rest get fresh ids from the dashboard's counter, which only ever grows.
 */
export function assignWidgetIds(
  input: LayoutInput,
  known: ReadonlySet<string> | null,
  seq: number,
): { layout: Widget[]; nextSeq: number; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  input.forEach((w, i) => {
    if (w.widget_id === undefined) return;
    if (seen.has(w.widget_id))
      errors.push({ path: `layout.${i}.widget_id`, message: 'Each widget appears once in a layout.' });
    else if (known && !known.has(w.widget_id))
      errors.push({ path: `layout.${i}.widget_id`, message: 'This widget is not on the dashboard.' });
    seen.add(w.widget_id);
  });
  let next = nextSeqAfter([...seen], seq);
  const layout = input.map(({ widget_id, type, x, y, w, h, config }) => {
    const id = widget_id ?? `w${next++}`;
    return { widget_id: id, type, x, y, w, h, config };
  });
  return { layout, nextSeq: next, errors };
}
