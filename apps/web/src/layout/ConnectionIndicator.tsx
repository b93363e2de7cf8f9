import type { ConnectionState } from '../realtime/RealtimeClient.ts';
import { useRealtime } from '../realtime/useRealtime.ts';

const LABELS: Record<ConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Small dot + word; deliberately not a live region so it does not chatter during reconnects. */
export function ConnectionIndicator() {
  const { state } = useRealtime();
  return (
    <span className={`conn conn-${state}`} title={`Live updates: ${LABELS[state]}`} data-state={state}>
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{LABELS[state]}</span>
    </span>
  );
}
