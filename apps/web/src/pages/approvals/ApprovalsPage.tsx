import type { Approval } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDecideApproval } from '../../api/mutations.ts';
import { type ApprovalFilter, useApprovals } from '../../api/queries.ts';
import { FilterSelect } from '../../ui/Filters.tsx';
import { formatMoney } from '../../ui/format.ts';
import { type Column, PagedTable } from '../../ui/PagedTable.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { PageSection } from '../shared/PageSection.tsx';

const STATUS_LABEL: Record<ApprovalFilter, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
};

const COLUMNS: Column[] = ['Requested', 'Description', { label: 'Amount', numeric: true }, 'Status'];

export default function ApprovalsPage() {
  const [status, setStatus] = useState<ApprovalFilter>('pending');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApprovals(status);
  const decide = useDecideApproval();

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
    <PageSection id="approvals" title="Approvals" notice={notice}>
      <div className="filters">
        <FilterSelect
          label="Show"
          value={status}
          options={STATUS_LABEL}
          all={false}
          onChange={(next) => next && setStatus(next)}
        />
      </div>
      <PagedTable
        list={list}
        loadingLabel="Loading approvals…"
        empty={status === 'pending' ? 'Nothing is waiting for approval.' : `No ${status} approvals.`}
        columns={COLUMNS}
        actions
      >
        {(a) => {
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
        }}
      </PagedTable>
    </PageSection>
  );
}
