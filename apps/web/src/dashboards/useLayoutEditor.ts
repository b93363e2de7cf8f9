import type { Dashboard, Widget } from '@logi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { dashboardApi, dashboardKeys, useDashboardCache } from './api.ts';
import { sameGeometry, toLayoutInput } from './layout.ts';

export const SAVE_DELAY_MS = 600;
const MAX_UNDO = 20;

interface Draft {
  dashboardId: string;
  layout: Widget[];
}

export interface LayoutEditor {
  /** What the grid shows: the unsaved draft, else the server's layout. */
  layout: Widget[];
  /** A user change (drag, resize, keyboard): shown at once, saved after a quiet moment. */
  change: (next: Widget[]) => void;
  /** Remember the layout before a change made through another endpoint (add, remove), for undo. */
  record: (previous: Widget[]) => void;
  undo: () => void;
  canUndo: boolean;
  /** Sends a waiting save now; resolves once every save so far has finished. */
  flush: () => Promise<void>;
  saving: boolean;
  error: string | null;
  dismissError: () => void;
}

export function saveErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const details = Object.values(error.fieldErrors);
    if (details.length > 0) return `${error.detail} ${details.join(' ')}`;
  }
  return errorMessage(error);
}

/**
 * Layout edits of one dashboard: optimistic, debounced into one `PUT /layout` per change, serialised
 * (a save never overtakes an earlier one), skipped when the result equals what the server holds,
 * with an undo stack of earlier layouts.
 */
export function useLayoutEditor(dashboard: Dashboard, delayMs = SAVE_DELAY_MS): LayoutEditor {
  const queryClient = useQueryClient();
  const cache = useDashboardCache();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<{ dashboardId: string; stack: Widget[][] }>({
    dashboardId: dashboard.id,
    stack: [],
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ draft: Draft; timer: ReturnType<typeof setTimeout> } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const current = draft?.dashboardId === dashboard.id ? draft.layout : dashboard.layout;
  const currentRef = useRef(current);
  currentRef.current = current;

  const serverCopy = useCallback(
    (id: string) =>
      queryClient
        .getQueryData<{ dashboards: Dashboard[] }>(dashboardKeys.list)
        ?.dashboards.find((d) => d.id === id),
    [queryClient],
  );

  const send = useCallback(
    (next: Draft) => {
      const run = async () => {
        const server = serverCopy(next.dashboardId);
        const done = () => setDraft((d) => (d?.layout === next.layout ? null : d));
        if (server && sameGeometry(next.layout, server.layout)) return done();
        setSaving(true);
        try {
          const known = new Set(server?.layout.map((w) => w.widget_id) ?? []);
          cache.put(await dashboardApi.saveLayout(next.dashboardId, toLayoutInput(next.layout, known)));
          setError(null);
        } catch (err) {
          setError(saveErrorMessage(err));
        } finally {
          setSaving(false);
          done();
        }
      };
      queue.current = queue.current.then(run);
      return queue.current;
    },
    [cache, serverCopy],
  );

  const schedule = useCallback(
    (next: Draft) => {
      if (pending.current) clearTimeout(pending.current.timer);
      const timer = setTimeout(() => {
        pending.current = null;
        void send(next);
      }, delayMs);
      pending.current = { draft: next, timer };
    },
    [delayMs, send],
  );

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return queue.current;
    clearTimeout(waiting.timer);
    pending.current = null;
    return send(waiting.draft);
  }, [send]);

  const push = useCallback(
    (previous: Widget[]) =>
      setHistory((h) => ({
        dashboardId: dashboard.id,
        stack: [...(h.dashboardId === dashboard.id ? h.stack : []), previous].slice(-MAX_UNDO),
      })),
    [dashboard.id],
  );

  const change = useCallback(
    (next: Widget[]) => {
      const before = currentRef.current;
      if (sameGeometry(next, before)) return;
      push(before);
      const d = { dashboardId: dashboard.id, layout: next };
      setDraft(d);
      schedule(d);
    },
    [dashboard.id, push, schedule],
  );

  const stack = history.dashboardId === dashboard.id ? history.stack : [];
  const undo = useCallback(() => {
    const previous = stack.at(-1);
    if (!previous) return;
    setHistory({ dashboardId: dashboard.id, stack: stack.slice(0, -1) });
    const d = { dashboardId: dashboard.id, layout: previous };
    setDraft(d);
    schedule(d);
  }, [dashboard.id, schedule, stack]);

  // Leaving a dashboard (another tab, another page) saves what is waiting rather than dropping it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the dashboard changes on purpose
  useEffect(() => () => void flush(), [dashboard.id]);

  return {
    layout: current,
    change,
    record: push,
    undo,
    canUndo: stack.length > 0,
    flush,
    saving,
    error,
    dismissError: () => setError(null),
  };
}
