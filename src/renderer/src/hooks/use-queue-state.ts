// Whether the upload queue is paused, and why (the user paused it, or the API rejected the key).
import { useEffect, useState } from 'react';
import type { PauseInfo } from '../../../shared/domain';
import { api, settle } from '../api';
import { useApiEvent } from './use-api-event';

export function useQueueState(): { paused: PauseInfo | null; setPaused: (info: PauseInfo | null) => void } {
  const [paused, setPaused] = useState<PauseInfo | null>(null);
  useApiEvent('queue-state', setPaused);
  useEffect(() => {
    let live = true;
    void settle(api.queueState()).then((res) => {
      if (live && res.ok) setPaused(res.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return { paused, setPaused };
}
