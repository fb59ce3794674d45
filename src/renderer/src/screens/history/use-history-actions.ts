// What a history row can do, each reported in the live region: copy (in a chosen format), open, reveal
// the local file, renew (upload again for a fresh 3 days), drag out. Delete (with Undo) is the screen's:
// it shares the selection and the Undo offer with bulk delete (use-bulk-actions.ts).
import { useCallback, useMemo } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import type { LinkFormat } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';

/** What a row needs: stable between renders, so memoized rows do not redraw while the list scrolls. */
export interface RowActions {
  copy: (entry: HistoryEntry, format: LinkFormat) => Promise<void>;
  open: (entry: HistoryEntry) => Promise<void>;
  reveal: (entry: HistoryEntry) => Promise<void>;
  renew: (entry: HistoryEntry) => Promise<void>;
  askDelete: (entry: HistoryEntry) => void;
  /** Asks the link's host now whether it still serves the file (the screen's: it keeps the results). */
  check: (entry: HistoryEntry) => void;
  /** Unpins the entry when `pinned` (as the row shows it), else pins it (the screen's: it keeps what is
   * known about pins). */
  togglePin: (entry: HistoryEntry, pinned: boolean) => void;
  /** Drags the local file out of the window (from the row's dragstart). */
  dragFile: (entry: HistoryEntry) => Promise<void>;
  /** Downloads the link to a place chosen in a save dialog, and says where it went. */
  saveCopy: (entry: HistoryEntry) => Promise<void>;
  /** Shows the link as a QR code (the screen's: it holds the dialog). */
  showQr?: (entry: HistoryEntry) => void;
}

export interface HistoryActions {
  row: Omit<RowActions, 'askDelete' | 'check' | 'togglePin'>;
}

export function useHistoryActions(): HistoryActions {
  const t = useT();
  const announce = useAnnounce();

  const copy = useCallback(
    async (entry: HistoryEntry, format: LinkFormat) => {
      const res = await settle(api.historyCopyLink([entry.id], format));
      if (res.ok)
        announce(t('announce.copiedFormat', { name: entry.fileName, format: t(`copyFormat.${format}`) }));
      else announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const open = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historyOpenLink(entry.id));
      if (!res.ok) announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const reveal = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historyRevealFile(entry.id));
      if (!res.ok) announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const renew = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historyRenew(entry.id));
      if (res.ok) announce(t('announce.renewing', { name: entry.fileName }), 'info');
      else announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const dragFile = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historyStartDrag(entry.id));
      if (!res.ok) announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const saveCopy = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historySaveCopy(entry.id));
      // null: the save dialog was cancelled, so nothing happened and nothing is said.
      if (res.ok && res.value !== null)
        announce(t('announce.savedCopy', { name: res.value.fileName, folder: res.value.folder }));
      else if (!res.ok) announce(translateError(res.error, t), 'error');
    },
    [announce, t],
  );

  const row = useMemo(
    () => ({ copy, open, reveal, renew, dragFile, saveCopy }),
    [copy, open, reveal, renew, dragFile, saveCopy],
  );
  return { row };
}
