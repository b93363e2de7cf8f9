import { humanize } from './format.ts';

const TONES: Record<string, string> = {
  posted: 'ok',
  paid: 'ok',
  approved: 'ok',
  available: 'ok',
  pending: 'warn',
  pending_approval: 'warn',
  reserved: 'warn',
  overdue: 'danger',
  rejected: 'danger',
  low_stock: 'danger',
  damaged: 'danger',
  cancelled: 'muted',
  discontinued: 'muted',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{label ?? humanize(status)}</span>;
}
