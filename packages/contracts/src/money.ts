import { z } from 'zod';

/**
 * Money crosses the API as a decimal number with at most two decimals and lives everywhere else as
 * integer cents. Conversion goes through the decimal string so no float arithmetic touches an amount.
 */
export const MAX_AMOUNT = 10_000_000_000_000; // 10^13 currency units
export const MAX_CENTS = MAX_AMOUNT * 100; // 10^15 < 2^53: still an exact integer

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Cents for a JSON amount, or null when it has more than two decimals or is not a plain non-negative number. */
export function toCents(amount: number): number | null {
  if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) return null;
  const match = DECIMAL.exec(String(amount));
  if (!match) return null;
  const units = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return units * 100 + fraction;
}

/** The JSON amount for integer cents (exact for every value below MAX_CENTS). */
export function fromCents(cents: number): number {
  return cents / 100;
}

export const Money = z
  .number({ error: 'Enter an amount as a number, like 1234.50.' })
  .refine((n) => Number.isFinite(n), 'The amount must be a finite number.')
  .refine((n) => n >= 0, 'The amount cannot be negative.')
  .refine((n) => n <= MAX_AMOUNT, 'The amount is too large (at most 10,000,000,000,000).')
  .refine((n) => toCents(n) !== null, 'Use at most two decimals, like 1234.50.')
  .describe('Decimal amount with at most 2 decimals');

export const PositiveMoney = Money.refine((n) => n > 0, 'The amount must be greater than zero.');
