import type { Widget } from '@logi/contracts';
import { describe, expect, it } from 'vitest';
import {
  defaultSize,
  firstFreeSpot,
  readingOrder,
  sameGeometry,
  toLayoutInput,
  widgetTitle,
} from './layout.ts';

const w = (id: string, x: number, y: number, width: number, h: number): Widget => ({
  widget_id: id,
  type: 'kpi',
  x,
  y,
  w: width,
  h,
  config: {},
});

describe('firstFreeSpot', () => {
  it('starts at the top left of an empty grid', () => {
    expect(firstFreeSpot([], 3, 2)).toEqual({ x: 0, y: 0 });
  });

  it('uses the first gap that fits, not 0,0', () => {
    expect(firstFreeSpot([w('a', 0, 0, 3, 2), w('b', 3, 0, 3, 2)], 3, 2)).toEqual({ x: 6, y: 0 });
    expect(firstFreeSpot([w('a', 0, 0, 12, 2)], 4, 2)).toEqual({ x: 0, y: 2 });
    // A 6-wide widget does not fit in the 3-wide gap on the right of the first row.
    expect(firstFreeSpot([w('a', 0, 0, 9, 2), w('b', 0, 2, 4, 2)], 6, 2)).toEqual({ x: 4, y: 2 });
  });
});

describe('geometry helpers', () => {
  it('compares positions and sizes by widget, in any order', () => {
    expect(
      sameGeometry([w('a', 0, 0, 3, 2), w('b', 3, 0, 3, 2)], [w('b', 3, 0, 3, 2), w('a', 0, 0, 3, 2)]),
    ).toBe(true);
    expect(sameGeometry([w('a', 0, 0, 3, 2)], [w('a', 1, 0, 3, 2)])).toBe(false);
    expect(sameGeometry([w('a', 0, 0, 3, 2)], [w('b', 0, 0, 3, 2)])).toBe(false);
  });

  it('drops ids the server no longer knows (a widget restored by undo)', () => {
    const input = toLayoutInput([w('a', 0, 0, 3, 2), w('gone', 3, 0, 3, 2)], new Set(['a']));
    expect(input[0]).toHaveProperty('widget_id', 'a');
    expect(input[1]).not.toHaveProperty('widget_id');
  });

  it('clamps the preferred size to the type’s bounds', () => {
    expect(defaultSize('kpi', { min_w: 2, min_h: 2, max_w: 4, max_h: 3 })).toEqual({ w: 3, h: 2 });
    expect(defaultSize('line_chart', { min_w: 8, min_h: 3, max_w: 12, max_h: 3 })).toEqual({ w: 8, h: 3 });
  });

  it('orders widgets top to bottom, then left to right', () => {
    expect(
      readingOrder([w('c', 0, 2, 1, 1), w('b', 4, 0, 1, 1), w('a', 0, 0, 1, 1)]).map((x) => x.widget_id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('names a widget by its title, else its type', () => {
    expect(widgetTitle({ type: 'gauge', config: { title: ' Cash ' } })).toBe('Cash');
    expect(widgetTitle({ type: 'alerts_feed', config: {} })).toBe('Alerts feed');
  });
});
