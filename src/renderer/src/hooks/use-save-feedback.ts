// Saving one field: the app's refusal belongs next to that field, and a brief "Saved" confirms the change
// took. Settings and each watched folder's settings save this way.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc-contract';

export interface SaveFeedback<P> {
  error: string | null;
  saved: boolean;
  /** Resolves false when the app refused the change (its message is then in `error`). */
  save: (patch: P) => Promise<boolean>;
  setError: (message: string | null) => void;
}

const SAVED_MS = 1600;

export function useSaveFeedback<P>(update: (patch: P) => Promise<IpcResult<unknown>>): SaveFeedback<P> {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(
    async (patch: P) => {
      const res = await update(patch);
      if (!res.ok) {
        setError(res.error.message);
        setSaved(false);
        return false;
      }
      setError(null);
      setSaved(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setSaved(false), SAVED_MS);
      return true;
    },
    [update],
  );
  return { error, saved, save, setError };
}
