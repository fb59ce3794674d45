// Runs a filtered, newest-first history query that answers within a keystroke at a million entries.
// Status conditions mirror expiryStatus() exactly, so a filtered list only shows that status.
//
// Without a search the count is exact and cheap (indexes). A search picks one of three plans:
//  - rare text (3+ characters, up to FTS_SET_MAX trigram matches): the matches come from the trigram
//    index, are sorted newest first, and counted exactly;
//  - common text (more trigram matches): the newest-first index is walked until SEARCH_COUNT_CAP + 1
//    matches are found, so the cost follows the cap, not the table: the total is then "more than
//    SEARCH_COUNT_CAP" and the list shows the newest SEARCH_COUNT_CAP. (An exact count of 250,000
//    matches takes 0.4 s at a million entries, whatever the index.)
//  - 1 or 2 characters (shorter than a trigram): the same walk, over the newest SHORT_SEARCH_SCOPE
//    entries only, so a rare pair of characters never reads the whole table.

import type Database from 'libsql';
import { HISTORY_COLUMNS } from './history-row';
import { ftsPhrase, likeContains, useFts } from './search-terms';
import type { HistoryQuery } from './types';

export type SqlParams = Record<string, string | number | null>;
export type PrepareFn = (sql: string) => Database.Statement;

/** Up to this many trigram matches are collected, sorted and counted exactly (≤ 30 ms at 1M entries). */
export const FTS_SET_MAX = 20_000;
/** A common search counts this far, then reports "more than". */
export const SEARCH_COUNT_CAP = 1_000;
/** Searches of 1–2 characters look through at most this many of the newest entries. */
export const SHORT_SEARCH_SCOPE = 50_000;

const ASCII = /^[\x20-\x7e]*$/;
const NEWEST_FIRST = 'ORDER BY h.uploaded_at DESC, h.id DESC';

export interface HistoryRows {
  rows: Record<string, unknown>[];
  total: number;
  /** More entries match than `total` (a common search); only the newest `total` can be listed. */
  totalIsLowerBound: boolean;
  /** Set when only the newest this many entries were searched (a search of 1–2 characters). */
  searchedNewest: number | null;
}

export interface Filter {
  conditions: string[];
  params: SqlParams;
  /** Access path when collecting the matches and sorting them. */
  setAccess: string;
}

export function statusFilter(q: HistoryQuery, nowMs: number, soonMs: number): Filter {
  const filter = byStatus(q, nowMs, soonMs);
  if (q.pinned === true) {
    // Pinned entries are few: their ids come from the pins table (its partial index on pinned = 1) and
    // each is read by rowid, then sorted; no history index is walked.
    filter.conditions.push('h.id IN (SELECT history_id FROM pins WHERE pinned = 1)');
    filter.setAccess = 'NOT INDEXED';
  }
  return filter;
}

function byStatus(q: HistoryQuery, nowMs: number, soonMs: number): Filter {
  switch (q.status ?? 'all') {
    case 'all':
      return { conditions: [], params: {}, setAccess: 'NOT INDEXED' };
    case 'expired':
      return {
        conditions: ['h.expires_at <= :now'],
        params: { now: nowMs },
        setAccess: 'INDEXED BY history_expiry',
      };
    case 'expiring':
      return {
        conditions: ['h.expires_at > :now AND h.expires_at < :soon AND h.replaced_by IS NULL'],
        params: { now: nowMs, soon: nowMs + soonMs },
        setAccess: 'INDEXED BY history_live_expiry',
      };
    case 'active':
      return {
        conditions: ['h.expires_at >= :soon AND h.replaced_by IS NULL'],
        params: { soon: nowMs + soonMs },
        setAccess: 'INDEXED BY history_live_expiry',
      };
    default:
      throw new TypeError(
        `Unknown history status filter ${JSON.stringify(q.status)}; use all, active, expiring or expired.`,
      );
  }
}

/** What the user typed, ready to search: NULs dropped (libsql cuts text at one), spaces trimmed. */
export function searchText(q: HistoryQuery): string {
  return q.search?.replaceAll('\0', '').trim() ?? '';
}

const LIKE_CONDITION = "(h.file_name LIKE :like ESCAPE '\\' OR h.download_url LIKE :like ESCAPE '\\')";
const FTS_CONDITION = 'h.id IN (SELECT rowid FROM history_search WHERE history_search MATCH :fts)';

/**
 * The search as one condition over every row, for walking the whole table in order (exports): the
 * trigram index for rare text, LIKE for common ASCII text (on ASCII the two agree, and LIKE needs no
 * full match set built first), LIKE for 1–2 characters as before.
 */
export function addSearchCondition(filter: Filter, search: string, prepare: PrepareFn): void {
  if (
    useFts(search) &&
    !(ASCII.test(search) && ftsMatchesAtLeast(prepare, ftsPhrase(search), FTS_SET_MAX + 1))
  ) {
    filter.conditions.push(FTS_CONDITION);
    filter.params['fts'] = ftsPhrase(search);
    return;
  }
  filter.conditions.push(LIKE_CONDITION);
  filter.params['like'] = likeContains(search);
}

function first(row: unknown): number {
  return Number((row as unknown[] | undefined)?.[0] ?? 0);
}

function ftsMatchesAtLeast(prepare: PrepareFn, phrase: string, n: number): boolean {
  return (
    first(
      prepare('SELECT count(*) FROM (SELECT 1 FROM history_search WHERE history_search MATCH ? LIMIT ?)')
        .raw()
        .get(phrase, n),
    ) >= n
  );
}

function whereOf(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

function rowsByIds(prepare: PrepareFn, ids: readonly number[]): Record<string, unknown>[] {
  if (ids.length === 0) return [];
  const rows = prepare(
    `SELECT ${HISTORY_COLUMNS} FROM history WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((row) => [Number(row['id']), row]));
  const ordered: Record<string, unknown>[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row !== undefined) ordered.push(row);
  }
  return ordered;
}

function idsOf(prepare: PrepareFn, sql: string, params: SqlParams): number[] {
  return (prepare(sql).raw().all(params) as unknown[][]).map((row) => Number(row[0]));
}

/** The (uploaded_at, id) of the `n`th newest entry: the oldest one a short search looks at. */
function scopeFloor(prepare: PrepareFn, n: number): { at: number; id: number } | null {
  const row = prepare(
    `SELECT uploaded_at, id FROM history h INDEXED BY history_newest ${NEWEST_FIRST} LIMIT 1 OFFSET ?`,
  )
    .raw()
    .get(n - 1) as unknown[] | undefined;
  return row === undefined ? null : { at: Number(row[0]), id: Number(row[1]) };
}

function page(ids: readonly number[], limit: number, offset: number): number[] {
  return ids.slice(offset, limit < 0 ? undefined : offset + limit);
}

function searchRows(
  prepare: PrepareFn,
  filter: Filter,
  search: string,
  limit: number,
  offset: number,
): HistoryRows {
  const conditions = [...filter.conditions];
  const params: SqlParams = { ...filter.params };
  let searchedNewest: number | null = null;

  if (useFts(search)) {
    const phrase = ftsPhrase(search);
    if (!ftsMatchesAtLeast(prepare, phrase, FTS_SET_MAX + 1)) {
      // Rare: every match, sorted, counted exactly.
      const ids = idsOf(
        prepare,
        `SELECT h.id FROM history h NOT INDEXED ${whereOf([...conditions, FTS_CONDITION])} ${NEWEST_FIRST}`,
        { ...params, fts: phrase },
      );
      return {
        rows: rowsByIds(prepare, page(ids, limit, offset)),
        total: ids.length,
        totalIsLowerBound: false,
        searchedNewest: null,
      };
    }
    // Common. Outside ASCII, LIKE would not fold case the way the index does: keep the index's answer.
    if (ASCII.test(search)) {
      conditions.push(LIKE_CONDITION);
      params['like'] = likeContains(search);
    } else {
      conditions.push(FTS_CONDITION);
      params['fts'] = phrase;
    }
  } else {
    conditions.push(LIKE_CONDITION);
    params['like'] = likeContains(search);
    const floor =
      first(prepare('SELECT count(*) FROM history').raw().get()) > SHORT_SEARCH_SCOPE
        ? scopeFloor(prepare, SHORT_SEARCH_SCOPE)
        : null;
    if (floor !== null) {
      conditions.push('(h.uploaded_at > :floorAt OR (h.uploaded_at = :floorAt AND h.id >= :floorId))');
      params['floorAt'] = floor.at;
      params['floorId'] = floor.id;
      searchedNewest = SHORT_SEARCH_SCOPE;
    }
  }

  // Walk newest first until one match more than the cap: the page is a slice of what was found.
  const ids = idsOf(
    prepare,
    `SELECT h.id FROM history h INDEXED BY history_newest ${whereOf(conditions)} ${NEWEST_FIRST} LIMIT :cap`,
    { ...params, cap: SEARCH_COUNT_CAP + 1 },
  );
  const capped = ids.length > SEARCH_COUNT_CAP;
  const listed = capped ? ids.slice(0, SEARCH_COUNT_CAP) : ids;
  return {
    rows: rowsByIds(prepare, page(listed, limit, offset)),
    total: listed.length,
    totalIsLowerBound: capped,
    searchedNewest,
  };
}

/** Matching rows newest first (limit -1 = all) and the number of matches. */
export function queryHistory(
  prepare: PrepareFn,
  q: HistoryQuery,
  nowMs: number,
  soonMs: number,
  limit: number,
  offset: number,
): HistoryRows {
  const filter = statusFilter(q, nowMs, soonMs);
  const search = searchText(q);
  if (search !== '') return searchRows(prepare, filter, search, limit, offset);

  const where = whereOf(filter.conditions);
  const total = first(prepare(`SELECT count(*) FROM history h ${where}`).raw().get(filter.params));
  const none = { rows: [], total, totalIsLowerBound: false, searchedNewest: null };
  if (total === 0 || limit === 0 || offset >= total) return none;

  // Walking history_newest visits about (offset + limit) * all / total rows if matches are spread evenly;
  // collecting visits total. A small set is always collected: "expiring" entries are bunched three days
  // back, where a newest-first walk reaches them only after every newer entry.
  // Pinned entries are always collected by rowid from the pins table: counting or walking the whole
  // history for them would read every entry.
  const wanted = limit < 0 ? total : Math.min(total, offset + limit);
  const walk =
    q.pinned !== true &&
    total > FTS_SET_MAX &&
    total * total >=
      wanted * (where === '' ? total : first(prepare('SELECT count(*) FROM history').raw().get()));
  const access = walk || where === '' ? 'INDEXED BY history_newest' : filter.setAccess;
  const rows = prepare(
    `SELECT ${HISTORY_COLUMNS} FROM history h ${access} ${where} ${NEWEST_FIRST} LIMIT :limit OFFSET :offset`,
  ).all({ ...filter.params, limit, offset }) as Record<string, unknown>[];
  return { ...none, rows };
}

/**
 * One page of an export, newest first, strictly after `after` (keyset pagination: each page costs the
 * same however deep into the history it starts, unlike OFFSET).
 */
export function exportPage(
  prepare: PrepareFn,
  filter: Filter,
  after: { at: number; id: number } | null,
  pageSize: number,
): Record<string, unknown>[] {
  const conditions = [...filter.conditions];
  const params: SqlParams = { ...filter.params, pageSize };
  if (after !== null) {
    // Written so the index range is on uploaded_at alone: SQLite uses it, where (a, b) < (x, y) may scan.
    conditions.push('h.uploaded_at <= :afterAt AND (h.uploaded_at < :afterAt OR h.id < :afterId)');
    params['afterAt'] = after.at;
    params['afterId'] = after.id;
  }
  // A rare search's matches come from the trigram index and are few: sorting them beats walking the
  // whole newest-first index for each page.
  const access = filter.params['fts'] === undefined ? 'INDEXED BY history_newest' : 'NOT INDEXED';
  return prepare(
    `SELECT ${HISTORY_COLUMNS} FROM history h ${access} ${whereOf(conditions)} ${NEWEST_FIRST} LIMIT :pageSize`,
  ).all(params) as Record<string, unknown>[];
}
