import { WIDGET_TYPE_NAMES, type WidgetConfig, type WidgetType } from '@logi/contracts';
import { useState } from 'react';
import { Modal } from '../ui/Modal.tsx';
import { ErrorState, Loading } from '../ui/States.tsx';
import { type TypeBounds, useMetrics } from './api.ts';
import { WidgetTypeIcon } from './icons.tsx';
import { boundsOf, TYPE_LABELS } from './layout.ts';
import { WidgetConfigForm } from './WidgetConfigForm.tsx';

interface Props {
  types?: Partial<Record<WidgetType, TypeBounds>>;
  pending: boolean;
  error: string | null;
  onAdd: (type: WidgetType, config: WidgetConfig) => void;
  onClose: () => void;
}

/** Two steps: pick one of the 12 types, then set its metric, title and type-specific options. */
export function AddWidgetDialog({ types, pending, error, onAdd, onClose }: Props) {
  const [type, setType] = useState<WidgetType | null>(null);
  const metrics = useMetrics();

  return (
    <Modal title={type ? `Add ${TYPE_LABELS[type].toLowerCase()}` : 'Add widget'} onClose={onClose}>
      {type === null ? (
        <ul className="widget-palette" aria-label="Widget types">
          {WIDGET_TYPE_NAMES.map((t) => {
            const b = boundsOf(t, types);
            return (
              <li key={t}>
                <button type="button" className="palette-card" onClick={() => setType(t)}>
                  <WidgetTypeIcon type={t} />
                  <span className="palette-name">{TYPE_LABELS[t]}</span>
                  <span className="palette-size" aria-hidden="true">
                    {b.min_w}×{b.min_h} to {b.max_w}×{b.max_h}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : metrics.isPending ? (
        <Loading label="Loading metrics…" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <WidgetConfigForm
          type={type}
          metrics={metrics.data[type] ?? []}
          submitLabel="Add to dashboard"
          pending={pending}
          error={error}
          onSubmit={(config) => onAdd(type, config)}
          onCancel={() => setType(null)}
          cancelLabel="Back"
        />
      )}
    </Modal>
  );
}
