import { EVENT_NAMES, type EventName, type Preferences } from '@logi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { queryKeys, usePreferences } from '../api/queries.ts';
import { desktopEnabled, desktopPermission, disableDesktop, enableDesktop } from './desktop.ts';
import { EVENT_META } from './eventMeta.ts';

/** Desktop opt-in and per-event mute. */
export function NotificationSettings() {
  return (
    <div className="notif-settings">
      <DesktopSwitch />
      <MutedEvents />
    </div>
  );
}

function DesktopSwitch() {
  const [permission, setPermission] = useState(desktopPermission);
  const [enabled, setEnabled] = useState(desktopEnabled);

  if (permission === 'unsupported')
    return <p className="muted small">This browser cannot show desktop notifications.</p>;
  if (permission === 'denied') {
    return <p className="muted small">Desktop notifications are blocked in this browser’s site settings.</p>;
  }
  if (enabled) {
    return (
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          disableDesktop();
          setEnabled(false);
        }}
      >
        Turn off desktop notifications
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={async () => {
        const result = await enableDesktop();
        setPermission(result);
        setEnabled(result === 'granted');
      }}
    >
      Enable desktop notifications
    </button>
  );
}

function MutedEvents() {
  const queryClient = useQueryClient();
  const preferences = usePreferences();
  const save = useMutation({
    mutationFn: (muted: EventName[]) =>
      api.put<Preferences>('/notifications/preferences', { muted_events: muted }),
    onMutate: (muted) => {
      const previous = queryClient.getQueryData<Preferences>(queryKeys.notifications.preferences);
      queryClient.setQueryData<Preferences>(queryKeys.notifications.preferences, { muted_events: muted });
      return { previous };
    },
    onError: (_e, _v, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.notifications.preferences, context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.notifications.preferences, saved),
  });

  if (preferences.isPending) return <p className="muted small">Loading preferences…</p>;
  if (preferences.isError) return <p className="form-error">{errorMessage(preferences.error)}</p>;
  const muted = new Set(preferences.data.muted_events);

  return (
    <fieldset className="mute-list">
      <legend>Tell me about</legend>
      {EVENT_NAMES.map((event) => (
        <label key={event} className="checkbox">
          <input
            type="checkbox"
            checked={!muted.has(event)}
            onChange={(e) => {
              const next = new Set(muted);
              if (e.target.checked) next.delete(event);
              else next.add(event);
              save.mutate(EVENT_NAMES.filter((name) => next.has(name)));
            }}
          />
          {EVENT_META[event].label}
        </label>
      ))}
      {save.isError && <p className="form-error">{errorMessage(save.error)}</p>}
    </fieldset>
  );
}
