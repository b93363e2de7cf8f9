import type { Transaction } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDeleteTransaction } from '../../api/mutations.ts';
import { type TransactionFilters, useCategories, useTransactions } from '../../api/queries.ts';
import { formatDay, formatMoney } from '../../ui/format.ts';
import { ConfirmDialog, Modal } from '../../ui/Modal.tsx';
import { type Column, PagedTable } from '../../ui/PagedTable.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { PageSection } from '../shared/PageSection.tsx';
import { TransactionFilterBar } from './TransactionFilterBar.tsx';
import { TransactionForm } from './TransactionForm.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; transaction: Transaction }
  | { kind: 'delete'; transaction: Transaction };

const COLUMNS: Column[] = [
  'Date',
  'Description',
  'Category',
  'Type',
  { label: 'Amount', numeric: true },
  'Status',
];

export default function TransactionsPage() {
  const [filters, setFilters] = useState<TransactionFilters>({});
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useTransactions(filters);
  const categories = useCategories();
  const remove = useDeleteTransaction();
  const categoryName = (id: string) => categories.data?.find((c) => c.id === id)?.name ?? '—';

  const saved = (t: Transaction) => {
    setDialog(null);
    setNotice(
      t.status === 'pending_approval'
        ? `Transaction of ${formatMoney(t.amount)} saved and sent for approval; it counts once approved.`
        : `Transaction of ${formatMoney(t.amount)} saved.`,
    );
  };

  return (
    <PageSection
      id="transactions"
      title="Transactions"
      notice={notice}
      createLabel="New transaction"
      onCreate={() => setDialog({ kind: 'create' })}
    >
      <TransactionFilterBar value={filters} onChange={setFilters} />
      <PagedTable
        list={list}
        loadingLabel="Loading transactions…"
        empty="No transactions match. Create one with “New transaction”."
        columns={COLUMNS}
        actions
      >
        {(t) => (
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
        )}
      </PagedTable>

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
    </PageSection>
  );
}
