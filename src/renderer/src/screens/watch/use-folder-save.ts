// Saving one setting of a watched folder: the app's refusal belongs next to that field, and a brief
// "Saved" confirms the change took (the folder restarts with it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcResult, WatchFolderPatch, WatchFolderStatus } from '../../../../shared/ipc-contract';

export interface FolderSave {
  error: string | null;
  saved: boolean;
  save: (patch: WatchFolderPatch) => Promise<boolean>;
  setError: (message: string | null) => void;
}

const SAVED_MS = 1600;

export function useFolderSave(
  update: (patch: WatchFolderPatch) => Promise<IpcResult<WatchFolderStatus>>,
): FolderSave {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(
    async (patch: WatchFolderPatch) => {
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
