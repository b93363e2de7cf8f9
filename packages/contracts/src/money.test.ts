import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCents, MAX_AMOUNT, Money, toCents } from './money.ts';

describe('money at the edge', () => {
  it('turns decimal amounts into exact integer cents', () => {
    expect(toCents(1234.5)).toBe(123_450);
    expect(toCents(0.1)).toBe(10);
    expect(toCents(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(toCents(19.99)).toBe(1999);
    expect(toCents(MAX_AMOUNT)).toBe(MAX_AMOUNT * 100);
  });

  it('refuses more than two decimals, negatives, NaN, infinities and amounts past 10^13', () => {
    for (const bad of [1.234, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_AMOUNT + 1, 1e-7]) {
      expect(toCents(bad)).toBeNull();
      expect(Money.safeParse(bad).success).toBe(false);
    }
  });

  it('round-trips every cent value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT * 100 }), (cents) => {
        expect(toCents(fromCents(cents))).toBe(cents);
      }),
    );
  });
});
