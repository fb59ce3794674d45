// The account's credit balance for the header: fetched once a key exists, then pushed by 'credits'.
import { useCallback, useEffect, useState } from 'react';
import { api, settle } from '../api';
import { useT } from '../i18n/i18n-context';
import { translateError } from '../i18n/translate-error';
import { useApiEvent } from './use-api-event';

export interface CreditsHandle {
  credits: number | null;
  error: string | null;
  refresh: () => void;
}

export function useCredits(hasKey: boolean): CreditsHandle {
  const t = useT();
  const [credits, setCredits] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useApiEvent('credits', (value) => {
    setCredits(value);
    setError(null);
  });
  useEffect(() => {
    if (!hasKey) {
      setCredits(null);
      return;
    }
    let live = true;
    void settle(api.creditsGet()).then((res) => {
      if (!live) return;
      if (res.ok) {
        setCredits(res.value);
        setError(null);
      } else {
        // Shown inside the header's own sentence: without its closing full stop.
        setError(translateError(res.error, t).replace(/[.。]$/u, ''));
      }
    });
    return () => {
      live = false;
    };
  }, [hasKey, attempt, t]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { credits, error, refresh };
}
