import type { Dashboard, Period, Widget, WidgetConfig, WidgetType } from '@logi/contracts';
import { MAX_WIDGETS } from '@logi/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { ConfirmDialog, Modal } from '../ui/Modal.tsx';
import { ErrorState, Loading } from '../ui/States.tsx';
import { AddWidgetDialog } from './AddWidgetDialog.tsx';
import {
  dashboardApi,
  type TypeBounds,
  useDashboardCache,
  useDashboardData,
  useDashboardMutation,
  useMetrics,
} from './api.ts';
import { DashboardGrid } from './DashboardGrid.tsx';
import { PeriodSelect, RefreshSelect } from './DashboardToolbar.tsx';
import { PlusIcon } from './icons.tsx';
import { boundsOf, defaultSize, firstFreeSpot, widgetTitle } from './layout.ts';
import { RenameDialog } from './RenameDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { downloadJson, exportFileName } from './transfer.ts';
import { saveErrorMessage, useLayoutEditor } from './useLayoutEditor.ts';
import { useWidgetDataOf } from './useWidgetData.ts';
import { WidgetConfigForm } from './WidgetConfigForm.tsx';

type Dialog = { kind: 'add' | 'share' | 'rename' | 'delete' } | { kind: 'configure'; widget: Widget } | null;

interface Props {
  dashboard: Dashboard;
  types: Partial<Record<WidgetType, TypeBounds>> | undefined;
  period: Period;
  onPeriodChange: (period: Period) => void;
  onSelect: (id: string) => void;
  onDeleted: (id: string) => void;
}

/** One dashboard: its toolbar, its grid and the dialogs that change it. */
export function DashboardView({ dashboard, types, period, onPeriodChange, onSelect, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const cache = useDashboardCache();
  const editor = useLayoutEditor(dashboard);
  const data = useDashboardData(dashboard.id, period, dashboard.refresh_interval);
  const dataOf = useWidgetDataOf(data);
  const update = useDashboardMutation((body: { is_default?: boolean; refresh_interval?: number }) =>
    dashboardApi.update(dashboard.id, body),
  );

  /** Runs a change after any waiting layout save, so the two never overwrite each other. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await editor.flush();
      await action();
      return true;
    } catch (err) {
      setActionError(saveErrorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const addWidget = (type: WidgetType, config: WidgetConfig) =>
    void run(async () => {
      const before = editor.layout;
      const size = defaultSize(type, boundsOf(type, types));
      const spot = firstFreeSpot(before, size.w, size.h);
      cache.put(await dashboardApi.addWidget(dashboard.id, { type, ...spot, ...size, config }));
      editor.record(before);
      setDialog(null);
      void cache.refreshData(dashboard.id);
    });

  const removeWidget = (widget: Widget) =>
    void run(async () => {
      const before = editor.layout;
      cache.put(await dashboardApi.removeWidget(dashboard.id, widget.widget_id));
      editor.record(before);
    });

  const configureWidget = (widget: Widget, config: WidgetConfig) =>
    void run(async () => {
      cache.put(await dashboardApi.updateWidget(dashboard.id, widget.widget_id, { config }));
      setDialog(null);
      void cache.refreshData(dashboard.id);
    });

  const duplicate = () =>
    void run(async () => {
      const copy = await dashboardApi.duplicate(dashboard.id);
      cache.put(copy);
      onSelect(copy.id);
    });

  const exportFile = () =>
    void run(async () => {
      downloadJson(exportFileName(dashboard.name), await dashboardApi.exportJson(dashboard.id));
    });

  const remove = () =>
    void run(async () => {
      await dashboardApi.remove(dashboard.id);
      setDialog(null);
      cache.drop(dashboard.id);
      onDeleted(dashboard.id);
    });

  const setDefault = () =>
    update.mutate(
      { is_default: true },
      { onSuccess: () => void cache.refresh(), onError: (e) => setActionError(errorMessage(e)) },
    );

  const full = editor.layout.length >= MAX_WIDGETS;
  const message = actionError ?? editor.error;

  return (
    <>
      <div className="dashboard-toolbar">
        <div className="toolbar-group">
          <PeriodSelect value={period} onChange={onPeriodChange} />
          <RefreshSelect
            value={dashboard.refresh_interval}
            onChange={(s) =>
              update.mutate({ refresh_interval: s }, { onError: (e) => setActionError(errorMessage(e)) })
            }
          />
        </div>
        <div className="toolbar-group">
          <button
            type="button"
            className={`btn${editing ? ' btn-primary' : ''}`}
            aria-pressed={editing}
            onClick={() => {
              if (editing) void editor.flush();
              setEditing(!editing);
            }}
          >
            Edit layout
          </button>
          {editing && (
            <button type="button" className="btn" onClick={editor.undo} disabled={!editor.canUndo}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => setDialog({ kind: 'add' })}
            disabled={full}
            title={full ? `A dashboard holds at most ${MAX_WIDGETS} widgets.` : undefined}
          >
            <PlusIcon /> Add widget
          </button>
          <button type="button" className="btn" onClick={() => setDialog({ kind: 'share' })}>
            Share
          </button>
        </div>
      </div>

      <div className="dashboard-meta">
        <button type="button" className="link-btn" onClick={() => setDialog({ kind: 'rename' })}>
          Rename
        </button>
        {!dashboard.is_default && (
          <button type="button" className="link-btn" onClick={setDefault} disabled={update.isPending}>
            Set as default
          </button>
        )}
        <button type="button" className="link-btn" onClick={duplicate} disabled={busy}>
          Duplicate
        </button>
        <button type="button" className="link-btn" onClick={exportFile} disabled={busy}>
          Export
        </button>
        <button type="button" className="link-btn danger" onClick={() => setDialog({ kind: 'delete' })}>
          Delete
        </button>
        {dashboard.share_token && <span className="badge badge-ok">Shared</span>}
        <span className="save-state" role="status">
          {editor.saving ? 'Saving layout…' : data.isFetching && !data.isPending ? 'Refreshing…' : ''}
        </span>
      </div>

      {message && (
        <div className="form-error dashboard-error" role="alert">
          <span>{message}</span>
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setActionError(null);
              editor.dismissError();
            }}
          >
            Dismiss
          </button>
        </div>
      )}

      {data.isError && !data.data && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
      {editor.layout.length === 0 ? (
        <div className="dashboard-empty">
          <p>This dashboard has no widgets yet.</p>
          <p className="muted">Use “Add widget” to place KPIs, charts, tables and more.</p>
        </div>
      ) : (
        <DashboardGrid
          widgets={editor.layout}
          dataOf={dataOf}
          editing={editing}
          types={types}
          onChange={editor.change}
          onRemove={removeWidget}
          onConfigure={(widget) => setDialog({ kind: 'configure', widget })}
        />
      )}

      {dialog?.kind === 'add' && (
        <AddWidgetDialog
          types={types}
          pending={busy}
          error={actionError}
          onAdd={addWidget}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'configure' && (
        <ConfigureWidgetDialog
          widget={dialog.widget}
          pending={busy}
          error={actionError}
          onSave={(config) => configureWidget(dialog.widget, config)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'share' && <ShareDialog dashboard={dashboard} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <RenameDialog dashboard={dashboard} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete dashboard"
          message={`Delete “${dashboard.name}” and its ${editor.layout.length} widgets? This cannot be undone.`}
          confirmLabel="Delete dashboard"
          pending={busy}
          error={actionError}
          onConfirm={remove}
          onCancel={() => setDialog(null)}
        />
      )}
    </>
  );
}

function ConfigureWidgetDialog({
  widget,
  pending,
  error,
  onSave,
  onClose,
}: {
  widget: Widget;
  pending: boolean;
  error: string | null;
  onSave: (config: WidgetConfig) => void;
  onClose: () => void;
}) {
  const metrics = useMetrics();
  return (
    <Modal title={`Configure ${widgetTitle(widget)}`} onClose={onClose}>
      {metrics.isPending ? (
        <Loading label="Loading metrics…" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <WidgetConfigForm
          type={widget.type}
          metrics={metrics.data[widget.type] ?? []}
          initial={widget.config}
          submitLabel="Save widget"
          pending={pending}
          error={error}
          onSubmit={onSave}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
