import { useCallback } from 'react';
import { errorMessage } from '../api/client.ts';
import type { DashboardDataResponse } from './api.ts';
import type { WidgetDataState } from './widgets/data.ts';

interface DataQuery {
  data: DashboardDataResponse | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
}

/** Per-widget view of the dashboard's single data request. */
export function useWidgetDataOf(query: DataQuery): (widgetId: string) => WidgetDataState {
  const { data, error, isPending, isFetching } = query;
  return useCallback(
    (widgetId: string): WidgetDataState => {
      if (data) {
        if (widgetId in data.widgets) return { status: 'ready', data: data.widgets[widgetId] };
        // A widget added a moment ago: its figures come with the refetch that is under way.
        if (isFetching) return { status: 'loading' };
        return { status: 'error', message: 'No figures for this widget yet.' };
      }
      if (isPending && !error) return { status: 'loading' };
      return { status: 'error', message: errorMessage(error) };
    },
    [data, error, isPending, isFetching],
  );
}
