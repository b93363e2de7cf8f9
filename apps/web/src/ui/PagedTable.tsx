import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading, LoadMore } from './States.tsx';

/** What a cursor-paged list query (`useInfiniteQuery` with rows selected flat) offers a table. */
export interface PagedList<T> {
  data: T[] | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** A column header: its text, and `numeric` for right-aligned figures. */
export type Column = string | { label: string; numeric: true };

interface Props<T> {
  list: PagedList<T>;
  loadingLabel: string;
  /** Shown instead of the table when the list has no rows. */
  empty: ReactNode;
  columns: readonly Column[];
  /** Adds a last column, titled for screen readers only, for the row buttons. */
  actions?: boolean;
  /** One `<tr>` per row. */
  children: (row: T) => ReactNode;
}

/** Loading, error (with retry) and empty states around a table of rows, and the "Load more" pager below. */
export function PagedTable<T>({ list, loadingLabel, empty, columns, actions = false, children }: Props<T>) {
  const rows = list.data ?? [];
  return (
    <>
      {list.isPending ? (
        <Loading label={loadingLabel} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {columns.map((column) =>
                  typeof column === 'string' ? (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ) : (
                    <th key={column.label} scope="col" className="num">
                      {column.label}
                    </th>
                  ),
                )}
                {actions && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>{rows.map(children)}</tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </>
  );
}
