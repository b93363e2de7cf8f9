import { AlertIcon, CheckIcon } from '../icons.tsx';
import type { AlertsValue } from './data.ts';
import { WidgetEmpty } from './WidgetStates.tsx';

export function AlertsFeedWidget({ data }: { data: AlertsValue }) {
  if (data.alerts.length === 0)
    return (
      <WidgetEmpty>
        <span className="icon icon-ok">
          <CheckIcon />
        </span>{' '}
        No alerts. All clear.
      </WidgetEmpty>
    );
  return (
    <ul className="alerts-feed">
      {data.alerts.map((alert) => (
        <li
          key={`${alert.entity_type}:${alert.entity_id}:${alert.message}`}
          className={`alert-${alert.type}`}
        >
          <AlertIcon kind={alert.type} />
          <span className="sr-only">{alert.type}: </span>
          <span>{alert.message}</span>
        </li>
      ))}
    </ul>
  );
}
