import type { Transaction } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDeleteTransaction } from '../../api/mutations.ts';
import { type TransactionFilters, useCategories, useTransactions } from '../../api/queries.ts';
import { formatDay, formatMoney } from '../../ui/format.ts';
import { ConfirmDialog, Modal } from '../../ui/Modal.tsx';
import { Empty, ErrorState, Loading, LoadMore } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TransactionFilterBar } from './TransactionFilterBar.tsx';
import { TransactionForm } from './TransactionForm.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; transaction: Transaction }
  | { kind: 'delete'; transaction: Transaction };

export default function TransactionsPage() {
  const [filters, setFilters] = useState<TransactionFilters>({});
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useTransactions(filters);
  const categories = useCategories();
  const remove = useDeleteTransaction();
  const categoryName = (id: string) => categories.data?.find((c) => c.id === id)?.name ?? '—';
  const rows = list.data?.pages.flatMap((p) => p.transactions) ?? [];

  const saved = (t: Transaction) => {
    setDialog(null);
    setNotice(
      t.status === 'pending_approval'
        ? `Transaction of ${formatMoney(t.amount)} saved and sent for approval; it counts once approved.`
        : `Transaction of ${formatMoney(t.amount)} saved.`,
    );
  };

  return (
    <section className="page" aria-labelledby="transactions-title">
      <header className="page-header">
        <h1 id="transactions-title">Transactions</h1>
        <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'create' })}>
          New transaction
        </button>
      </header>
      {notice && <p className="notice">{notice}</p>}
      <TransactionFilterBar value={filters} onChange={setFilters} />

      {list.isPending ? (
        <Loading label="Loading transactions…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No transactions match. Create one with “New transaction”.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Description</th>
                <th scope="col">Category</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id}>
                  <td>{formatDay(t.date)}</td>
                  <td>{t.description || '—'}</td>
                  <td>{categoryName(t.category_id)}</td>
                  <td>{t.type === 'income' ? 'Income' : 'Expense'}</td>
                  <td className={`num amount-${t.type}`}>{formatMoney(t.amount)}</td>
                  <td>
                    <StatusBadge status={t.status} />
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setDialog({ kind: 'edit', transaction: t })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger-outline"
                      onClick={() => {
                        remove.reset();
                        setDialog({ kind: 'delete', transaction: t });
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />

      {dialog?.kind === 'create' && (
        <Modal title="New transaction" onClose={() => setDialog(null)}>
          <TransactionForm onDone={saved} onCancel={() => setDialog(null)} />
        </Modal>
      )}
      {dialog?.kind === 'edit' && (
        <Modal title="Edit transaction" onClose={() => setDialog(null)}>
          <TransactionForm transaction={dialog.transaction} onDone={saved} onCancel={() => setDialog(null)} />
        </Modal>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete transaction?"
          message={`${formatMoney(dialog.transaction.amount)} on ${formatDay(dialog.transaction.date)}${
            dialog.transaction.description ? ` (${dialog.transaction.description})` : ''
          } will be removed for good.`}
          confirmLabel="Delete"
          pending={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            remove.mutate(dialog.transaction.id, {
              onSuccess: () => {
                setDialog(null);
                setNotice('Transaction deleted.');
              },
            })
          }
        />
      )}
    </section>
  );
}
