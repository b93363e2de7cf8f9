import type { Dashboard, Period } from '@logi/contracts';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { ErrorState, Loading } from '../ui/States.tsx';
import { dashboardApi, useDashboardCache, useDashboards, useWidgetTypes } from './api.ts';
import { DashboardTabs, PANEL_ID, tabId } from './DashboardTabs.tsx';
import { DashboardView } from './DashboardView.tsx';
import { NewDashboardDialog } from './NewDashboardDialog.tsx';
import { FileProblem, readJsonFile } from './transfer.ts';
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
  const cache = useDashboardCache();
  const importInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);

  /** A dashboard exported here or elsewhere becomes a new dashboard of this user. */
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setImportError(null);
    try {
      const created = await dashboardApi.importJson(await readJsonFile(file));
      cache.put(created);
      select(created.id);
    } catch (err) {
      setImportError(err instanceof FileProblem ? err.message : errorMessage(err));
    } finally {
      setImporting(false);
      if (importInput.current) importInput.current.value = ''; // the same file can be chosen again
    }
  };

  return (
    <section className="page dashboards-page" aria-labelledby="dashboards-title">
      <header className="page-header">
        <h1 id="dashboards-title">Dashboards</h1>
        <div className="toolbar-group">
          <button
            type="button"
            className="btn"
            onClick={() => importInput.current?.click()}
            disabled={importing}
          >
            {importing ? 'Importing…' : 'Import…'}
          </button>
          <input
            ref={importInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Dashboard file to import"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New dashboard
          </button>
        </div>
      </header>
      {importError && (
        <p className="form-error" role="alert">
          Import failed: {importError}
        </p>
      )}

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
