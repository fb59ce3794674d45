// A sparse, index-addressed cache of a long server-side list (100,000 history entries): the window holds
// only the pages someone scrolled past, knows the total for the scroll height, and can shift items locally
// when one is added at the top or removed, without refetching everything.

export interface PageCache<T> {
  /** null until the first page answers. */
  total: number | null;
  /** Position in the list → item. Sparse: unloaded positions are absent. */
  items: ReadonlyMap<number, T>;
  /** Page number → the revision it was loaded at. */
  loaded: ReadonlyMap<number, number>;
  /** Bumped when the data may have changed on the server: loaded pages are refetched but still shown meanwhile. */
  revision: number;
  /** Bumped on every local shift: an answer requested before a shift has the wrong offsets and is dropped. */
  epoch: number;
}

export interface PageStamp {
  revision: number;
  epoch: number;
}

export function emptyPageCache<T>(revision = 0): PageCache<T> {
  return { total: null, items: new Map(), loaded: new Map(), revision, epoch: 0 };
}

/** A new query: forget everything (the old items belong to another list). */
export function resetPageCache<T>(cache: PageCache<T>): PageCache<T> {
  return emptyPageCache<T>(cache.revision + 1);
}

/** The data may have changed: keep showing what we have, but refetch whatever is on screen. */
export function invalidatePageCache<T>(cache: PageCache<T>): PageCache<T> {
  return { ...cache, revision: cache.revision + 1 };
}

export function stampOf<T>(cache: PageCache<T>): PageStamp {
  return { revision: cache.revision, epoch: cache.epoch };
}

/** Pages overlapping rows [start, end] that are missing, partly missing, or from an older revision. */
export function pagesToFetch<T>(cache: PageCache<T>, start: number, end: number, pageSize: number): number[] {
  const last = cache.total === null ? Math.max(start, end) : Math.min(end, cache.total - 1);
  if (cache.total === 0 || last < start) return cache.total === null ? [0] : [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, start) / pageSize); page <= Math.floor(last / pageSize); page += 1) {
    if (cache.loaded.get(page) !== cache.revision || !pageComplete(cache, page, pageSize)) pages.push(page);
  }
  return pages;
}

function pageComplete<T>(cache: PageCache<T>, page: number, pageSize: number): boolean {
  const first = page * pageSize;
  const end = cache.total === null ? first + pageSize : Math.min(first + pageSize, cache.total);
  for (let i = first; i < end; i += 1) if (!cache.items.has(i)) return false;
  return true;
}

/** Stores one page's answer, unless the list shifted or was reset since it was asked for. */
export function applyPage<T>(
  cache: PageCache<T>,
  page: number,
  pageSize: number,
  answer: { items: readonly T[]; total: number },
  stamp: PageStamp,
): PageCache<T> {
  if (stamp.epoch !== cache.epoch || stamp.revision < cache.revision) return cache;
  const items = new Map(cache.items);
  const first = page * pageSize;
  for (let i = 0; i < pageSize; i += 1) items.delete(first + i);
  answer.items.forEach((item, i) => items.set(first + i, item));
  // Items beyond a shrunken total are gone on the server.
  if (cache.total !== null && answer.total < cache.total) {
    for (const index of items.keys()) if (index >= answer.total) items.delete(index);
  }
  const loaded = new Map(cache.loaded);
  loaded.set(page, cache.revision);
  return { ...cache, total: answer.total, items, loaded };
}

/** A new item at the top: everything moves down one row, so nothing visible has to be refetched.
 * Idempotent when `isSame` is given: an event can arrive after a page that already holds its item (the
 * page was read after the item was stored), and the item must not then appear twice. */
export function prependItem<T>(cache: PageCache<T>, item: T, isSame?: (other: T) => boolean): PageCache<T> {
  if (isSame) {
    // A page may be on its way that was read before or after the item was stored: ask again.
    if (cache.total === null) return invalidatePageCache(cache);
    const at = indexWhere(cache, isSame);
    if (at !== -1) return updateItem(cache, isSame, () => item);
    // Without the top row loaded it cannot be told whether the item is already counted.
    if (!cache.items.has(0) && cache.total > 0) return invalidatePageCache(cache);
  }
  if (cache.total === null) return cache;
  const items = new Map<number, T>([[0, item]]);
  for (const [index, value] of cache.items) items.set(index + 1, value);
  return { ...cache, total: cache.total + 1, items, epoch: cache.epoch + 1 };
}

export function indexWhere<T>(cache: PageCache<T>, match: (item: T) => boolean): number {
  for (const [index, value] of cache.items) if (match(value)) return index;
  return -1;
}

/** Drops the first item that matches and closes the gap. If it is not loaded its position is unknown,
 * so the loaded pages are refetched instead. */
export function removeItem<T>(cache: PageCache<T>, match: (item: T) => boolean): PageCache<T> {
  const at = indexWhere(cache, match);
  if (at === -1) return invalidatePageCache(cache);
  const items = new Map<number, T>();
  for (const [index, value] of cache.items) {
    if (index < at) items.set(index, value);
    else if (index > at) items.set(index - 1, value);
  }
  const total = cache.total === null ? null : Math.max(0, cache.total - 1);
  return { ...cache, total, items, epoch: cache.epoch + 1 };
}

/** Replaces one loaded item in place (e.g. its status changed). */
export function updateItem<T>(
  cache: PageCache<T>,
  match: (item: T) => boolean,
  update: (item: T) => T,
): PageCache<T> {
  const at = indexWhere(cache, match);
  if (at === -1) return cache;
  const items = new Map(cache.items);
  items.set(at, update(cache.items.get(at) as T));
  return { ...cache, items };
}
