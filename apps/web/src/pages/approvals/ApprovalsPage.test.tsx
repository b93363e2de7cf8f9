import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fakeApi.ts';
import { renderWithApp, signIn } from '../../test/render.tsx';
import ApprovalsPage from './ApprovalsPage.tsx';

const approval = (id: string, description: string) => ({
  id,
  transaction_id: `t-${id}`,
  status: 'pending',
  requested_by: 'u-admin',
  decided_by: null,
  created_at: '2026-01-31T10:00:00.000Z',
  decided_at: null,
  amount: 12000,
  description,
});

describe('ApprovalsPage', () => {
  beforeEach(() => signIn());

  it('pages through the list with "Load more", keeping the rows already shown', async () => {
    const calls = fakeApi({
      'GET /api/v1/approvals?status=pending&limit=50': {
        body: { approvals: [approval('a1', 'New forklift')], next_cursor: 'c1' },
      },
      'GET /api/v1/approvals?status=pending&limit=50&cursor=c1': {
        body: { approvals: [approval('a2', 'Roof repair')], next_cursor: null },
      },
    });
    renderWithApp(<ApprovalsPage />);

    expect(await screen.findByRole('cell', { name: 'New forklift' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('cell', { name: 'Roof repair' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'New forklift' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(calls.map((c) => c.path).filter((path) => path.startsWith('/api/v1/approvals'))).toEqual([
      '/api/v1/approvals?status=pending&limit=50',
      '/api/v1/approvals?status=pending&limit=50&cursor=c1',
    ]);
  });

  it('says when nothing is waiting', async () => {
    fakeApi({
      'GET /api/v1/approvals?status=pending&limit=50': { body: { approvals: [], next_cursor: null } },
    });
    renderWithApp(<ApprovalsPage />);
    expect(await screen.findByText('Nothing is waiting for approval.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Show' })).toHaveValue('pending');
  });
});
