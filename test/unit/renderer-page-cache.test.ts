// The history list's page cache: which pages a scroll position needs, and how new and deleted entries
// shift the rows on screen without refetching everything — or showing a row in the wrong place.
import { describe, expect, it } from 'vitest';
import {
  applyPage,
  emptyPageCache,
  invalidatePageCache,
  pagesToFetch,
  prependItem,
  removeItem,
  resetPageCache,
  stampOf,
} from '../../src/renderer/src/state/page-cache';
import type { PageCache } from '../../src/renderer/src/state/page-cache';

const PAGE = 100;
const TOTAL = 100_000;

/** Row i of the server's list is the number i, so a wrong position shows up as a wrong value. */
function serverPage(page: number, total = TOTAL): { items: number[]; total: number } {
  const first = page * PAGE;
  const items: number[] = [];
  for (let i = first; i < Math.min(first + PAGE, total); i += 1) items.push(i);
  return { items, total };
}

function load(cache: PageCache<number>, ...pages: number[]): PageCache<number> {
  let next = cache;
  for (const page of pages) next = applyPage(next, page, PAGE, serverPage(page), stampOf(next));
  return next;
}

describe('page cache', () => {
  it('asks for the first page before the total is known', () => {
    expect(pagesToFetch(emptyPageCache<number>(), 0, 12, PAGE)).toEqual([0]);
  });

  it('asks only for the pages that a visible range touches, and none once they are loaded', () => {
    const cache = load(emptyPageCache<number>(), 0);
    expect(cache.total).toBe(TOTAL);
    expect(pagesToFetch(cache, 50_010, 50_030, PAGE)).toEqual([500]);
    expect(pagesToFetch(cache, 190, 210, PAGE)).toEqual([1, 2]);
    const more = load(cache, 1, 2);
    expect(pagesToFetch(more, 190, 210, PAGE)).toEqual([]);
    expect(more.items.get(205)).toBe(205);
  });

  it('never asks beyond the end of the list', () => {
    const cache = applyPage(
      emptyPageCache<number>(),
      0,
      PAGE,
      serverPage(0, 130),
      stampOf(emptyPageCache<number>()),
    );
    expect(pagesToFetch(cache, 100, 400, PAGE)).toEqual([1]);
    const empty = applyPage(
      emptyPageCache<number>(),
      0,
      PAGE,
      { items: [], total: 0 },
      { revision: 0, epoch: 0 },
    );
    expect(pagesToFetch(empty, 0, 20, PAGE)).toEqual([]);
  });

  it('puts a new entry at the top and moves loaded rows down by one without refetching them', () => {
    const cache = load(emptyPageCache<number>(), 0, 1);
    const next = prependItem(cache, -1);
    expect(next.total).toBe(TOTAL + 1);
    expect(next.items.get(0)).toBe(-1);
    expect(next.items.get(1)).toBe(0);
    expect(next.items.get(150)).toBe(149);
    // Page 0 is still complete; page 2 now starts with a row that moved in from page 1 but lacks the rest.
    expect(pagesToFetch(next, 0, 99, PAGE)).toEqual([]);
  });

  it('adds an entry that a page already holds only once (an event that arrived after the page)', () => {
    // Thirteen entries on the server; the newest (12) was stored before the page was read, and its
    // 'added' event is delivered after the page answered.
    const thirteen = { items: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0], total: 13 };
    const cache = applyPage(emptyPageCache<number>(), 0, PAGE, thirteen, stampOf(emptyPageCache<number>()));
    const next = prependItem(cache, 12, (n) => n === 12);
    expect(next.total).toBe(13);
    expect([...next.items.values()].filter((n) => n === 12)).toHaveLength(1);
    // A second delivery of the same event changes nothing either.
    expect(prependItem(next, 12, (n) => n === 12).total).toBe(13);
    // A really new entry still slides in at the top.
    const fourteen = prependItem(next, 13, (n) => n === 13);
    expect(fourteen.total).toBe(14);
    expect(fourteen.items.get(0)).toBe(13);
  });

  it('asks again instead of guessing when an entry arrives before the first page or with the top unloaded', () => {
    const pending = prependItem(emptyPageCache<number>(), 12, (n) => n === 12);
    // A page requested before this point is dropped (it may or may not hold the entry).
    const stale = applyPage(pending, 0, PAGE, serverPage(0, 12), stampOf(emptyPageCache<number>()));
    expect(stale.total).toBeNull();
    const far = load(emptyPageCache<number>(), 500);
    const next = prependItem(far, -1, (n) => n === -1);
    expect(next.total).toBe(TOTAL);
    expect(pagesToFetch(next, 50_000, 50_010, PAGE)).toEqual([500]);
  });

  it('closes the gap when an entry is deleted, and refetches only a page left incomplete', () => {
    const cache = load(emptyPageCache<number>(), 0, 1);
    const next = removeItem(cache, (n) => n === 42);
    expect(next.total).toBe(TOTAL - 1);
    expect(next.items.get(41)).toBe(41);
    expect(next.items.get(42)).toBe(43);
    expect(next.items.get(99)).toBe(100);
    expect(pagesToFetch(next, 0, 99, PAGE)).toEqual([]);
    // Row 199 came from page 2, which was never loaded: page 1 must be fetched again.
    expect(pagesToFetch(next, 150, 199, PAGE)).toEqual([1]);
  });

  it('drops an answer that was requested before the rows shifted', () => {
    const cache = load(emptyPageCache<number>(), 0);
    const stamp = stampOf(cache);
    const shifted = prependItem(cache, -1);
    const after = applyPage(shifted, 1, PAGE, serverPage(1), stamp);
    expect(after).toBe(shifted);
    expect(after.items.has(150)).toBe(false);
  });

  it('keeps showing old rows after an invalidation but refetches them', () => {
    const cache = invalidatePageCache(load(emptyPageCache<number>(), 0));
    expect(cache.items.get(5)).toBe(5);
    expect(pagesToFetch(cache, 0, 20, PAGE)).toEqual([0]);
  });

  it('forgets everything when the search or filter changes', () => {
    const cache = resetPageCache(load(emptyPageCache<number>(), 0));
    expect(cache.total).toBeNull();
    expect(cache.items.size).toBe(0);
  });

  it('drops rows past a total that shrank on the server', () => {
    const cache = load(emptyPageCache<number>(), 0, 1);
    const smaller = applyPage(cache, 0, PAGE, serverPage(0, 120), stampOf(cache));
    expect(smaller.total).toBe(120);
    expect(smaller.items.has(150)).toBe(false);
    expect(smaller.items.get(110)).toBe(110);
  });
});
