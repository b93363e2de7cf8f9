import type { Approval } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDecideApproval } from '../../api/mutations.ts';
import { type ApprovalFilter, useApprovals } from '../../api/queries.ts';
import { formatMoney } from '../../ui/format.ts';
import { Empty, ErrorState, Loading, LoadMore } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

const STATUS_LABEL: Record<ApprovalFilter, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
};

export default function ApprovalsPage() {
  const [status, setStatus] = useState<ApprovalFilter>('pending');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApprovals(status);
  const decide = useDecideApproval();
  const rows = list.data?.pages.flatMap((p) => p.approvals) ?? [];

  const act = (a: Approval, decision: 'approve' | 'reject') =>
    decide.mutate(
      { id: a.id, decision },
      {
        onSuccess: () =>
          setNotice(`${formatMoney(a.amount)} ${decision === 'approve' ? 'approved' : 'rejected'}.`),
        onError: (error) => setNotice(errorMessage(error)),
      },
    );

  return (
    <section className="page" aria-labelledby="approvals-title">
      <header className="page-header">
        <h1 id="approvals-title">Approvals</h1>
      </header>
      {notice && <p className="notice">{notice}</p>}
      <div className="filters">
        <label>
          Show
          <select value={status} onChange={(e) => setStatus(e.target.value as ApprovalFilter)}>
            {Object.entries(STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {list.isPending ? (
        <Loading label="Loading approvals…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{status === 'pending' ? 'Nothing is waiting for approval.' : `No ${status} approvals.`}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">Description</th>
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
              {rows.map((a) => {
                const busy = decide.isPending && decide.variables?.id === a.id;
                return (
                  <tr key={a.id}>
                    <td>{new Date(a.created_at).toLocaleString()}</td>
                    <td>{a.description || '—'}</td>
                    <td className="num">{formatMoney(a.amount)}</td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="row-actions">
                      {a.status === 'pending' && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            disabled={busy}
                            onClick={() => act(a, 'approve')}
                          >
                            Approve
                          </button>
                          <button
                            type="button"
                            className="btn btn-small btn-danger-outline"
                            disabled={busy}
                            onClick={() => act(a, 'reject')}
                          >
                            Reject
                          </button>
                        </>
                      )}
                    </td>
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
    </section>
  );
}
