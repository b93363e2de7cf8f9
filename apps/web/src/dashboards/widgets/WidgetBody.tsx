import type { Widget } from '@logi/contracts';
import { useMemo } from 'react';
import { AlertsFeedWidget } from './AlertsFeedWidget.tsx';
import { CalendarWidget } from './CalendarWidget.tsx';
import { ChartWidget } from './ChartWidget.tsx';
import { donutSpec, seriesSpec } from './chartData.ts';
import { DataTableWidget } from './DataTableWidget.tsx';
import { SCHEMAS, type WidgetDataState, widgetErrorOf } from './data.ts';
import { GaugeWidget } from './GaugeWidget.tsx';
import { KpiWidget } from './KpiWidget.tsx';
import { NotesWidget } from './NotesWidget.tsx';
import { ProgressRingWidget } from './ProgressRingWidget.tsx';
import { SparklineWidget } from './SparklineWidget.tsx';
import { WidgetError, WidgetLoading } from './WidgetStates.tsx';

const UNREADABLE = 'This widget’s data could not be read.';

/** The content of one widget: its loading, error or figures, checked against the contract's shape. */
export function WidgetBody({
  widget,
  title,
  state,
}: {
  widget: Widget;
  title: string;
  state: WidgetDataState;
}) {
  // Notes need no figures: their text is in the widget's own config.
  if (widget.type === 'notes') return <NotesWidget text={widget.config.text ?? ''} />;
  if (state.status === 'loading') return <WidgetLoading />;
  if (state.status === 'error') return <WidgetError message={state.message} />;
  const failure = widgetErrorOf(state.data);
  if (failure) return <WidgetError message={failure} />;
  return <Figures widget={widget} title={title} raw={state.data} />;
}

function Figures({ widget, title, raw }: { widget: Widget; title: string; raw: unknown }) {
  const parsed = useMemo(() => parse(widget.type, raw), [widget.type, raw]);
  if (!parsed) return <WidgetError message={UNREADABLE} />;
  switch (parsed.type) {
    case 'kpi':
      return <KpiWidget data={parsed.data} />;
    case 'line_chart':
      return <ChartWidget spec={seriesSpec('line', parsed.data)} />;
    case 'bar_chart':
      return <ChartWidget spec={seriesSpec('bar', parsed.data)} />;
    case 'area_chart':
      return <ChartWidget spec={seriesSpec('area', parsed.data)} />;
    case 'donut_chart':
      return <ChartWidget spec={donutSpec(parsed.data)} />;
    case 'gauge':
      return <GaugeWidget data={parsed.data} />;
    case 'data_table':
      return <DataTableWidget data={parsed.data} title={title} />;
    case 'progress_ring':
      return <ProgressRingWidget data={parsed.data} />;
    case 'sparkline':
      return <SparklineWidget data={parsed.data} />;
    case 'alerts_feed':
      return <AlertsFeedWidget data={parsed.data} />;
    case 'calendar':
      return <CalendarWidget data={parsed.data} />;
    case 'notes':
      return <NotesWidget text={parsed.data.text} />;
  }
}

type Parsed = {
  [K in keyof typeof SCHEMAS]: { type: K; data: ReturnType<(typeof SCHEMAS)[K]['parse']> };
}[keyof typeof SCHEMAS];

function parse(type: Widget['type'], raw: unknown): Parsed | null {
  const result = SCHEMAS[type].safeParse(raw);
  return result.success ? ({ type, data: result.data } as Parsed) : null;
}
