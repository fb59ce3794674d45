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
/** A pin or unpin answered here, and when: a page fetched after it knows better (a keep-alive ran since). */
type Answer = PinFacts & { at: number };

export interface Pins {
  /** The entry's pin as last known here, or null when it was never pinned. Stable between renders. */
  pinOf: (item: HistoryItem) => LocalPin | null;
  /** `pinned`: what the row shows now; the toggle does the other. */
  toggle: (entry: HistoryEntry, pinned: boolean) => Promise<void>;
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
  const [answers, setAnswers] = useState<ReadonlyMap<number, Answer>>(new Map());
  // One object per item and answer, so memoized rows do not redraw for a new but equal value.
  const cache = useRef(new WeakMap<HistoryItem, { answer: Answer | null; pin: LocalPin | null }>());
  const leadMs = leadHours * HOUR;

  const pinOf = useCallback(
    (item: HistoryItem) => {
      const latest = answers.get(item.entry.id);
      const answer = latest !== undefined && latest.at >= item.receivedAt ? latest : null;
      const cached = cache.current.get(item);
      if (cached !== undefined && cached.answer === answer) return cached.pin;
      const base = answer ?? factsFromPage(item);
      const pin = base === null ? null : { ...base, nextAt: base.pinned ? item.deadline - leadMs : null };
      cache.current.set(item, { answer, pin });
      return pin;
    },
    [answers, leadMs],
  );

  const remember = useCallback((entry: HistoryEntry, change: Omit<PinFacts, 'lastAt'>) => {
    setAnswers((previous) => {
      const before = previous.get(entry.id);
      return new Map(previous).set(entry.id, { ...change, lastAt: before?.lastAt ?? null, at: Date.now() });
    });
  }, []);

  const pin = useCallback(
    async (entry: HistoryEntry) => {
      const res = await settle(api.historyPin(entry.id, { followFile: false }));
      if (res.ok) remember(entry, res.value);
      return res;
    },
    [remember],
  );

  const toggle = useCallback(
    async (entry: HistoryEntry, pinned: boolean) => {
      if (pinned) {
        const res = await settle(api.historyUnpin(entry.id));
        if (!res.ok) {
          announce(translateError(res.error, t), 'error');
          return;
        }
        remember(entry, {
          pinned: false,
          keptAliveCount: entry.pin?.keptAliveCount ?? 0,
          lastOutcome: entry.pin?.lastOutcome ?? null,
        });
        announce(t('announce.unpinned', { name: entry.fileName }), 'info');
        onUnpinned(entry.id);
        return;
      }
      const res = await pin(entry);
      if (res.ok) announce(t('announce.pinned', { name: entry.fileName }), 'info');
      else announce(translateError(res.error, t), 'error');
    },
    [announce, onUnpinned, pin, remember, t],
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
