import { lazy, Suspense } from 'react';
import type { ChartSpec } from './chartData.ts';
import { WidgetEmpty, WidgetLoading } from './WidgetStates.tsx';

// chart.js is the heaviest dependency: it loads the first time a chart is on screen.
const ChartCanvas = lazy(() => import('./ChartCanvas.tsx'));

export function ChartWidget({ spec }: { spec: ChartSpec }) {
  if (spec.empty) return <WidgetEmpty>No data for this period.</WidgetEmpty>;
  return (
    <div className="chart-box" role="img" aria-label={spec.summary}>
      <Suspense fallback={<WidgetLoading />}>
        <ChartCanvas spec={spec} />
      </Suspense>
    </div>
  );
}
