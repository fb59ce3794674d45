// What History knows about each link's health: the last check that came with the entry's page, or a
// newer one from "Check link" or the app's scheduled checks ('link-checks'), whichever ran later. Check
// link asks the app now and says the outcome in plain words ("Checked 3 links: 2 alive, 1 gone").
import { useCallback, useMemo, useRef, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import type { LinkCheck, LinkCheckState } from '../../../../shared/link-health';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { localLinkHealth } from '../../format/link-health';
import type { LocalLinkHealth } from '../../format/link-health';
import { useApiEvent } from '../../hooks/use-api-event';
import type { HistoryItem } from '../../hooks/use-history-pages';
import { useT } from '../../i18n/i18n-context';
import type { TFunction } from '../../i18n/messages';
import { translateError } from '../../i18n/translate-error';

const STATES: readonly LinkCheckState[] = ['alive', 'gone', 'unreachable', 'error'];

export interface LinkChecks {
  /** The latest known check of the item's link; null when it was never checked. Stable between renders. */
  healthOf: (item: HistoryItem) => LocalLinkHealth | null;
  check: (entries: readonly HistoryEntry[]) => Promise<void>;
}

export function checkOutcome(checks: readonly LinkCheck[], names: Map<number, string>, t: TFunction): string {
  const first = checks[0];
  if (first === undefined) return t('health.none');
  if (checks.length === 1) {
    const name = names.get(first.historyId) ?? '';
    return t(`health.one.${first.state}`, { name, detail: first.detail ?? '' });
  }
  const parts = STATES.flatMap((state) => {
    const count = checks.filter((c) => c.state === state).length;
    return count === 0 ? [] : [t(`health.part.${state}`, { count })];
  });
  return t('health.many', { count: checks.length, parts: parts.join(t('health.partSeparator')) });
}

export function useLinkChecks(): LinkChecks {
  const t = useT();
  const announce = useAnnounce();
  const [fresh, setFresh] = useState<ReadonlyMap<number, LocalLinkHealth>>(new Map());
  // One object per item, so memoized rows do not redraw because of a new but equal value.
  const fromPage = useRef(new WeakMap<HistoryItem, LocalLinkHealth | null>());

  const apply = useCallback((checks: readonly LinkCheck[]) => {
    const at = Date.now();
    setFresh((previous) => {
      const next = new Map(previous);
      for (const c of checks) next.set(c.historyId, localLinkHealth(c, at));
      return next;
    });
  }, []);
  useApiEvent('link-checks', apply);

  const healthOf = useCallback(
    (item: HistoryItem) => {
      let paged = fromPage.current.get(item);
      if (paged === undefined) {
        const c = item.entry.linkCheck;
        paged = c === undefined ? null : localLinkHealth(c, item.receivedAt);
        fromPage.current.set(item, paged);
      }
      const newer = fresh.get(item.entry.id);
      if (newer === undefined) return paged;
      return paged !== null && paged.checkedAt > newer.checkedAt ? paged : newer;
    },
    [fresh],
  );

  const check = useCallback(
    async (entries: readonly HistoryEntry[]) => {
      if (entries.length === 0) return;
      const only = entries.length === 1 ? entries[0] : undefined;
      announce(
        only
          ? t('health.checkingOne', { name: only.fileName })
          : t('health.checking', { count: entries.length }),
        'info',
      );
      const res = await settle(api.historyCheck(entries.map((e) => e.id)));
      if (!res.ok) {
        announce(translateError(res.error, t), 'error');
        return;
      }
      apply(res.value);
      const names = new Map(entries.map((e) => [e.id, e.fileName]));
      announce(checkOutcome(res.value, names, t), 'info');
    },
    [announce, apply, t],
  );

  return useMemo(() => ({ healthOf, check }), [healthOf, check]);
}
