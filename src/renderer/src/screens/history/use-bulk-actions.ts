// What the selected entries can do together: copy all their links in the chosen format, renew them, and
// delete them. A delete takes effect only after a few seconds, so it can be undone: the rows leave the
// list at once, and the entries are removed from history when the Undo offer ends (or the screen goes).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkFormat } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { useT } from '../../i18n/i18n-context';
import { useRenewMany } from './use-renew-many';

export const UNDO_MS = 6000;

export interface PendingDelete {
  ids: number[];
  n: number;
}

export interface BulkActions {
  copy: (ids: number[], format: LinkFormat) => Promise<void>;
  renew: (ids: number[]) => Promise<void>;
  remove: (ids: number[]) => void;
  undo: () => void;
  /** Deletes now what waits for the Undo offer to end. */
  commit: () => void;
  pending: PendingDelete | null;
}

export interface BulkListHooks {
  /** Takes the rows out of the list while their delete waits. */
  hide: (ids: number[]) => void;
  /** Brings them back (Undo). */
  restore: () => void;
}

export function useBulkActions({ hide, restore }: BulkListHooks): BulkActions {
  const t = useT();
  const announce = useAnnounce();
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const pendingRef = useRef<PendingDelete | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const counter = useRef(0);

  const copy = useCallback(
    async (ids: number[], format: LinkFormat) => {
      const res = await settle(api.historyCopyLink(ids, format));
      if (res.ok) {
        announce(
          ids.length === 1
            ? t('history.bulk.copiedOne', { format: t(`copyFormat.${format}`) })
            : t('history.bulk.copied', { count: ids.length, format: t(`copyFormat.${format}`) }),
        );
      } else announce(res.error.message, 'error');
    },
    [announce, t],
  );

  const renew = useRenewMany();

  // Deletes what waits, for real. Errors are said; the list catches up from the 'history' events.
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const waiting = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (!waiting) return;
    void (async () => {
      for (const id of waiting.ids) {
        const res = await settle(api.historyDelete(id));
        if (!res.ok) {
          announce(res.error.message, 'error');
          restore();
          return;
        }
      }
    })();
  }, [announce, restore]);

  const remove = useCallback(
    (ids: number[]) => {
      if (ids.length === 0) return;
      // A second delete while one waits: the first one is final now.
      flush();
      counter.current += 1;
      const next = { ids, n: counter.current };
      pendingRef.current = next;
      setPending(next);
      hide(ids);
      timer.current = setTimeout(flush, UNDO_MS);
    },
    [flush, hide],
  );

  const undo = useCallback(() => {
    clearTimeout(timer.current);
    const waiting = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (!waiting) return;
    restore();
    announce(
      waiting.ids.length === 1
        ? t('history.bulk.restoredOne')
        : t('history.bulk.restored', { count: waiting.ids.length }),
      'info',
    );
  }, [announce, restore, t]);

  // Leaving the screen (or closing the window) ends the Undo offer: what was deleted stays deleted.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);

  return { copy, renew, remove, undo, commit: flush, pending };
}
