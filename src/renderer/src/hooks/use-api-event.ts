// Subscribes a component to one app event for as long as it is mounted. The latest callback is always
// used, so callers can pass inline functions without resubscribing on every render.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventChannel, EventChannels } from '../../../shared/ipc-contract';
import { api } from '../api';

export function useApiEvent<E extends EventChannel>(
  event: E,
  listener: (payload: EventChannels[E]) => void,
): void {
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}
