import { PERIODS, type Period } from '@logi/contracts';
import { PERIOD_LABELS } from './layout.ts';

const REFRESH_CHOICES = [30, 60, 300, 900, 3600];

function refreshLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export function PeriodSelect({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <label className="toolbar-field">
      Period
      <select value={value} onChange={(e) => onChange(e.target.value as Period)}>
        {PERIODS.map((p) => (
          <option key={p} value={p}>
            {PERIOD_LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RefreshSelect({ value, onChange }: { value: number; onChange: (s: number) => void }) {
  const choices = REFRESH_CHOICES.includes(value)
    ? REFRESH_CHOICES
    : [...REFRESH_CHOICES, value].sort((a, b) => a - b);
  return (
    <label className="toolbar-field">
      Refresh every
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((s) => (
          <option key={s} value={s}>
            {refreshLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
