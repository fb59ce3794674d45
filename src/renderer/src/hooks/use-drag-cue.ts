// What a row being dragged out hands over: the local file or the link. Which one depends on whether the
// file is still on disk, so the row says it while the drag lasts instead of leaving people to guess.
import { useCallback, useEffect, useState } from 'react';

export type DragCue = 'file' | 'link';

/** An OS file drag (webContents.startDrag) runs outside the page, which gets no dragend for it: the cue
 * then ends with the next pointer or key event the page sees, or after this long without one. */
const FILE_DRAG_CUE_MS = 8000;

/** Events that mean the drag is over, whichever way it ended. */
const ENDS = ['dragend', 'drop', 'pointerdown', 'pointerup', 'keydown'] as const;

export function useDragCue(): { cue: DragCue | null; startCue: (cue: DragCue) => void } {
  const [cue, setCue] = useState<DragCue | null>(null);
  useEffect(() => {
    if (cue === null) return;
    const end = (): void => setCue(null);
    // Registered after the dragstart that set the cue has finished dispatching, so it cannot end it.
    const armed = window.setTimeout(() => {
      for (const type of ENDS) window.addEventListener(type, end, { capture: true });
    }, 0);
    const limit = cue === 'file' ? window.setTimeout(end, FILE_DRAG_CUE_MS) : undefined;
    return () => {
      window.clearTimeout(armed);
      window.clearTimeout(limit);
      for (const type of ENDS) window.removeEventListener(type, end, { capture: true });
    };
  }, [cue]);
  const startCue = useCallback((next: DragCue) => setCue(next), []);
  return { cue, startCue };
}
