import type { Period } from '@logi/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorState, Loading } from '../ui/States.tsx';
import { useSharedDashboard, useSharedData } from './api.ts';
import { DashboardGrid } from './DashboardGrid.tsx';
import { PeriodSelect } from './DashboardToolbar.tsx';
import { useWidgetDataOf } from './useWidgetData.ts';
import './dashboards.css';

/** The public, read-only view of a shared dashboard: no sign-in, no editing. */
export default function SharedDashboardPage() {
  const { token = '' } = useParams();
  const [period, setPeriod] = useState<Period>('all');
  const dashboard = useSharedDashboard(token);
  const refresh = dashboard.data?.refresh_interval ?? 60;
  const data = useSharedData(token, period, refresh, dashboard.isSuccess);
  const dataOf = useWidgetDataOf(data);

  if (dashboard.isPending)
    return (
      <main className="content public-page">
        <Loading label="Loading the shared dashboard…" />
      </main>
    );
  // A revoked, expired or unknown link answers 404; it has to say so plainly.
  if (dashboard.isError)
    return (
      <main className="content public-page shared-gone">
        {dashboard.error instanceof ApiError && dashboard.error.status === 404 ? (
          <>
            <h1>This dashboard is no longer shared</h1>
            <p className="muted">
              The link was revoked, has expired or was mistyped. Ask its owner for a new one.
            </p>
          </>
        ) : (
          <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        )}
      </main>
    );

  // A link revoked while the page is open: the data request starts failing with 404 too.
  const revoked = data.error instanceof ApiError && data.error.status === 404;
  return (
    <main className="content public-page shared-dashboard">
      <header className="page-header">
        <h1>{dashboard.data.name}</h1>
        <PeriodSelect value={period} onChange={setPeriod} />
      </header>
      {revoked ? (
        <h2>This dashboard is no longer shared</h2>
      ) : (
        <DashboardGrid widgets={dashboard.data.layout} dataOf={dataOf} />
      )}
      <p className="muted small shared-footer">Read-only view from LogiAccounting Pro.</p>
    </main>
  );
}
