export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

/**
 * "Full jitter" exponential backoff: a random delay in [0, min(cap, base·2^attempt)). Spreading retries
 * keeps a restarted server from being hit by every client in the same instant.
 */
export function backoffDelay(attempt: number, { baseMs, capMs, random }: BackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
