import type { TransactionFilters } from '../../api/queries.ts';

interface Props {
  value: TransactionFilters;
  onChange: (next: TransactionFilters) => void;
}

export function TransactionFilterBar({ value, onChange }: Props) {
  const set = (patch: TransactionFilters) => onChange({ ...value, ...patch });
  const empty = !value.type && !value.status && !value.from && !value.to;
  return (
    <fieldset className="filters">
      <legend className="sr-only">Filter transactions</legend>
      <label>
        Type
        <select
          value={value.type ?? ''}
          onChange={(e) => set({ type: (e.target.value || undefined) as TransactionFilters['type'] })}
        >
          <option value="">All</option>
          <option value="income">Income</option>
          <option value="expense">Expense</option>
        </select>
      </label>
      <label>
        Status
        <select
          value={value.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as TransactionFilters['status'] })}
        >
          <option value="">All</option>
          <option value="posted">Posted</option>
          <option value="pending_approval">Pending approval</option>
          <option value="rejected">Rejected</option>
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          value={value.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={value.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
      <button type="button" className="btn btn-small" disabled={empty} onClick={() => onChange({})}>
        Reset filters
      </button>
    </fieldset>
  );
}
