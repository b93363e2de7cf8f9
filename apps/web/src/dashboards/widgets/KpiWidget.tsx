import { formatTrend, formatValue } from '../format.ts';
import type { KpiValue } from './data.ts';

export function KpiWidget({ data }: { data: KpiValue }) {
  const trend = data.trend;
  return (
    <div className={`kpi${data.alert ? ' kpi-alert' : ''}`}>
      <p className="kpi-value">{formatValue(data.value, data.format)}</p>
      {typeof trend === 'number' && (
        <p className={`kpi-trend ${trend > 0 ? 'up' : trend < 0 ? 'down' : 'flat'}`}>
          <span aria-hidden="true">{formatTrend(trend)}</span>
          <span className="sr-only">
            {trend === 0 ? 'No change' : `${trend > 0 ? 'Up' : 'Down'} ${Math.abs(trend).toFixed(1)}%`}
          </span>{' '}
          <span className="kpi-trend-note">vs last month</span>
        </p>
      )}
      {data.count !== undefined && (
        <p className="kpi-count">
          {data.count} {data.count === 1 ? 'item' : 'items'}
        </p>
      )}
    </div>
  );
}
