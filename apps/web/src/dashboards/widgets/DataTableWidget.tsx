import { formatValue } from '../format.ts';
import type { TableValue } from './data.ts';
import { WidgetEmpty } from './WidgetStates.tsx';

const NUMERIC = new Set(['currency', 'number', 'percent']);

export function DataTableWidget({ data, title }: { data: TableValue; title: string }) {
  if (data.rows.length === 0) return <WidgetEmpty>No rows for this period.</WidgetEmpty>;
  return (
    <div className="widget-table">
      <table className="table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={NUMERIC.has(c.format ?? '') ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            // Rows carry no id of their own; their order is the server's.
            // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
            <tr key={i}>
              {data.columns.map((c) => (
                <td key={c.key} className={NUMERIC.has(c.format ?? '') ? 'num' : undefined}>
                  {formatValue(row[c.key], c.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
