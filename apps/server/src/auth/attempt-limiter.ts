import { AppError } from '../platform/errors.ts';

/**
 * Fixed-window counter of failed sign-ins per key (here: the email being signed in to).
 * @fastify/rate-limit runs only one
 * limiter per request, and it already guards the client address; this one stops an attacker who
 * rotates addresses against one account.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 while the key has used up its window of failures. */
  check(key: string): void {
    const current = this.windows.get(key);
    if (current && current.resetAt > this.now() && current.count >= this.max) {
      throw new AppError(429, 'Too many sign-in attempts for this account. Wait a minute and try again.');
    }
  }

  /** Counts a failed attempt; successful sign-ins never lock anyone out. */
  fail(key: string): void {
    const now = this.now();
    if (this.windows.size > 10_000) this.sweep(now);
    const current = this.windows.get(key);
    if (!current || current.resetAt <= now) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    else current.count += 1;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
