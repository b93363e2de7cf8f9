import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { keysForEntity } from '../api/queries.ts';
import { useRealtime, useRealtimeMessage } from './useRealtime.ts';

/** Keeps TanStack Query in step with the server's `data.changed` messages. Renders nothing. */
export function RealtimeQuerySync() {
  const queryClient = useQueryClient();
  const { state } = useRealtime();

  useRealtimeMessage('data.changed', (message) => {
    for (const entity of message.entities) {
      for (const queryKey of keysForEntity(entity)) void queryClient.invalidateQueries({ queryKey });
    }
  });

  // Changes made while we were disconnected sent no `data.changed` to us: refetch what is on screen.
  const wasReconnecting = useRef(false);
  useEffect(() => {
    if (state === 'reconnecting' || state === 'offline') wasReconnecting.current = true;
    if (state === 'open' && wasReconnecting.current) {
      wasReconnecting.current = false;
      void queryClient.invalidateQueries();
    }
  }, [state, queryClient]);

  return null;
}
