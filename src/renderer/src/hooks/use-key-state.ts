// What the window knows about the API key ({ hasKey, hint, … }, never the key), kept current by 'key-state'.
import { useEffect, useState } from 'react';
import type { KeyState } from '../../../shared/ipc-contract';
import { api, settle } from '../api';
import { useApiEvent } from './use-api-event';

export interface KeyStateHandle {
  keyState: KeyState | null;
  loadError: string | null;
  setKeyState: (state: KeyState) => void;
  reload: () => void;
}

export function useKeyState(): KeyStateHandle {
  const [keyState, setKeyState] = useState<KeyState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useApiEvent('key-state', setKeyState);
  useEffect(() => {
    let live = true;
    void settle(api.keyState()).then((res) => {
      if (!live) return;
      if (res.ok) {
        setKeyState(res.value);
        setLoadError(null);
      } else {
        setLoadError(res.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  return { keyState, loadError, setKeyState, reload: () => setAttempt((n) => n + 1) };
}
