import { ALERT_FILTERS, type WidgetConfig, type WidgetType } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/FormError.tsx';
import { humanize } from '../ui/format.ts';
import type { MetricOption } from './api.ts';
import { TYPE_LABELS } from './layout.ts';

interface Props {
  type: WidgetType;
  metrics: MetricOption[];
  initial?: WidgetConfig;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  onSubmit: (config: WidgetConfig) => void;
  onCancel: () => void;
  cancelLabel?: string;
}

/** The options of one widget type, from the server's metric catalogue. */
export function WidgetConfigForm({
  type,
  metrics,
  initial = {},
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  cancelLabel = 'Cancel',
}: Props) {
  const [metric, setMetric] = useState(initial.metric ?? metrics[0]?.name ?? '');
  const [title, setTitle] = useState(initial.title ?? '');
  const [filter, setFilter] = useState<string>(initial.filter ?? '');
  const [text, setText] = useState(initial.text ?? '');
  const metricLabel = metrics.find((m) => m.name === metric)?.label;
  // Stored with the widget, so the shared page (which cannot read the catalogue) shows the same name.
  const defaultTitle =
    type === 'notes' || type === 'alerts_feed' ? TYPE_LABELS[type] : (metricLabel ?? TYPE_LABELS[type]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const config: WidgetConfig = { title: title.trim() || defaultTitle };
    if (metric) config.metric = metric;
    if (type === 'alerts_feed' && filter) config.filter = filter as WidgetConfig['filter'];
    if (type === 'notes') config.text = text;
    onSubmit(config);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      {metrics.length > 1 && (
        <Field label="Metric">
          {(p) => (
            <select {...p} value={metric} onChange={(e) => setMetric(e.target.value)}>
              {metrics.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Title" hint={`Leave empty to use “${defaultTitle}”.`}>
        {(p) => (
          <input
            {...p}
            value={title}
            placeholder={defaultTitle}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={100}
          />
        )}
      </Field>
      {type === 'alerts_feed' && (
        <Field label="Show alerts about">
          {(p) => (
            <select {...p} value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="">Everything</option>
              {ALERT_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {humanize(f)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {type === 'notes' && (
        <Field label="Text">
          {(p) => (
            <textarea
              {...p}
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={10_000}
            />
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
