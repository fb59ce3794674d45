// Saving one settings field, with its error (in the person's words, see setting-error-text.ts) and a
// brief "Saved" next to it.
import { useCallback } from 'react';
import type { Settings } from '../../../../shared/settings';
import { useSaveFeedback } from '../../hooks/use-save-feedback';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { settingErrorText } from './setting-error-text';

export interface FieldSave {
  error: string | null;
  saved: boolean;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  clearError: () => void;
}

export function useFieldSave(): FieldSave {
  const { update } = useSettings();
  const t = useT();
  const updateInWords = useCallback(
    async (patch: Partial<Settings>) => {
      const res = await update(patch);
      return res.ok
        ? res
        : { ok: false as const, error: { ...res.error, message: settingErrorText(patch, res.error, t) } };
    },
    [update, t],
  );
  const { error, saved, save, setError } = useSaveFeedback(updateInWords);
  return { error, saved, save, clearError: () => setError(null) };
}
