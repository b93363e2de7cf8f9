import type { TransactionFilters } from '../../api/queries.ts';
import { FilterDate, FilterSelect } from '../../ui/Filters.tsx';

interface Props {
  value: TransactionFilters;
  onChange: (next: TransactionFilters) => void;
}

const TYPES = { income: 'Income', expense: 'Expense' } as const;
const STATUSES = { posted: 'Posted', pending_approval: 'Pending approval', rejected: 'Rejected' } as const;

export function TransactionFilterBar({ value, onChange }: Props) {
  const set = (patch: TransactionFilters) => onChange({ ...value, ...patch });
  const empty = !value.type && !value.status && !value.from && !value.to;
  return (
    <fieldset className="filters">
      <legend className="sr-only">Filter transactions</legend>
      <FilterSelect label="Type" value={value.type} options={TYPES} onChange={(type) => set({ type })} />
      <FilterSelect
        label="Status"
        value={value.status}
        options={STATUSES}
        onChange={(status) => set({ status })}
      />
      <FilterDate label="From" value={value.from} onChange={(from) => set({ from })} />
      <FilterDate label="To" value={value.to} onChange={(to) => set({ to })} />
      <button type="button" className="btn btn-small" disabled={empty} onClick={() => onChange({})}>
        Reset filters
      </button>
    </fieldset>
  );
}
