import type { Payment } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { usePayPayment } from '../../api/mutations.ts';
import { type PaymentFilters, usePayments } from '../../api/queries.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { FilterCheckbox, FilterSelect } from '../../ui/Filters.tsx';
import { formatDay, formatMoney, todayIso } from '../../ui/format.ts';
import { Modal } from '../../ui/Modal.tsx';
import { type Column, PagedTable } from '../../ui/PagedTable.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { PageSection } from '../shared/PageSection.tsx';
import { PaymentForm } from './PaymentForm.tsx';

export const isOverdue = (p: Payment, today: string) => p.status === 'pending' && p.due_date < today;

const TYPES = { payable: 'Payable', receivable: 'Receivable' } as const;
const STATUSES = { pending: 'Pending', paid: 'Paid', cancelled: 'Cancelled' } as const;
const COLUMNS: Column[] = [
  'Due',
  'Reference',
  'Description',
  'Type',
  { label: 'Amount', numeric: true },
  'Status',
];

export default function PaymentsPage() {
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const [filters, setFilters] = useState<PaymentFilters>({});
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePayments(filters);
  const pay = usePayPayment();
  const today = todayIso();

  const markPaid = (p: Payment) =>
    pay.mutate(p.id, {
      onSuccess: () => setNotice(`Payment ${p.reference || formatMoney(p.amount)} marked paid.`),
      onError: (error) => setNotice(errorMessage(error)),
    });

  return (
    <PageSection
      id="payments"
      title="Payments"
      notice={notice}
      createLabel="New payment"
      onCreate={isAdmin ? () => setCreating(true) : undefined}
    >
      <fieldset className="filters">
        <legend className="sr-only">Filter payments</legend>
        <FilterSelect
          label="Type"
          value={filters.type}
          options={TYPES}
          onChange={(type) => setFilters({ ...filters, type })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          options={STATUSES}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <FilterCheckbox
          label="Overdue only"
          checked={filters.overdue === 'true'}
          onChange={(checked) => setFilters({ ...filters, overdue: checked ? 'true' : undefined })}
        />
      </fieldset>
      <PagedTable
        list={list}
        loadingLabel="Loading payments…"
        empty={isAdmin ? 'No payments match. Create one with “New payment”.' : 'No payments involve you yet.'}
        columns={COLUMNS}
        actions={isAdmin}
      >
        {(p) => {
          const overdue = isOverdue(p, today);
          return (
            <tr key={p.id} className={overdue ? 'row-alert' : undefined}>
              <td>{formatDay(p.due_date)}</td>
              <td>{p.reference || '—'}</td>
              <td>{p.description || '—'}</td>
              <td>{p.type === 'payable' ? 'Payable' : 'Receivable'}</td>
              <td className="num">{formatMoney(p.amount)}</td>
              <td>
                {overdue ? <StatusBadge status="overdue" /> : <StatusBadge status={p.status} />}
                {p.paid_date && <span className="muted small"> on {formatDay(p.paid_date)}</span>}
              </td>
              {isAdmin && (
                <td className="row-actions">
                  {p.status === 'pending' && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={pay.isPending && pay.variables === p.id}
                      onClick={() => markPaid(p)}
                    >
                      Mark paid
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        }}
      </PagedTable>

      {creating && (
        <Modal title="New payment" onClose={() => setCreating(false)}>
          <PaymentForm
            onCancel={() => setCreating(false)}
            onDone={(p) => {
              setCreating(false);
              setNotice(`Payment of ${formatMoney(p.amount)} due ${formatDay(p.due_date)} created.`);
            }}
          />
        </Modal>
      )}
    </PageSection>
  );
}
