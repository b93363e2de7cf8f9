import { formatValue } from '../format.ts';
import type { GaugeValue } from './data.ts';

/** Share of the way from min to max, kept within 0–100 so odd figures never draw outside the arc. */
export function fraction(value: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

export function GaugeWidget({ data }: { data: GaugeValue }) {
  const pct = fraction(data.value, data.min, data.max);
  const arc = 'M 10 50 A 40 40 0 0 1 90 50';
  return (
    <figure className="gauge">
      <svg viewBox="0 0 100 56" className="gauge-svg" aria-hidden="true" focusable="false">
        <path d={arc} className="gauge-track" pathLength={100} />
        <path d={arc} className="gauge-fill" pathLength={100} strokeDasharray={`${pct} 100`} />
      </svg>
      <figcaption>
        <span className="gauge-value">{formatValue(data.value, data.format)}</span>
        <span className="gauge-range">
          {formatValue(data.min, data.format)} – {formatValue(data.max, data.format)}
        </span>
      </figcaption>
    </figure>
  );
}
