// The account's credit balance for the header: fetched once a key exists, then pushed by 'credits'.
import { useCallback, useEffect, useState } from 'react';
import { api, settle } from '../api';
import { useApiEvent } from './use-api-event';

export interface CreditsHandle {
  credits: number | null;
  error: string | null;
  refresh: () => void;
}

export function useCredits(hasKey: boolean): CreditsHandle {
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
        setError(res.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [hasKey, attempt]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { credits, error, refresh };
}
