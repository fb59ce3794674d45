// Which history entries are selected, by id (rows move as entries arrive, ids do not): a click picks
// one, Ctrl/Cmd+click adds or removes one, Shift+click takes the range from the last picked row.
import { useCallback, useMemo, useRef, useState } from 'react';

export interface PointerPick {
  index: number;
  id: number;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  toggle: boolean;
  range: boolean;
}

export interface Selection {
  ids: ReadonlySet<number>;
  has: (id: number) => boolean;
  pick: (pick: PointerPick, idAt: (index: number) => number | undefined) => void;
  set: (ids: Iterable<number>) => void;
  clear: () => void;
  /** Forgets ids that left the list (deleted), keeping the rest. */
  drop: (ids: Iterable<number>) => void;
}

export function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const pick = useCallback((p: PointerPick, idAt: (index: number) => number | undefined) => {
    if (p.range && anchor.current !== null) {
      const from = Math.min(anchor.current, p.index);
      const to = Math.max(anchor.current, p.index);
      const range: number[] = [];
      for (let i = from; i <= to; i += 1) {
        const id = idAt(i);
        if (id !== undefined) range.push(id);
      }
      setIds((prev) => new Set(p.toggle ? [...prev, ...range] : range));
      return;
    }
    anchor.current = p.index;
    if (p.toggle) {
      setIds((prev) => {
        const next = new Set(prev);
        if (next.has(p.id)) next.delete(p.id);
        else next.add(p.id);
        return next;
      });
    } else {
      setIds(new Set([p.id]));
    }
  }, []);

  const set = useCallback((next: Iterable<number>) => setIds(new Set(next)), []);
  const clear = useCallback(() => {
    anchor.current = null;
    setIds((prev) => (prev.size === 0 ? prev : new Set()));
  }, []);
  const drop = useCallback((gone: Iterable<number>) => {
    setIds((prev) => {
      const next = new Set(prev);
      for (const id of gone) next.delete(id);
      return next.size === prev.size ? prev : next;
    });
  }, []);

  return useMemo(
    () => ({ ids, has: (id: number) => ids.has(id), pick, set, clear, drop }),
    [ids, pick, set, clear, drop],
  );
}
