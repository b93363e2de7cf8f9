import type { Widget } from '@logi/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WidgetDataState } from './data.ts';
import { WidgetBody } from './WidgetBody.tsx';
import { WidgetErrorBoundary } from './WidgetErrorBoundary.tsx';

// jsdom has no canvas: the lazily loaded chart is replaced by a marker that shows what it was given.
vi.mock('./ChartCanvas.tsx', () => ({
  default: ({ spec }: { spec: { kind: string; labels: string[] } }) => (
    <div data-testid="chart">
      {spec.kind}: {spec.labels.join(',')}
    </div>
  ),
}));

function widget(type: Widget['type'], config: Widget['config'] = {}): Widget {
  return { widget_id: 'w1', type, x: 0, y: 0, w: 4, h: 3, config };
}
const ready = (data: unknown): WidgetDataState => ({ status: 'ready', data });
function show(type: Widget['type'], state: WidgetDataState, config: Widget['config'] = {}) {
  return render(<WidgetBody widget={widget(type, config)} title="T" state={state} />);
}

describe('KPI widget', () => {
  it('formats money and shows a rising trend with its percentage', () => {
    show('kpi', ready({ value: 1234567.5, format: 'currency', trend: 12.345, count: 3 }));
    expect(screen.getByText('$1,234,567.50')).toBeInTheDocument();
    expect(screen.getByText('▲ 12.3%')).toBeInTheDocument();
    expect(screen.getByText('Up 12.3%')).toBeInTheDocument();
    expect(screen.getByText('3 items')).toBeInTheDocument();
  });

  it('shows a falling trend with a down arrow and no trend when the server has none', () => {
    const { unmount } = show('kpi', ready({ value: 10, format: 'number', trend: -4 }));
    expect(screen.getByText('▼ 4.0%')).toBeInTheDocument();
    unmount();
    show('kpi', ready({ value: 42.25, format: 'percent', trend: null }));
    expect(screen.getByText('42.3%')).toBeInTheDocument();
    expect(screen.queryByText(/vs last month/)).not.toBeInTheDocument();
  });
});

function Boom(): never {
  throw new Error('boom');
}

describe('states every widget shares', () => {
  it('shows loading, the request error, and the server’s per-widget error', () => {
    const { rerender } = show('gauge', { status: 'loading' });
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    rerender(
      <WidgetBody widget={widget('gauge')} title="T" state={{ status: 'error', message: 'Offline.' }} />,
    );
    expect(screen.getByText('Offline.')).toBeInTheDocument();
    rerender(<WidgetBody widget={widget('gauge')} title="T" state={ready({ error: 'Metric failed.' })} />);
    expect(screen.getByText('Metric failed.')).toBeInTheDocument();
  });

  it('reports data of the wrong shape instead of crashing', () => {
    show('data_table', ready({ value: 3 }));
    expect(screen.getByText(/could not be read/)).toBeInTheDocument();
  });

  it('keeps a rendering failure inside the widget', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <p>Other widget</p>
        <WidgetErrorBoundary resetKey={1}>
          <Boom />
        </WidgetErrorBoundary>
      </div>,
    );
    expect(screen.getByText('This widget could not be shown.')).toBeInTheDocument();
    expect(screen.getByText('Other widget')).toBeInTheDocument();
  });
});

describe('charts', () => {
  it('load the chart lazily with the mapped data and describe the figures in words', async () => {
    show(
      'line_chart',
      ready({ labels: ['Jan', 'Feb'], datasets: [{ label: 'Revenue', data: [100, 250.5] }] }),
    );
    expect(await screen.findByTestId('chart')).toHaveTextContent('line: Jan,Feb');
    expect(screen.getByRole('img')).toHaveAccessibleName('Revenue: Jan 100, Feb 250.5');
  });

  it('show an empty state when there is nothing to draw', () => {
    const { unmount } = show('bar_chart', ready({ labels: [], datasets: [] }));
    expect(screen.getByText('No data for this period.')).toBeInTheDocument();
    unmount();
    show('donut_chart', ready({ labels: ['A'], data: [0] }));
    expect(screen.getByText('No data for this period.')).toBeInTheDocument();
  });

  it('draw a donut from labels and values', async () => {
    show('donut_chart', ready({ labels: ['Rent', 'Salaries'], data: [30, 70] }));
    expect(await screen.findByTestId('chart')).toHaveTextContent('donut: Rent,Salaries');
  });
});

describe('gauge, progress ring and sparkline', () => {
  it('gauge shows its value and range', () => {
    const { container } = show('gauge', ready({ value: 73.25, min: 0, max: 100, format: 'percent' }));
    expect(screen.getByText('73.3%')).toBeInTheDocument();
    expect(screen.getByText('0.0% – 100.0%')).toBeInTheDocument();
    expect(container.querySelector('.gauge-fill')).toHaveAttribute('stroke-dasharray', '73.25 100');
  });

  it('progress ring shows the share and both amounts', () => {
    show('progress_ring', ready({ value: 750, max: 1000, format: 'currency' }));
    expect(screen.getByText('75%')).toBeInTheDocument();
    expect(screen.getByText('$750.00 of $1,000.00')).toBeInTheDocument();
  });

  it('sparkline draws the series and shows latest and total, or an empty state', () => {
    const { container, unmount } = show('sparkline', ready({ labels: ['a', 'b', 'c'], data: [1, 3, 2] }));
    expect(container.querySelector('polyline')?.getAttribute('points')).toBe(
      '0.00,28.00 50.00,2.00 100.00,15.00',
    );
    expect(screen.getByText('Latest').querySelector('strong')).toHaveTextContent('2');
    expect(screen.getByText('Total').querySelector('strong')).toHaveTextContent('6');
    unmount();
    show('sparkline', ready({ labels: [], data: [] }));
    expect(screen.getByText('No data for this period.')).toBeInTheDocument();
  });
});

describe('table, alerts, calendar and notes', () => {
  it('data table formats each column by its format', () => {
    show(
      'data_table',
      ready({
        columns: [
          { key: 'date', label: 'Date', format: 'date' },
          { key: 'name', label: 'Name' },
          { key: 'amount', label: 'Amount', format: 'currency' },
        ],
        rows: [{ date: '2026-01-31', name: 'Rent', amount: 1500.5 }],
      }),
    );
    expect(screen.getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Jan 31, 2026' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '$1,500.50' })).toBeInTheDocument();
  });

  it('data table with no rows says so', () => {
    show('data_table', ready({ columns: [{ key: 'a', label: 'A' }], rows: [] }));
    expect(screen.getByText('No rows for this period.')).toBeInTheDocument();
  });

  it('alerts feed lists alerts with their kind, or says all clear', () => {
    const { unmount } = show(
      'alerts_feed',
      ready({
        alerts: [
          { type: 'error', message: 'Payment P-1 is overdue', entity_type: 'payment', entity_id: '1' },
          { type: 'warning', message: 'Steel is low', entity_type: 'material', entity_id: '2' },
        ],
      }),
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('error: Payment P-1 is overdue');
    unmount();
    show('alerts_feed', ready({ alerts: [] }));
    expect(screen.getByText(/No alerts/)).toBeInTheDocument();
  });

  it('calendar groups events by day, earliest first', () => {
    show(
      'calendar',
      ready({
        events: [
          {
            date: '2026-02-10',
            title: 'Pay supplier',
            type: 'payable',
            entity_type: 'payment',
            entity_id: '2',
          },
          {
            date: '2026-02-03',
            title: 'Invoice due',
            type: 'receivable',
            entity_type: 'payment',
            entity_id: '1',
          },
        ],
      }),
    );
    const days = screen.getAllByRole('time');
    expect(days.map((d) => d.textContent)).toEqual(['Feb 3, 2026', 'Feb 10, 2026']);
    expect(screen.getByText('Pay supplier')).toBeInTheDocument();
  });

  it('calendar with no events says nothing is due', () => {
    show('calendar', ready({ events: [] }));
    expect(screen.getByText('Nothing due.')).toBeInTheDocument();
  });

  it('notes show their own text, even before the figures arrive', () => {
    const { unmount } = show('notes', { status: 'loading' }, { text: 'Call the bank\non Monday' });
    expect(screen.getByText(/Call the bank/)).toBeInTheDocument();
    unmount();
    show('notes', ready({ text: '' }), { text: '' });
    expect(screen.getByText(/No notes yet/)).toBeInTheDocument();
  });
});
