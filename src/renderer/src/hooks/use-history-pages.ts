// History as a paged list: the entries matching a search and filter, kept live by 'history' events
// (new uploads slide in at the top, deleted ones drop out), and the failed-jobs list behind the Failed chip.
import { useCallback, useState } from 'react';
import type { FailedJob, HistoryQuery } from '../../../shared/domain';
import { api, settle } from '../api';
import type { HistoryItem } from '../state/history-item';
import { toHistoryItem } from '../state/history-item';
import { useApiEvent } from './use-api-event';
import type { PagedList } from './use-paged-list';
import { usePagedList } from './use-paged-list';

/** History rows are the same row when they are the same entry. */
const historyItemId = (item: HistoryItem): number => item.entry.id;

export type HistoryStatusFilter = NonNullable<HistoryQuery['status']>;

export type { HistoryItem } from '../state/history-item';

/** How far a search's count can be trusted: a common term counts only what can be listed, and a
 * one- or two-character term looks through the newest entries only (src/main/core/history/history-query.ts). */
export interface SearchScope {
  /** The query it belongs to, so an answer to an older query is never shown with a newer one. */
  query: string;
  lowerBound: boolean;
  searchedNewest: number | null;
}

export function useHistoryPages(
  search: string,
  status: HistoryStatusFilter,
  enabled: boolean,
  /** Only pinned entries (History's Pinned filter). */
  pinned = false,
): PagedList<HistoryItem> & { scope: SearchScope | null } {
  const queryKey = `${enabled}:${status}:${pinned}:${search}`;
  const [scope, setScope] = useState<SearchScope | null>(null);
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      if (!enabled) return { ok: true as const, value: { items: [], total: 0 } };
      const res = await settle(
        api.historyList({ search, status, limit, offset, ...(pinned && { pinned: true }) }),
      );
      if (!res.ok) return res;
      if (offset === 0 && res.value.superseded !== true) {
        setScope({
          query: `${enabled}:${status}:${pinned}:${search}`,
          lowerBound: res.value.totalIsLowerBound === true,
          searchedNewest: res.value.searchedNewest ?? null,
        });
      }
      const now = Date.now();
      return {
        ok: true as const,
        value: { items: res.value.entries.map((e) => toHistoryItem(e, now)), total: res.value.total },
      };
    },
    [search, status, enabled, pinned],
  );
  const list = usePagedList(fetchPage, queryKey, historyItemId);

  useApiEvent('history', (change) => {
    if (!enabled) return;
    if (change.removed !== undefined) {
      const id = change.removed;
      list.remove((item) => item.entry.id === id);
    }
    if (change.added) {
      // Only the unfiltered list knows for sure that a new entry belongs at its top.
      if (status === 'all' && !pinned && search.trim() === '') list.prepend(toHistoryItem(change.added));
      else list.invalidate();
    }
    if (change.replaced !== undefined) list.invalidate();
  });
  return { ...list, scope: scope !== null && scope.query === queryKey ? scope : null };
}

export function useFailedPages(enabled: boolean): PagedList<FailedJob> {
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      if (!enabled) return { ok: true as const, value: { items: [], total: 0 } };
      const res = await settle(api.historyFailed({ limit, offset }));
      if (!res.ok) return res;
      return { ok: true as const, value: { items: res.value.jobs, total: res.value.total } };
    },
    [enabled],
  );
  const list = usePagedList(fetchPage, `failed:${enabled}`, (job) => job.jobId);
  // A job failing, or a failed one being retried, changes this list.
  useApiEvent('job', () => {
    if (enabled) list.invalidate();
  });
  return list;
}
