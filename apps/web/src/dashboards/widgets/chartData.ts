import { formatValue } from '../format.ts';
import type { ChartValue, DonutValue } from './data.ts';

export type ChartKind = 'line' | 'bar' | 'area' | 'donut';

export const PALETTE = [
  '#667eea',
  '#10b981',
  '#f59e0b',
  '#ef4444',
  '#8b5cf6',
  '#06b6d4',
  '#ec4899',
  '#84cc16',
];

export interface ChartDataset {
  label: string;
  data: number[];
  borderColor: string | string[];
  backgroundColor: string | string[];
  fill: boolean;
  tension: number;
  borderWidth: number;
  pointRadius?: number;
}

/** What the lazily loaded canvas draws, already mapped from the widget data (tested without a canvas). */
export interface ChartSpec {
  kind: ChartKind;
  labels: string[];
  datasets: ChartDataset[];
  /** Nothing worth drawing: show the empty state instead of blank axes. */
  empty: boolean;
  /** The figures in words, for screen readers (a canvas says nothing). */
  summary: string;
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const colour = (i: number) => PALETTE[i % PALETTE.length] ?? '#667eea';

function describe(labels: readonly string[], values: readonly number[]): string {
  const shown = labels.slice(0, 12).map((l, i) => `${l} ${formatValue(values[i] ?? 0)}`);
  return shown.join(', ') + (labels.length > 12 ? `, and ${labels.length - 12} more` : '');
}

export function seriesSpec(kind: Exclude<ChartKind, 'donut'>, value: ChartValue): ChartSpec {
  const datasets = value.datasets.map((ds, i) => ({
    label: ds.label,
    data: ds.data,
    borderColor: colour(i),
    backgroundColor: kind === 'bar' ? colour(i) : withAlpha(colour(i), kind === 'area' ? 0.25 : 0.1),
    fill: kind === 'area',
    tension: kind === 'bar' ? 0 : 0.35,
    borderWidth: 2,
    pointRadius: kind === 'bar' ? 0 : 2,
  }));
  const empty = value.labels.length === 0 || datasets.every((ds) => ds.data.length === 0);
  const summary = value.datasets.map((ds) => `${ds.label}: ${describe(value.labels, ds.data)}`).join('; ');
  return { kind, labels: value.labels, datasets, empty, summary };
}

export function donutSpec(value: DonutValue): ChartSpec {
  const colours = value.labels.map((_, i) => colour(i));
  const empty = value.data.length === 0 || value.data.every((v) => v === 0);
  return {
    kind: 'donut',
    labels: value.labels,
    datasets: [
      {
        label: 'Share',
        data: value.data,
        borderColor: colours,
        backgroundColor: colours,
        fill: false,
        tension: 0,
        borderWidth: 0,
      },
    ],
    empty,
    summary: describe(value.labels, value.data),
  };
}
