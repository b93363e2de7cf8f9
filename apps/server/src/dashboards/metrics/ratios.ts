import { fromCents } from '@logi/contracts';
import { budgetFigures, collectionFigures, percentOf } from './sources.ts';
import type { MetricFamily } from './types.ts';

/** Gauges: a percentage on a 0–100 dial (budget use may pass 100). */
export const gaugeMetrics: MetricFamily = {
  collection_rate: {
    label: 'Collection rate (receivables paid, by amount)',
    async compute(mc) {
      const { collected, billed } = await collectionFigures(mc);
      return { value: percentOf(collected, billed), min: 0, max: 100, format: 'percent' };
    },
  },
  budget_utilization: {
    label: 'Budget used',
    async compute(mc) {
      const { spent, budget } = await budgetFigures(mc);
      return { value: percentOf(spent, budget), min: 0, max: 100, format: 'percent' };
    },
  },
};

/** Progress rings: the amount reached against the amount aimed at. */
export const progressMetrics: MetricFamily = {
  budget_utilization: {
    label: 'Budget used (spent of budget)',
    async compute(mc) {
      const { spent, budget } = await budgetFigures(mc);
      return { value: fromCents(spent), max: fromCents(budget), format: 'currency' };
    },
  },
  collection_rate: {
    label: 'Collected of billed receivables',
    async compute(mc) {
      const { collected, billed } = await collectionFigures(mc);
      return { value: fromCents(collected), max: fromCents(billed), format: 'currency' };
    },
  },
};
