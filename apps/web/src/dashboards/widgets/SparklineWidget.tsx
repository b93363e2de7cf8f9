import { formatValue } from '../format.ts';
import type { SparklineValue } from './data.ts';
import { WidgetEmpty } from './WidgetStates.tsx';

/** SVG polyline points for the series in a 100×30 box (flat series sit in the middle). */
export function sparkPoints(data: readonly number[]): string {
  if (data.length === 0) return '';
  const min = Math.min(...data);
  const max = Math.max(...data);
  const span = max - min;
  const step = data.length > 1 ? 100 / (data.length - 1) : 0;
  return data
    .map((v, i) => {
      const y = span === 0 ? 15 : 28 - ((v - min) / span) * 26;
      return `${(i * step).toFixed(2)},${y.toFixed(2)}`;
    })
    .join(' ');
}

export function SparklineWidget({ data }: { data: SparklineValue }) {
  if (data.data.length === 0) return <WidgetEmpty>No data for this period.</WidgetEmpty>;
  const last = data.data.at(-1) ?? 0;
  const total = data.data.reduce((sum, v) => sum + v, 0);
  return (
    <div className="sparkline">
      <svg viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <polyline points={sparkPoints(data.data)} />
      </svg>
      <p className="sparkline-figures">
        <span>
          Latest <strong>{formatValue(last)}</strong>
        </span>
        <span>
          Total <strong>{formatValue(total)}</strong>
        </span>
      </p>
    </div>
  );
}
