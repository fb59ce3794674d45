// Saving one settings field, with its error and a brief "Saved" next to it.
import type { Settings } from '../../../../shared/settings';
import { useSaveFeedback } from '../../hooks/use-save-feedback';
import { useSettings } from '../../hooks/use-settings';

export interface FieldSave {
  error: string | null;
  saved: boolean;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  clearError: () => void;
}

export function useFieldSave(): FieldSave {
  const { update } = useSettings();
  const { error, saved, save, setError } = useSaveFeedback(update);
  return { error, saved, save, clearError: () => setError(null) };
}
