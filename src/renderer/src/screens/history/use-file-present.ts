// Whether a row's local file is still there, asked each time a row comes on screen and stays a moment
// (like the preview): a file can be moved or deleted while the app runs. The last answer is shown while
// asking again, so a row scrolled back into view does not flicker.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';

const SETTLE_MS = 120;
const known = new Map<number, boolean>();

/** true or false once known; undefined while asking (the button then stays as it was: enabled), and
 * for no entry (an upload row whose entry is not looked up yet). `visible`: the row's screen is shown;
 * it is asked again each time that screen comes back, and when the window gets the focus back (the file
 * may have been moved in another app meanwhile). */
export function useFilePresent(entry: HistoryEntry | null, visible = true): boolean | undefined {
  const entryId = entry?.id ?? -1;
  const hasPath = entry !== null && entry.localPath !== null;
  const [state, setState] = useState<{ id: number; present: boolean | undefined }>(() => ({
    id: entryId,
    present: known.get(entryId),
  }));

  useEffect(() => {
    const id = entryId;
    setState({ id, present: known.get(id) });
    if (!hasPath || !visible) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void settle(api.historyFilePresent(id)).then((res) => {
          if (!res.ok) return;
          known.set(id, res.value);
          if (live) setState({ id, present: res.value });
        });
      }, SETTLE_MS);
    };
    ask();
    window.addEventListener('focus', ask);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener('focus', ask);
    };
  }, [entryId, hasPath, visible]);

  return hasPath && state.id === entryId ? state.present : undefined;
}
