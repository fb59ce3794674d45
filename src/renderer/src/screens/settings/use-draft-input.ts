// A text field that keeps what is being typed as a draft: committed on Enter or when focus leaves, put
// back on Escape. Settings and watched folders edit their text fields this way.
import { useEffect, useState } from 'react';
import type { ChangeEvent, KeyboardEvent } from 'react';

/** Spread onto the <input>. */
export interface DraftInput {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** An unchanged draft is not committed; only the error left from an earlier try is cleared. */
export function useDraftInput(
  value: string,
  commit: (draft: string) => Promise<unknown> | void,
  clearError: () => void,
): DraftInput {
  const [draft, setDraft] = useState(value);
  // A saved (possibly normalised) value from the app replaces the draft.
  useEffect(() => setDraft(value), [value]);

  const submit = async () => {
    if (draft === value) {
      clearError();
      return;
    }
    await commit(draft);
  };

  return {
    value: draft,
    onChange: (event) => setDraft(event.target.value),
    onBlur: () => void submit(),
    onKeyDown: (event) => {
      if (event.key === 'Enter') void submit();
      if (event.key === 'Escape') {
        setDraft(value);
        clearError();
      }
    },
  };
}
