import type { ReactNode } from 'react';

/**
 * A business page: its heading (named `<id>-title`, which labels the section), the primary "New …" button
 * when `onCreate` is given, and the notice that reports the last action.
 */
export function PageSection({
  id,
  title,
  createLabel,
  onCreate,
  notice,
  children,
}: {
  id: string;
  title: string;
  createLabel?: string;
  onCreate?: (() => void) | undefined;
  notice: string | null;
  children: ReactNode;
}) {
  const titleId = `${id}-title`;
  return (
    <section className="page" aria-labelledby={titleId}>
      <header className="page-header">
        <h1 id={titleId}>{title}</h1>
        {onCreate && (
          <button type="button" className="btn btn-primary" onClick={onCreate}>
            {createLabel}
          </button>
        )}
      </header>
      {notice && <p className="notice">{notice}</p>}
      {children}
    </section>
  );
}
