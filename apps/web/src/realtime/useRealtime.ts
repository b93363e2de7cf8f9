import type { ServerMessage } from '@logi/contracts';
import { useContext, useEffect, useRef } from 'react';
import { RealtimeContext, type RealtimeValue } from './RealtimeProvider.tsx';

export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}

type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/**
 * Run `handler` for every server message of one type, e.g.
 * `useRealtimeMessage('data.changed', (m) => refetchIf(m.entities))`. The latest handler is always used,
 * so callers need not memoise it.
 */
export function useRealtimeMessage<T extends ServerMessage['type']>(
  type: T,
  handler: (message: MessageOf<T>) => void,
): void {
  const { subscribe } = useRealtime();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      subscribe((message) => {
        if (message.type === type) handlerRef.current(message as MessageOf<T>);
      }),
    [subscribe, type],
  );
}
