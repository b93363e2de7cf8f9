import { describe, expect, it } from 'vitest';
import { donutSpec, PALETTE, seriesSpec } from './chartData.ts';

describe('chart data mapping', () => {
  it('maps each dataset to a coloured series; area charts are filled', () => {
    const spec = seriesSpec('area', {
      labels: ['Jan', 'Feb'],
      datasets: [
        { label: 'Income', data: [1, 2] },
        { label: 'Expense', data: [3, 4] },
      ],
    });
    expect(spec.empty).toBe(false);
    expect(spec.labels).toEqual(['Jan', 'Feb']);
    expect(spec.datasets.map((d) => [d.label, d.data, d.fill, d.borderColor])).toEqual([
      ['Income', [1, 2], true, PALETTE[0]],
      ['Expense', [3, 4], true, PALETTE[1]],
    ]);
    expect(spec.summary).toBe('Income: Jan 1, Feb 2; Expense: Jan 3, Feb 4');
  });

  it('bar charts use solid colours and are not filled', () => {
    const [ds] = seriesSpec('bar', { labels: ['A'], datasets: [{ label: 'Qty', data: [5] }] }).datasets;
    expect(ds).toMatchObject({ fill: false, backgroundColor: PALETTE[0] });
  });

  it('is empty without labels', () => {
    expect(seriesSpec('line', { labels: [], datasets: [{ label: 'x', data: [] }] }).empty).toBe(true);
  });

  it('donut gives one colour per slice and is empty when every slice is zero', () => {
    const spec = donutSpec({ labels: ['A', 'B'], data: [1, 2] });
    expect(spec.datasets[0]?.backgroundColor).toEqual([PALETTE[0], PALETTE[1]]);
    expect(spec.summary).toBe('A 1, B 2');
    expect(donutSpec({ labels: ['A'], data: [0] }).empty).toBe(true);
  });
});
