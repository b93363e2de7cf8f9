import { formatDay, formatMoney } from '../ui/format.ts';

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** One figure in the format the server named (`currency`, `percent`, `number`, `date`). */
export function formatValue(value: number | string | null | undefined, format?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return format === 'date' ? formatDay(value) : value;
  switch (format) {
    case 'currency':
      return formatMoney(value);
    case 'percent':
      return `${value.toFixed(1)}%`;
    default:
      return plain.format(value);
  }
}

/** Short axis labels for charts (`12.5K`). */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** `▲ 12.5%` / `▼ 3.0%` / `0.0%`: the sign is carried by the arrow. */
export function formatTrend(trend: number): string {
  const size = `${Math.abs(trend).toFixed(1)}%`;
  if (trend > 0) return `▲ ${size}`;
  if (trend < 0) return `▼ ${size}`;
  return size;
}
