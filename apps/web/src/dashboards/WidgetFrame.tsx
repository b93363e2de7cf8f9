import type { Widget } from '@logi/contracts';
import type { KeyboardEvent } from 'react';
import { CloseIcon, GearIcon, GripIcon } from './icons.tsx';
import type { WidgetDataState } from './widgets/data.ts';
import { WidgetBody } from './widgets/WidgetBody.tsx';
import { WidgetErrorBoundary } from './widgets/WidgetErrorBoundary.tsx';

interface Props {
  widget: Widget;
  title: string;
  state: WidgetDataState;
  editing: boolean;
  hintId: string;
  onHandleKey: (event: KeyboardEvent) => void;
  onRemove?: ((widget: Widget) => void) | undefined;
  onConfigure?: ((widget: Widget) => void) | undefined;
}

/** Title bar (the drag handle while editing, with configure and remove) above the widget's content. */
export function WidgetFrame({
  widget,
  title,
  state,
  editing,
  hintId,
  onHandleKey,
  onRemove,
  onConfigure,
}: Props) {
  const resetKey = state.status === 'ready' ? state.data : state.status;
  return (
    <>
      <header className="widget-header">
        {editing && (
          <button
            type="button"
            className="widget-handle"
            aria-label={`Move ${title}`}
            aria-describedby={hintId}
            onKeyDown={onHandleKey}
          >
            <GripIcon />
          </button>
        )}
        <h3 className="widget-title">{title}</h3>
        {editing && onConfigure && (
          <button
            type="button"
            className="icon-btn widget-action"
            aria-label={`Configure ${title}`}
            onClick={() => onConfigure(widget)}
          >
            <GearIcon />
          </button>
        )}
        {editing && onRemove && (
          <button
            type="button"
            className="icon-btn widget-action"
            aria-label={`Remove ${title}`}
            onClick={() => onRemove(widget)}
          >
            <CloseIcon />
          </button>
        )}
      </header>
      <div className="widget-body">
        <WidgetErrorBoundary resetKey={resetKey}>
          <WidgetBody widget={widget} title={title} state={state} />
        </WidgetErrorBoundary>
      </div>
    </>
  );
}
