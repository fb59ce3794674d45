// One pass of keeping local copies of URL uploads: every live URL upload without a copy gets its link's
// bytes downloaded (the new link, not the original address: the link is what the service serves), within
// a cap on the space all copies take. A download that fails is recorded and tried again later with a
// growing pause; one whose link is gone is not tried again.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { KieDropDb } from '../db';
import type { HistoryStore } from '../history';
import { CopyStore, copiesFolder } from './copy-store';
import { DownloadError, type Downloaded } from './download-link';

export interface CopyPassDeps {
  db: KieDropDb;
  history: HistoryStore;
  now: () => number;
  /** Whether new copies are made; when off, the pass only keeps the existing ones within the cap. */
  enabled: boolean;
  capBytes: number;
  download: (url: string, target: string, expectedSize: number) => Promise<Downloaded>;
  /** Failed downloads are logged here, never shown as errors: the upload itself succeeded. */
  log: (line: string) => void;
  /** Most downloads in one pass; default 20. */
  limit?: number;
}

export interface CopyPassReport {
  saved: number[];
  failed: number[];
  evicted: number[];
}

const MINUTE_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * MINUTE_MS;

/** The pause before try `attempts + 1`: 1 min, 2 min, 4 min … at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1));
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Removes copies, oldest unpinned first, until `needed` more bytes fit under the cap. */
async function makeRoom(store: CopyStore, capBytes: number, needed: number): Promise<number[]> {
  let total = store.totalBytes();
  const evicted: number[] = [];
  // Pinned entries' copies come last in this order: they go only when nothing else is left to remove,
  // since the cap is the person's own limit on the space and is kept even then.
  for (const copy of store.evictionOrder()) {
    if (total + needed <= capBytes) break;
    await rm(copy.path, { force: true });
    store.evicted(copy.historyId, 'removed to keep the copies within the space allowed');
    total -= copy.size;
    evicted.push(copy.historyId);
  }
  return evicted;
}

/** Files in the folder that no row names (an entry deleted from History, a download cut off by a crash). */
async function sweepStrays(db: KieDropDb, folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const known = new Set(
    (
      db.conn
        .prepare('SELECT file_name FROM url_copies WHERE file_name IS NOT NULL')
        .raw()
        .all() as unknown[][]
    ).map((r) => String(r[0])),
  );
  await Promise.all(names.filter((n) => !known.has(n)).map((n) => rm(join(folder, n), { force: true })));
}

export async function runCopyPass(deps: CopyPassDeps): Promise<CopyPassReport> {
  const store = new CopyStore(deps.db);
  const folder = copiesFolder(deps.db);
  const report: CopyPassReport = { saved: [], failed: [], evicted: [] };
  await sweepStrays(deps.db, folder);
  // A lowered cap applies at once, whether or not new copies are made.
  report.evicted.push(...(await makeRoom(store, deps.capBytes, 0)));
  if (!deps.enabled) return report;
  const due = store.missing(deps.now(), deps.limit ?? 20, deps.history.expiryShiftMs());
  if (due.length > 0) await mkdir(folder, { recursive: true });
  for (const id of due) {
    const entry = deps.history.get(id);
    if (entry === undefined) continue;
    if (entry.size > deps.capBytes) {
      store.failed(id, `${entry.size} bytes is more than the space allowed for copies`, null);
      deps.log(`No copy of "${entry.fileName}" (entry ${id}): larger than the space allowed for copies.`);
      continue;
    }
    report.evicted.push(...(await makeRoom(store, deps.capBytes, entry.size)));
    const fileName = `${id}${extname(entry.fileName).slice(0, 16)}`;
    try {
      const got = await deps.download(entry.downloadUrl, join(folder, fileName), entry.size);
      store.saved(id, { fileName, size: got.size, sha256: got.sha256 }, deps.now());
      report.saved.push(id);
    } catch (err) {
      const gone = err instanceof DownloadError && err.gone;
      const attempts = store.attempts(id) + 1;
      store.failed(id, reason(err), gone ? null : deps.now() + retryDelayMs(attempts));
      deps.log(
        `The copy of "${entry.fileName}" (entry ${id}) could not be downloaded: ${reason(err)}` +
          (gone ? '' : ` Trying again in ${Math.round(retryDelayMs(attempts) / MINUTE_MS)} min.`),
      );
      report.failed.push(id);
    }
  }
  return report;
}
