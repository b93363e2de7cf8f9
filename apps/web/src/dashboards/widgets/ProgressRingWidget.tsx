import { formatValue } from '../format.ts';
import type { ProgressValue } from './data.ts';
import { fraction } from './GaugeWidget.tsx';

export function ProgressRingWidget({ data }: { data: ProgressValue }) {
  const pct = fraction(data.value, 0, data.max);
  // Over budget is still worth saying in words even though the ring stops at full.
  const ratio = data.max > 0 ? (data.value / data.max) * 100 : 0;
  return (
    <figure className="progress-ring">
      <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle cx="50" cy="50" r="40" className="ring-track" />
        <circle
          cx="50"
          cy="50"
          r="40"
          className={`ring-fill${ratio > 100 ? ' ring-over' : ''}`}
          pathLength={100}
          strokeDasharray={`${pct} 100`}
          transform="rotate(-90 50 50)"
        />
        <text x="50" y="55" textAnchor="middle" className="ring-label">
          {Math.round(ratio)}%
        </text>
      </svg>
      <figcaption>
        {formatValue(data.value, data.format)} of {formatValue(data.max, data.format)}
      </figcaption>
    </figure>
  );
}
