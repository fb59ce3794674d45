// Drives a PageCache from React: fetches the pages a virtual list shows, ~100 rows at a time, and drops
// answers that a newer query or a local shift made stale.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc-contract';
import type { PageCache } from '../state/page-cache';
import {
  applyPage,
  emptyPageCache,
  indexWhere,
  invalidatePageCache,
  pagesToFetch,
  prependItem,
  removeItem,
  resetPageCache,
  stampOf,
  updateItem,
} from '../state/page-cache';

export type PageFetcher<T> = (
  offset: number,
  limit: number,
) => Promise<IpcResult<{ items: T[]; total: number }>>;

export interface PagedList<T> {
  total: number | null;
  /** Changes whenever the cache does; list effects depend on it. */
  version: number;
  error: string | null;
  itemAt: (index: number) => T | undefined;
  ensureRange: (start: number, end: number) => void;
  /** Adds an item at the top; one with the same identity that is already loaded is replaced instead. */
  prepend: (item: T) => void;
  remove: (match: (item: T) => boolean) => void;
  update: (match: (item: T) => boolean, change: (item: T) => T) => void;
  invalidate: () => void;
  /** Starts over from the first page, as for a new query (also when the list had become empty). */
  reload: () => void;
  /** Loads pages from the top until an item matches; -1 when it is not within `maxPages`. */
  locate: (match: (item: T) => boolean, maxPages: number) => Promise<number>;
}

export function usePagedList<T>(
  fetchPage: PageFetcher<T>,
  queryKey: string,
  /** An item's identity, so live updates are idempotent (an event may repeat what a page already holds). */
  keyOf?: (item: T) => string | number,
  pageSize = 100,
): PagedList<T> {
  const cacheRef = useRef<PageCache<T>>(emptyPageCache<T>());
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const failed = useRef(new Set<string>());
  const fetchRef = useRef(fetchPage);
  const keyOfRef = useRef(keyOf);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
    keyOfRef.current = keyOf;
  });

  const commit = useCallback((next: PageCache<T>) => {
    if (next === cacheRef.current) return;
    cacheRef.current = next;
    setVersion((v) => v + 1);
  }, []);

  const loadPage = useCallback(
    async (page: number): Promise<boolean> => {
      const stamp = stampOf(cacheRef.current);
      const key = `${stamp.revision}:${stamp.epoch}:${page}`;
      if (inFlight.current.has(key) || failed.current.has(key)) return false;
      inFlight.current.add(key);
      const res = await fetchRef.current(page * pageSize, pageSize);
      inFlight.current.delete(key);
      if (!res.ok) {
        // Not retried on every render: the user retries, or the next change refetches.
        failed.current.add(key);
        setError(res.error.message);
        return false;
      }
      setError(null);
      commit(applyPage(cacheRef.current, page, pageSize, res.value, stamp));
      return true;
    },
    [commit, pageSize],
  );

  // A new search or filter: the old rows belong to another list.
  useLayoutEffect(() => {
    failed.current.clear();
    commit(resetPageCache(cacheRef.current));
  }, [queryKey, commit]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (const page of pagesToFetch(cacheRef.current, start, end, pageSize)) void loadPage(page);
    },
    [loadPage, pageSize],
  );

  const locate = useCallback(
    async (match: (item: T) => boolean, maxPages: number) => {
      for (let page = 0; page < maxPages; page += 1) {
        const found = indexWhere(cacheRef.current, match);
        if (found !== -1) return found;
        const total = cacheRef.current.total;
        if (total !== null && page * pageSize >= total) break;
        if (!pagesToFetch(cacheRef.current, page * pageSize, page * pageSize, pageSize).length) continue;
        await loadPage(page);
      }
      return indexWhere(cacheRef.current, match);
    },
    [loadPage, pageSize],
  );

  useEffect(() => () => inFlight.current.clear(), []);

  const cache = cacheRef.current;
  return {
    total: cache.total,
    version,
    error,
    itemAt: useCallback((index: number) => cacheRef.current.items.get(index), []),
    ensureRange,
    prepend: useCallback(
      (item: T) => {
        const key = keyOfRef.current?.(item);
        const isSame = key === undefined ? undefined : (other: T) => keyOfRef.current?.(other) === key;
        commit(prependItem(cacheRef.current, item, isSame));
      },
      [commit],
    ),
    remove: useCallback(
      (match: (item: T) => boolean) => commit(removeItem(cacheRef.current, match)),
      [commit],
    ),
    update: useCallback(
      (match: (item: T) => boolean, change: (item: T) => T) =>
        commit(updateItem(cacheRef.current, match, change)),
      [commit],
    ),
    invalidate: useCallback(() => {
      failed.current.clear();
      setError(null);
      commit(invalidatePageCache(cacheRef.current));
    }, [commit]),
    reload: useCallback(() => {
      failed.current.clear();
      setError(null);
      commit(resetPageCache(cacheRef.current));
    }, [commit]),
    locate,
  };
}
