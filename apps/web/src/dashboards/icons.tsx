import type { ReactNode } from 'react';

// Drawn icons: headless browsers and some systems have no colour-emoji font.
function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function AlertIcon({ kind }: { kind: 'info' | 'warning' | 'error' }) {
  if (kind === 'warning')
    return (
      <span className="icon icon-warning">
        <Icon>
          <path d="M12 3 2 21h20L12 3Z" />
          <path d="M12 10v5M12 18h.01" />
        </Icon>
      </span>
    );
  return (
    <span className={`icon icon-${kind}`}>
      <Icon>
        <circle cx="12" cy="12" r="9" />
        {kind === 'error' ? <path d="M12 7v6M12 16.5h.01" /> : <path d="M12 11v6M12 7.5h.01" />}
      </Icon>
    </span>
  );
}

export function CheckIcon() {
  return (
    <Icon>
      <path d="m5 12 5 5 9-10" />
    </Icon>
  );
}

export function PlusIcon() {
  return (
    <Icon>
      <path d="M12 5v14M5 12h14" />
    </Icon>
  );
}

export function GripIcon() {
  return (
    <Icon>
      <path d="M9 5h.01M9 12h.01M9 19h.01M15 5h.01M15 12h.01M15 19h.01" strokeWidth="3" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon size={14}>
      <path d="M6 6l12 12M18 6 6 18" />
    </Icon>
  );
}

export function GearIcon() {
  return (
    <Icon size={14}>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
    </Icon>
  );
}

/** A small picture of each widget type for the palette. */
export function WidgetTypeIcon({ type }: { type: string }) {
  const paths: Record<string, ReactNode> = {
    kpi: <path d="M4 18V6M4 18h16M8 14l3-3 3 2 5-6" />,
    line_chart: <path d="M3 17l5-6 4 3 8-9M3 21h18" />,
    bar_chart: <path d="M5 20V10M10 20V4M15 20v-7M20 20v-11" />,
    area_chart: <path d="M3 20V14l5-5 4 3 9-7v15H3Z" />,
    donut_chart: (
      <>
        <circle cx="12" cy="12" r="8" />
        <circle cx="12" cy="12" r="3.5" />
        <path d="M12 4v4.5" />
      </>
    ),
    gauge: <path d="M4 17a8 8 0 1 1 16 0M12 17l4-5" />,
    data_table: <path d="M3 5h18v14H3zM3 10h18M3 15h18M9 5v14" />,
    progress_ring: (
      <>
        <circle cx="12" cy="12" r="8" strokeOpacity="0.35" />
        <path d="M12 4a8 8 0 0 1 8 8" />
      </>
    ),
    sparkline: <path d="M2 14l4-4 3 5 4-8 3 6 3-3 3 2" />,
    alerts_feed: <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6ZM10 19a2 2 0 0 0 4 0" />,
    calendar: <path d="M4 6h16v14H4zM4 10h16M8 3v5M16 3v5" />,
    notes: <path d="M5 3h10l4 4v14H5zM9 10h6M9 14h6M9 18h3" />,
  };
  return <Icon size={28}>{paths[type] ?? <circle cx="12" cy="12" r="8" />}</Icon>;
}
