// Saving one settings field: the validation error from settingsSet belongs next to that field, and a brief
// "Saved" confirms the change took.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../../shared/settings';
import { useSettings } from '../../hooks/use-settings';

export interface FieldSave {
  error: string | null;
  saved: boolean;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  clearError: () => void;
}

const SAVED_MS = 1600;

export function useFieldSave(): FieldSave {
  const { update } = useSettings();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(
    async (patch: Partial<Settings>) => {
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
  return { error, saved, save, clearError: () => setError(null) };
}
