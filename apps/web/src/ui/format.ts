const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Amounts arrive as decimal numbers with at most 2 decimals; they are only formatted here, at the edge. */
export function formatMoney(amount: number): string {
  return money.format(amount);
}

const day = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `2026-01-31` → `Jan 31, 2026` (calendar days carry no time zone). */
export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : day.format(date);
}

/** Today as `YYYY-MM-DD` in the user's own time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function humanize(value: string): string {
  const text = value.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
