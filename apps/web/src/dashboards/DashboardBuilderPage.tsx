import type { Dashboard, Period } from '@logi/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../ui/States.tsx';
import { useDashboards, useWidgetTypes } from './api.ts';
import { DashboardTabs, PANEL_ID, tabId } from './DashboardTabs.tsx';
import { DashboardView } from './DashboardView.tsx';
import { NewDashboardDialog } from './NewDashboardDialog.tsx';
import './dashboards.css';

/** Which dashboard to show: the one in the address (so a reload stays put), else the default, else the first. */
function pick(dashboards: Dashboard[], id: string | null): Dashboard | undefined {
  return dashboards.find((d) => d.id === id) ?? dashboards.find((d) => d.is_default) ?? dashboards[0];
}

export default function DashboardBuilderPage() {
  const dashboards = useDashboards();
  const types = useWidgetTypes();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [period, setPeriod] = useState<Period>('all');
  const list = dashboards.data ?? [];
  const current = pick(list, params.get('id'));
  const select = (id: string) => setParams({ id }, { replace: true });

  return (
    <section className="page dashboards-page" aria-labelledby="dashboards-title">
      <header className="page-header">
        <h1 id="dashboards-title">Dashboards</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          New dashboard
        </button>
      </header>

      {dashboards.isPending ? (
        <Loading label="Loading dashboards…" />
      ) : dashboards.isError ? (
        <ErrorState error={dashboards.error} onRetry={() => void dashboards.refetch()} />
      ) : current ? (
        <>
          <DashboardTabs dashboards={list} selectedId={current.id} onSelect={select} />
          <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(current.id)} className="dashboard-panel">
            <DashboardView
              key={current.id}
              dashboard={current}
              types={types.data}
              period={period}
              onPeriodChange={setPeriod}
              onSelect={select}
              onDeleted={() => setParams({}, { replace: true })}
            />
          </div>
        </>
      ) : (
        <div className="dashboard-empty">
          <h2>No dashboards yet</h2>
          <p className="muted">
            Create one with “New dashboard”: start blank or from a template such as Executive Overview.
          </p>
        </div>
      )}

      {creating && (
        <NewDashboardDialog
          isFirst={list.length === 0}
          onCreated={(d) => {
            setCreating(false);
            select(d.id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </section>
  );
}
