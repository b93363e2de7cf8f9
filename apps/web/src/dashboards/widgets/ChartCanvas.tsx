import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart,
  type ChartOptions,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { formatCompact } from '../format.ts';
import type { ChartSpec } from './chartData.ts';

// Only the pieces these four charts use, so the lazily loaded chunk stays small.
Chart.register(
  ArcElement,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
);

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The chart.js canvas; loaded on demand (default export for React.lazy). */
export default function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const text = themeColour('--text-muted', '#5b6475');
  const grid = themeColour('--border', '#e2e6ef');
  const data = { labels: spec.labels, datasets: spec.datasets };
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    color: text,
  } as const;

  if (spec.kind === 'donut') {
    const options: ChartOptions<'doughnut'> = {
      ...common,
      cutout: '60%',
      plugins: { legend: { position: 'right', labels: { color: text, boxWidth: 12 } } },
    };
    return <Doughnut data={data} options={options} aria-hidden="true" />;
  }

  const scales = {
    x: { ticks: { color: text }, grid: { color: grid } },
    y: {
      ticks: { color: text, callback: (v: string | number) => formatCompact(Number(v)) },
      grid: { color: grid },
    },
  };
  const legend = { display: spec.datasets.length > 1, labels: { color: text, boxWidth: 12 } };
  if (spec.kind === 'bar') {
    const options: ChartOptions<'bar'> = { ...common, scales, plugins: { legend } };
    return <Bar data={data} options={options} aria-hidden="true" />;
  }
  const options: ChartOptions<'line'> = { ...common, scales, plugins: { legend } };
  return <Line data={data} options={options} aria-hidden="true" />;
}
