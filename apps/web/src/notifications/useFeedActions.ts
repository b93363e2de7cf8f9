import type { UnreadCount } from '@logi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { type Feed, queryKeys } from '../api/queries.ts';
import { clearFeedCache, markReadInCache } from './feedCache.ts';

/**
 * Read/clear actions: the cache changes at once (optimistic), the server is told, and a failure puts the
 * previous feed back. The server then tells our other tabs.
 */
export function useFeedActions() {
  const queryClient = useQueryClient();
  const key = queryKeys.notifications.feed;

  const optimistic = <V, R>(apply: (vars: V) => void, call: (vars: V) => Promise<R>) => ({
    mutationFn: call,
    onMutate: async (vars: V) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Feed>(key);
      apply(vars);
      return { previous };
    },
    onError: (_error: unknown, _vars: V, context: { previous: Feed | undefined } | undefined) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
  });

  // The server answers with the true unread figure (it counts beyond the first page): take it.
  const settleCount = (answer: Partial<UnreadCount> | undefined) => {
    const count = answer?.unread_count;
    if (typeof count === 'number') {
      queryClient.setQueryData<Feed>(key, (feed) => (feed ? { ...feed, unread_count: count } : feed));
    }
  };

  const markRead = useMutation({
    ...optimistic(
      (id: string) => markReadInCache(queryClient, [id]),
      (id: string) =>
        api.post<Partial<UnreadCount> | undefined>(`/notifications/${encodeURIComponent(id)}/read`),
    ),
    onSuccess: settleCount,
  });
  const markAllRead = useMutation({
    ...optimistic(
      (_: undefined) => markReadInCache(queryClient, 'all'),
      () => api.post<Partial<UnreadCount> | undefined>('/notifications/read-all'),
    ),
    onSuccess: settleCount,
  });
  const clear = useMutation(
    optimistic(
      (_: undefined) => clearFeedCache(queryClient),
      () => api.del('/notifications'),
    ),
  );

  return {
    markRead: (id: string) => markRead.mutate(id),
    markAllRead: () => markAllRead.mutate(undefined),
    clear: () => clear.mutate(undefined),
  };
}
