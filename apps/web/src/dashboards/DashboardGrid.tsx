import type { Widget, WidgetType } from '@logi/contracts';
import { type KeyboardEvent, useId, useMemo } from 'react';
import { type Layout, type LayoutItem, Responsive, useContainerWidth } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { TypeBounds } from './api.ts';
import { ARROWS, type ArrowKey, nudge } from './keyboard.ts';
import { applyGeometry, boundsOf, readingOrder, widgetTitle } from './layout.ts';
import { WidgetFrame } from './WidgetFrame.tsx';
import type { WidgetDataState } from './widgets/data.ts';

// Below this container width a phone-style single column replaces the saved 12-column layout;
// only the desktop grid is ever edited or saved.
const BREAKPOINTS = { lg: 720, xs: 0 };
const COLS = { lg: 12, xs: 1 };
const ROW_HEIGHT = 76;
const MARGIN = [12, 12] as const;
const PADDING = [0, 0] as const;

interface Props {
  widgets: Widget[];
  dataOf: (widgetId: string) => WidgetDataState;
  editing?: boolean;
  types?: Partial<Record<WidgetType, TypeBounds>>;
  onChange?: (next: Widget[]) => void;
  onRemove?: (widget: Widget) => void;
  onConfigure?: (widget: Widget) => void;
}

function desktopItems(widgets: readonly Widget[], types: Props['types']): LayoutItem[] {
  return widgets.map((w) => {
    const b = boundsOf(w.type, types);
    return {
      i: w.widget_id,
      x: w.x,
      y: w.y,
      w: w.w,
      h: w.h,
      minW: b.min_w,
      maxW: b.max_w,
      minH: b.min_h,
      maxH: b.max_h,
    };
  });
}

/** One column in reading order, each widget keeping its height. */
function phoneItems(widgets: readonly Widget[]): LayoutItem[] {
  let y = 0;
  return readingOrder(widgets).map((w) => {
    const item = { i: w.widget_id, x: 0, y, w: 1, h: w.h, static: true };
    y += w.h;
    return item;
  });
}

/** The dashboard's widgets on a responsive grid; draggable and resizable only while editing on a wide screen. */
export function DashboardGrid({
  widgets,
  dataOf,
  editing = false,
  types,
  onChange,
  onRemove,
  onConfigure,
}: Props) {
  const { width, containerRef, mounted } = useContainerWidth();
  const hintId = useId();
  const phone = width < BREAKPOINTS.lg;
  const canEdit = editing && !phone && onChange !== undefined;
  const desktop = useMemo(() => desktopItems(widgets, types), [widgets, types]);
  const layouts = useMemo(() => ({ lg: desktop, xs: phoneItems(widgets) }), [desktop, widgets]);

  const commit = (items: Layout) => {
    if (canEdit) onChange(applyGeometry(widgets, items));
  };
  const onHandleKey = (id: string) => (event: KeyboardEvent) => {
    if (!canEdit || !ARROWS.includes(event.key)) return;
    event.preventDefault();
    commit(nudge(desktop, id, event.key as ArrowKey, event.shiftKey, COLS.lg));
  };

  return (
    <div ref={containerRef} className={`dashboard-grid${canEdit ? ' is-editing' : ''}`}>
      {editing && phone && (
        <p className="notice">
          Widen the window to move or resize widgets: small screens show them in one column.
        </p>
      )}
      {canEdit && (
        <p id={hintId} className="grid-hint">
          Drag a widget by its title bar and resize it from its corner. With the keyboard, focus a widget’s
          move handle: arrows move it, Shift+arrows resize it.
        </p>
      )}
      {mounted && (
        <Responsive
          width={width}
          breakpoint={phone ? 'xs' : 'lg'}
          breakpoints={BREAKPOINTS}
          cols={COLS}
          layouts={layouts}
          rowHeight={ROW_HEIGHT}
          margin={MARGIN}
          containerPadding={PADDING}
          dragConfig={{ enabled: canEdit, handle: '.widget-header', cancel: '.widget-action' }}
          resizeConfig={{ enabled: canEdit }}
          onDragStop={commit}
          onResizeStop={commit}
        >
          {readingOrder(widgets).map((w) => {
            const title = widgetTitle(w);
            return (
              <section key={w.widget_id} aria-label={title} className={`widget widget-${w.type}`}>
                <WidgetFrame
                  widget={w}
                  title={title}
                  state={dataOf(w.widget_id)}
                  editing={canEdit}
                  hintId={hintId}
                  onHandleKey={onHandleKey(w.widget_id)}
                  onRemove={onRemove}
                  onConfigure={onConfigure}
                />
              </section>
            );
          })}
        </Responsive>
      )}
    </div>
  );
}
