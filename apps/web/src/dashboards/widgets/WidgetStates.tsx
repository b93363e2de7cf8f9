import type { ReactNode } from 'react';
import { AlertIcon } from '../icons.tsx';

/** Small, widget-sized states: a page can show a dozen of these at once, so none is an alert. */
export function WidgetLoading() {
  return (
    <div className="widget-state" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>Loading…</span>
    </div>
  );
}

export function WidgetEmpty({ children }: { children: ReactNode }) {
  return <div className="widget-state widget-empty">{children}</div>;
}

export function WidgetError({ message }: { message: string }) {
  return (
    <div className="widget-state widget-error">
      <AlertIcon kind="error" />
      <span>{message}</span>
    </div>
  );
}
