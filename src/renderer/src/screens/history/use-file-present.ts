// Whether a row's local file is still there, asked for rows that stay on screen a moment (like the
// preview) and remembered briefly: a file can be moved or deleted while the app runs.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';

const SETTLE_MS = 120;
const FRESH_MS = 15_000;
const known = new Map<number, { present: boolean; at: number }>();

/** true or false once known; undefined while asking (the button then stays as it was: enabled), and
 * for no entry (an upload row whose entry is not looked up yet). */
export function useFilePresent(entry: HistoryEntry | null): boolean | undefined {
  const entryId = entry?.id ?? -1;
  const hasPath = entry !== null && entry.localPath !== null;
  const [state, setState] = useState<{ id: number; present: boolean | undefined }>(() => ({
    id: entryId,
    present: known.get(entryId)?.present,
  }));

  useEffect(() => {
    const id = entryId;
    const cached = known.get(id);
    setState({ id, present: cached?.present });
    if (!hasPath || (cached && Date.now() - cached.at < FRESH_MS)) return;
    let live = true;
    const timer = setTimeout(() => {
      void settle(api.historyFilePresent(id)).then((res) => {
        if (!res.ok) return;
        known.set(id, { present: res.value, at: Date.now() });
        if (live) setState({ id, present: res.value });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [entryId, hasPath]);

  return hasPath && state.id === entryId ? state.present : undefined;
}
