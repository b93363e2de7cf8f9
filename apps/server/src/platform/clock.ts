/** The one source of "now" for the server, injectable so trends and the scheduler can be tested. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export function fixedClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const isoMonth = (d: Date): string => d.toISOString().slice(0, 7);
export const isoTimestamp = (d: Date): string => d.toISOString();
