// Pinning from History: a row's toggle and the selection bar's Pin. The row shows the answer at once (the
// page it came with may be older), and a pin the app refuses says why, in the person's language: an
// expired or replaced link, or an account where keep-alive was seen not to work.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { HOUR } from '../../format/duration';
import type { HistoryItem } from '../../hooks/use-history-pages';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';
import type { LocalPin } from './pin-status';

/** What is known of a pin apart from its next keep-alive, which follows the row's own countdown. */
type PinFacts = Omit<LocalPin, 'nextAt'>;

export interface Pins {
  /** The entry's pin as last known here, or null when it was never pinned. Stable between renders. */
  pinOf: (item: HistoryItem) => LocalPin | null;
  toggle: (entry: HistoryEntry) => Promise<void>;
  pinMany: (entries: readonly HistoryEntry[]) => Promise<void>;
}

function factsFromPage(item: HistoryItem): PinFacts | null {
  const pin = item.entry.pin;
  if (pin === undefined) return null;
  return {
    pinned: pin.pinned,
    keptAliveCount: pin.keptAliveCount,
    lastOutcome: pin.lastOutcome,
    lastAt: pin.lastAgeMs === null ? null : item.receivedAt - pin.lastAgeMs,
  };
}

/** `leadHours`: how long before expiry a pinned link is kept alive. `onUnpinned`: the Pinned filter drops
 * the row. */
export function usePins(leadHours: number, onUnpinned: (id: number) => void): Pins {
  const t = useT();
  const announce = useAnnounce();
  // Answers to pin and unpin made here; they win over the (older) page's.
  const [known, setKnown] = useState<ReadonlyMap<number, PinFacts>>(new Map());
  // One object per item and answer, so memoized rows do not redraw for a new but equal value.
  const cache = useRef(new WeakMap<HistoryItem, { facts: PinFacts | null; pin: LocalPin | null }>());
  const leadMs = leadHours * HOUR;

  const factsOf = useCallback(
    (id: number, item: HistoryItem | null) => known.get(id) ?? (item === null ? null : factsFromPage(item)),
    [known],
  );

  const pinOf = useCallback(
    (item: HistoryItem) => {
      const facts = known.get(item.entry.id) ?? null;
      const cached = cache.current.get(item);
      if (cached !== undefined && cached.facts === facts) return cached.pin;
      const base = facts ?? factsFromPage(item);
      const pin = base === null ? null : { ...base, nextAt: base.pinned ? item.deadline - leadMs : null };
      cache.current.set(item, { facts, pin });
      return pin;
    },
    [known, leadMs],
  );

  const pin = useCallback(async (entry: HistoryEntry) => {
    const res = await settle(api.historyPin(entry.id, { followFile: false }));
    if (res.ok) {
      const info = res.value;
      setKnown((previous) => {
        const before = previous.get(entry.id);
        return new Map(previous).set(entry.id, {
          pinned: info.pinned,
          keptAliveCount: info.keptAliveCount,
          lastOutcome: info.lastOutcome,
          lastAt: before?.lastAt ?? null,
        });
      });
    }
    return res;
  }, []);

  const toggle = useCallback(
    async (entry: HistoryEntry) => {
      const current = factsOf(entry.id, null) ?? (entry.pin ? { pinned: entry.pin.pinned } : null);
      if (current?.pinned === true) {
        const res = await settle(api.historyUnpin(entry.id));
        if (!res.ok) {
          announce(translateError(res.error, t), 'error');
          return;
        }
        setKnown((previous) => {
          const before = previous.get(entry.id);
          return new Map(previous).set(entry.id, {
            pinned: false,
            keptAliveCount: before?.keptAliveCount ?? entry.pin?.keptAliveCount ?? 0,
            lastOutcome: before?.lastOutcome ?? entry.pin?.lastOutcome ?? null,
            lastAt: before?.lastAt ?? null,
          });
        });
        announce(t('announce.unpinned', { name: entry.fileName }), 'info');
        onUnpinned(entry.id);
        return;
      }
      const res = await pin(entry);
      if (res.ok) announce(t('announce.pinned', { name: entry.fileName }), 'info');
      else announce(translateError(res.error, t), 'error');
    },
    [announce, factsOf, onUnpinned, pin, t],
  );

  const pinMany = useCallback(
    async (entries: readonly HistoryEntry[]) => {
      const refusals: string[] = [];
      for (const entry of entries) {
        const res = await pin(entry);
        if (!res.ok) refusals.push(translateError(res.error, t));
      }
      const pinned = entries.length - refusals.length;
      if (refusals.length > 0)
        announce(
          t('history.bulk.pinFailed', { count: pinned, failed: refusals.length, reason: refusals[0] ?? '' }),
          'error',
        );
      else if (pinned === 1) announce(t('history.bulk.pinnedOne'), 'info');
      else announce(t('history.bulk.pinned', { count: pinned }), 'info');
    },
    [announce, pin, t],
  );

  return useMemo(() => ({ pinOf, toggle, pinMany }), [pinOf, toggle, pinMany]);
}
