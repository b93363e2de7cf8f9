import { formatDay } from '../../ui/format.ts';
import type { CalendarValue } from './data.ts';
import { WidgetEmpty } from './WidgetStates.tsx';

type CalendarEvent = CalendarValue['events'][number];

/** Events grouped by day, earliest first. */
export function byDay(events: readonly CalendarEvent[]): [string, CalendarEvent[]][] {
  const days = new Map<string, CalendarEvent[]>();
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    const list = days.get(e.date) ?? [];
    list.push(e);
    days.set(e.date, list);
  }
  return [...days];
}

export function CalendarWidget({ data }: { data: CalendarValue }) {
  if (data.events.length === 0) return <WidgetEmpty>Nothing due.</WidgetEmpty>;
  return (
    <ol className="calendar-list">
      {byDay(data.events).map(([date, events]) => (
        <li key={date}>
          <time dateTime={date} className="calendar-date">
            {formatDay(date)}
          </time>
          <ul>
            {events.map((e) => (
              <li key={`${e.entity_type}:${e.entity_id}`} className={`calendar-event event-${e.type}`}>
                {e.title}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
