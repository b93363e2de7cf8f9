import type { Payment } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { usePayPayment } from '../../api/mutations.ts';
import { type PaymentFilters, usePayments } from '../../api/queries.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { formatDay, formatMoney, todayIso } from '../../ui/format.ts';
import { Modal } from '../../ui/Modal.tsx';
import { Empty, ErrorState, Loading, LoadMore } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { PaymentForm } from './PaymentForm.tsx';

export const isOverdue = (p: Payment, today: string) => p.status === 'pending' && p.due_date < today;

export default function PaymentsPage() {
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const [filters, setFilters] = useState<PaymentFilters>({});
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePayments(filters);
  const pay = usePayPayment();
  const today = todayIso();
  const rows = list.data?.pages.flatMap((p) => p.payments) ?? [];

  const markPaid = (p: Payment) =>
    pay.mutate(p.id, {
      onSuccess: () => setNotice(`Payment ${p.reference || formatMoney(p.amount)} marked paid.`),
      onError: (error) => setNotice(errorMessage(error)),
    });

  return (
    <section className="page" aria-labelledby="payments-title">
      <header className="page-header">
        <h1 id="payments-title">Payments</h1>
        {isAdmin && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New payment
          </button>
        )}
      </header>
      {notice && <p className="notice">{notice}</p>}
      <fieldset className="filters">
        <legend className="sr-only">Filter payments</legend>
        <label>
          Type
          <select
            value={filters.type ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, type: (e.target.value || undefined) as PaymentFilters['type'] })
            }
          >
            <option value="">All</option>
            <option value="payable">Payable</option>
            <option value="receivable">Receivable</option>
          </select>
        </label>
        <label>
          Status
          <select
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, status: (e.target.value || undefined) as PaymentFilters['status'] })
            }
          >
            <option value="">All</option>
            <option value="pending">Pending</option>
            <option value="paid">Paid</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => setFilters({ ...filters, overdue: e.target.checked ? 'true' : undefined })}
          />
          Overdue only
        </label>
      </fieldset>

      {list.isPending ? (
        <Loading label="Loading payments…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          {isAdmin ? 'No payments match. Create one with “New payment”.' : 'No payments involve you yet.'}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Reference</th>
                <th scope="col">Description</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
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
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />

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
    </section>
  );
}
