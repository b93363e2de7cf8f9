import type { Dashboard } from '@logi/contracts';
import { type KeyboardEvent, useRef } from 'react';

export const tabId = (id: string) => `dashboard-tab-${id}`;
export const PANEL_ID = 'dashboard-panel';

/** One tab per dashboard; arrows, Home and End move between them as in any tab list. */
export function DashboardTabs({
  dashboards,
  selectedId,
  onSelect,
}: {
  dashboards: Dashboard[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = dashboards.findIndex((d) => d.id === selectedId);
    const last = dashboards.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index >= last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index <= 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const target = next === null ? undefined : dashboards[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(target.id))}`)?.focus();
  };

  return (
    <div
      className="dashboard-tabs"
      role="tablist"
      aria-label="Dashboards"
      ref={listRef}
      onKeyDown={onKeyDown}
    >
      {dashboards.map((d) => {
        const selected = d.id === selectedId;
        return (
          <button
            key={d.id}
            id={tabId(d.id)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className={`dashboard-tab${selected ? ' active' : ''}`}
            onClick={() => onSelect(d.id)}
          >
            {d.name}
            {d.is_default && <span className="tab-badge">default</span>}
          </button>
        );
      })}
    </div>
  );
}
