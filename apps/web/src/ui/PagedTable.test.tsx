import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type PagedList, PagedTable } from './PagedTable.tsx';

type Row = { id: string; name: string; amount: number };

function list(overrides: Partial<PagedList<Row>> = {}): PagedList<Row> {
  return {
    data: [],
    isPending: false,
    isError: false,
    error: null,
    refetch: vi.fn(async () => undefined),
    hasNextPage: false,
    isFetchingNextPage: false,
    fetchNextPage: vi.fn(async () => undefined),
    ...overrides,
  };
}

function renderTable(l: PagedList<Row>, actions = false) {
  return render(
    <PagedTable
      list={l}
      loadingLabel="Loading rows…"
      empty="Nothing here."
      columns={['Name', { label: 'Amount', numeric: true }]}
      actions={actions}
    >
      {(row) => (
        <tr key={row.id}>
          <td>{row.name}</td>
          <td className="num">{row.amount}</td>
          {actions && <td />}
        </tr>
      )}
    </PagedTable>,
  );
}

describe('PagedTable', () => {
  it('says it is loading while the first page is on its way', () => {
    renderTable(list({ isPending: true, data: undefined }));
    expect(screen.getByText('Loading rows…')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error with a retry that refetches', async () => {
    const l = list({ isError: true, error: new Error('boom'), data: undefined });
    renderTable(l);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(l.refetch).toHaveBeenCalledOnce();
  });

  it('shows the empty message when there are no rows', () => {
    renderTable(list());
    expect(screen.getByText('Nothing here.')).toHaveClass('state-empty');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('renders the headers (numeric ones aligned, actions for screen readers only) and one row each', () => {
    renderTable(
      list({
        data: [
          { id: 'a', name: 'Alpha', amount: 1 },
          { id: 'b', name: 'Beta', amount: 2 },
        ],
      }),
      true,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Amount', 'Actions']);
    expect(headers[1]).toHaveClass('num');
    expect(within(headers[2] as HTMLElement).getByText('Actions')).toHaveClass('sr-only');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('leaves out the actions header unless asked', () => {
    renderTable(list({ data: [{ id: 'a', name: 'Alpha', amount: 1 }] }));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Amount']);
  });

  it('offers "Load more" while there is a next page, and disables it while fetching', async () => {
    const l = list({ data: [{ id: 'a', name: 'Alpha', amount: 1 }], hasNextPage: true });
    const { rerender } = renderTable(l);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(l.fetchNextPage).toHaveBeenCalledOnce();

    rerender(
      <PagedTable list={{ ...l, isFetchingNextPage: true }} loadingLabel="" empty="" columns={['Name']}>
        {(row) => (
          <tr key={row.id}>
            <td>{row.name}</td>
          </tr>
        )}
      </PagedTable>,
    );
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
  });
});
