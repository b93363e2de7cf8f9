import type {
  Approval,
  Category,
  DataEntity,
  Material,
  Notification,
  Payment,
  Preferences,
  Transaction,
  User,
} from '@logi/contracts';
import { type QueryKey, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, toQuery } from './client.ts';

export interface TransactionFilters {
  type?: 'income' | 'expense' | undefined;
  status?: 'posted' | 'pending_approval' | 'rejected' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
export interface MaterialFilters {
  low_stock?: 'true' | undefined;
  q?: string | undefined;
}
export interface PaymentFilters {
  type?: 'payable' | 'receivable' | undefined;
  status?: 'pending' | 'paid' | 'cancelled' | undefined;
  overdue?: 'true' | undefined;
}
export type ApprovalFilter = 'pending' | 'approved' | 'rejected';

/** Query keys by entity: `all` is the prefix a `data.changed` or a mutation invalidates. */
export const queryKeys = {
  transactions: {
    all: ['transactions'] as const,
    list: (filters: TransactionFilters) => ['transactions', 'list', filters] as const,
  },
  materials: {
    all: ['materials'] as const,
    list: (filters: MaterialFilters) => ['materials', 'list', filters] as const,
  },
  payments: {
    all: ['payments'] as const,
    list: (filters: PaymentFilters) => ['payments', 'list', filters] as const,
  },
  approvals: {
    all: ['approvals'] as const,
    list: (status: ApprovalFilter) => ['approvals', 'list', status] as const,
  },
  budgets: { all: ['budgets'] as const },
  categories: { all: ['categories'] as const },
  users: { all: ['users'] as const },
  dashboards: { all: ['dashboards'] as const },
  notifications: {
    all: ['notifications'] as const,
    feed: ['notifications', 'feed'] as const,
    preferences: ['notifications', 'preferences'] as const,
  },
};

/** What to refetch when the server says an entity changed (dashboards read every business entity). */
export function keysForEntity(entity: DataEntity): QueryKey[] {
  const own: Record<DataEntity, QueryKey> = {
    transactions: queryKeys.transactions.all,
    materials: queryKeys.materials.all,
    payments: queryKeys.payments.all,
    budgets: queryKeys.budgets.all,
    approvals: queryKeys.approvals.all,
    categories: queryKeys.categories.all,
  };
  return [own[entity], queryKeys.dashboards.all];
}

type Page<K extends string, T> = { [P in K]: T[] } & { next_cursor: string | null };

// Contract types the list endpoints return (kept here so pages need not know the wire shapes).
export type TransactionPage = Page<'transactions', Transaction>;
export type MaterialPage = Page<'materials', Material>;
export type PaymentPage = Page<'payments', Payment>;
export type ApprovalPage = Page<'approvals', Approval>;
export interface Feed {
  notifications: Notification[];
  unread_count: number;
}

/** A cursor-paged list: each page holds its rows under `key`; `data` is every loaded row, in order. */
function useCursorList<K extends string, T>(
  key: K,
  queryKey: QueryKey,
  path: string,
  params: Record<string, string | undefined>,
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      api.get<Page<K, T>>(`${path}${toQuery({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    select: (data) => data.pages.flatMap((page: Record<K, T[]>) => page[key]),
  });
}

export const useTransactions = (filters: TransactionFilters) =>
  useCursorList<'transactions', Transaction>(
    'transactions',
    queryKeys.transactions.list(filters),
    '/transactions',
    {
      ...filters,
    },
  );

export const useMaterials = (filters: MaterialFilters) =>
  useCursorList<'materials', Material>('materials', queryKeys.materials.list(filters), '/materials', {
    ...filters,
  });

export const usePayments = (filters: PaymentFilters) =>
  useCursorList<'payments', Payment>('payments', queryKeys.payments.list(filters), '/payments', {
    ...filters,
  });

export const useApprovals = (status: ApprovalFilter) =>
  useCursorList<'approvals', Approval>('approvals', queryKeys.approvals.list(status), '/approvals', {
    status,
  });

export function useCategories() {
  return useQuery({
    queryKey: queryKeys.categories.all,
    queryFn: () => api.get<{ categories: Category[] }>('/categories'),
    select: (data) => data.categories,
    staleTime: 5 * 60_000,
  });
}

export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.users.all,
    queryFn: () => api.get<{ users: User[] }>('/users'),
    select: (data) => data.users,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useNotificationFeed(enabled = true) {
  return useQuery({
    queryKey: queryKeys.notifications.feed,
    queryFn: () => api.get<Feed>('/notifications?limit=50'),
    enabled,
  });
}

export function usePreferences(enabled = true) {
  return useQuery({
    queryKey: queryKeys.notifications.preferences,
    queryFn: () => api.get<Preferences>('/notifications/preferences'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
