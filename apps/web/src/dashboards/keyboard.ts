import { cloneLayout, type Layout, type LayoutItem, moveElement, verticalCompactor } from 'react-grid-layout';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
export const ARROWS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function settle(items: LayoutItem[], cols: number): Layout {
  return verticalCompactor.compact(items, cols);
}

/**
 * The keyboard twin of drag and resize: an arrow moves the widget one cell, Shift+arrow resizes it,
 * and the rest of the grid makes room the same way it does for the mouse.
 */
export function nudge(layout: Layout, id: string, key: ArrowKey, resize: boolean, cols: number): Layout {
  const items = cloneLayout(layout);
  const item = items.find((l) => l.i === id);
  if (!item) return layout;

  if (resize) {
    const dw = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
    const dh = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
    const w = clamp(item.w + dw, item.minW ?? 1, Math.min(item.maxW ?? cols, cols - item.x));
    const h = clamp(item.h + dh, item.minH ?? 1, item.maxH ?? Number.POSITIVE_INFINITY);
    const resized = items.map((l) => (l.i === id ? { ...l, w, h } : l));
    return settle(resized, cols);
  }

  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const x = clamp(item.x + (key === 'ArrowRight' ? 1 : -1), 0, cols - item.w);
    return settle(moveElement(items, item, x, item.y, true, false, 'vertical', cols), cols);
  }
  if (key === 'ArrowUp') {
    return settle(
      moveElement(items, item, item.x, Math.max(0, item.y - 1), true, false, 'vertical', cols),
      cols,
    );
  }
  // Down: compaction floats a widget back up into free space, so step until it really lands lower.
  const bottom = items.reduce((max, l) => Math.max(max, l.y + l.h), 0);
  for (let step = 1; step <= bottom; step++) {
    const trial = cloneLayout(items);
    const moving = trial.find((l) => l.i === id);
    if (!moving) break;
    const settled = settle(
      moveElement(trial, moving, item.x, item.y + step, true, false, 'vertical', cols),
      cols,
    );
    const landed = settled.find((l) => l.i === id);
    if (landed && landed.y > item.y) return settled;
  }
  return layout;
}
