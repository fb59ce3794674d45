// Runs a filtered, newest-first history query fast at 100k+ entries. The count comes first (the list
// needs it anyway) and decides the plan: when matches are dense, walking the newest-first index finds a
// page after a few rows; when they are sparse, collecting the matches and sorting them is cheaper.
// Status conditions mirror expiryStatus() exactly, so a filtered list only shows that status.

import type Database from 'libsql';
import { HISTORY_COLUMNS } from './history-row';
import { ftsPhrase, likeContains, useFts } from './search-terms';
import type { HistoryQuery } from './types';

export type SqlParams = Record<string, string | number | null>;
export type PrepareFn = (sql: string) => Database.Statement;

// Above this many trigram matches an ASCII search switches to a LIKE scan: counting a phrase that
// matches most rows through the trigram index costs more than reading the rows (measured at 100k).
const DENSE_FTS_MATCHES = 1000;

interface Filter {
  conditions: string[];
  params: SqlParams;
  /** Access path when collecting the matches and sorting them. */
  setAccess: string;
}

const ASCII = /^[\x20-\x7e]*$/;

function statusFilter(q: HistoryQuery, nowMs: number, soonMs: number): Filter {
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

function addSearch(filter: Filter, search: string, prepare: PrepareFn): void {
  if (useFts(search)) {
    const phrase = ftsPhrase(search);
    const dense =
      ASCII.test(search) &&
      Number(
        (
          prepare('SELECT count(*) FROM (SELECT 1 FROM history_search WHERE history_search MATCH ? LIMIT ?)')
            .raw()
            .get(phrase, DENSE_FTS_MATCHES) as unknown[]
        )[0],
      ) >= DENSE_FTS_MATCHES;
    if (!dense) {
      filter.conditions.push('h.id IN (SELECT rowid FROM history_search WHERE history_search MATCH :fts)');
      filter.params['fts'] = phrase;
      filter.setAccess = 'NOT INDEXED'; // rowid lookups of the matches only
      return;
    }
  }
  // Short queries (the trigram index needs 3 characters) and dense ASCII ones. For ASCII text LIKE's
  // case-insensitivity is the same as the trigram index's.
  filter.conditions.push("(h.file_name LIKE :like ESCAPE '\\' OR h.download_url LIKE :like ESCAPE '\\')");
  filter.params['like'] = likeContains(search);
  filter.setAccess = 'NOT INDEXED';
}

function first(row: unknown): number {
  return Number((row as unknown[] | undefined)?.[0] ?? 0);
}

/** Matching rows newest first (limit -1 = all) and the total number of matches. */
export function queryHistory(
  prepare: PrepareFn,
  q: HistoryQuery,
  nowMs: number,
  soonMs: number,
  limit: number,
  offset: number,
): { rows: Record<string, unknown>[]; total: number } {
  const filter = statusFilter(q, nowMs, soonMs);
  // libsql passes text to SQLite up to the first NUL, and no file name or link contains one.
  const search = q.search?.replaceAll('\0', '').trim() ?? '';
  if (search !== '') addSearch(filter, search, prepare);
  const where = filter.conditions.length === 0 ? '' : `WHERE ${filter.conditions.join(' AND ')}`;

  const total = first(prepare(`SELECT count(*) FROM history h ${where}`).raw().get(filter.params));
  if (total === 0 || limit === 0 || offset >= total) return { rows: [], total };

  // Walking history_newest visits about (offset + limit) * all / total rows; collecting visits total.
  const all = where === '' ? total : first(prepare('SELECT count(*) FROM history').raw().get());
  const wanted = limit < 0 ? total : Math.min(total, offset + limit);
  const access = total * total >= wanted * all ? 'INDEXED BY history_newest' : filter.setAccess;
  const rows = prepare(
    `SELECT ${HISTORY_COLUMNS} FROM history h ${access} ${where}
     ORDER BY h.uploaded_at DESC, h.id DESC LIMIT :limit OFFSET :offset`,
  ).all({ ...filter.params, limit, offset }) as Record<string, unknown>[];
  return { rows, total };
}
