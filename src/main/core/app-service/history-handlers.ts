// History channels: list, delete, export, copy/open links, reveal files, thumbnails.
import { stat } from 'node:fs/promises';
import { ExportWriteError, exportToFile } from '../history';
import type { HistoryEntry, HistoryPage, HistoryQuery } from '../history';
import { LinkCheckStore, linkCheckView, type LinkHealth } from '../health';
import { withPins } from '../keepalive';
import { formatLinks } from '../links';
import { decodePreview } from '../thumbnails';
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

type HistoryHandlerNames =
  | 'history:list'
  | 'history:failed'
  | 'history:delete'
  | 'history:clear-expired'
  | 'history:export'
  | 'history:copy-link'
  | 'history:open-link'
  | 'history:reveal-file'
  | 'history:thumbnail'
  | 'history:file-present'
  | 'history:start-drag'
  | 'history:preview'
  | 'history:lifetime';

/** Larger images are not decoded just for a 96-pixel preview. */
export const MAX_THUMBNAIL_SOURCE_BYTES = 64 * 1024 * 1024;
/** The large preview (Space): fits the window, decoded off the main thread like the thumbnails. */
export const LARGE_PREVIEW_SIZE = 1200;

async function isExistingFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isWebLink(link: string): boolean {
  try {
    const { protocol } = new URL(link);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A copy re-checks a link whose last check is older than this. */
export const COPY_RECHECK_AFTER_MS = 60 * 60 * 1000;
/** A big selection is not held up by hundreds of requests: past this many, stored results decide. */
const MAX_CHECKS_PER_COPY = 20;

function dateStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function historyHandlers(deps: HandlerDeps): Pick<Handlers, HistoryHandlerNames> {
  const { engine, outbox, shell, dialogs, clipboard, settings, thumbnails } = deps;
  const now = deps.now ?? Date.now;

  // The latest search wins: a search still waiting its turn when the user typed on is answered as
  // superseded instead of being run (the window has moved to the newer query and drops that answer).
  // Only searches supersede searches: a plain listing (the expired count, say) comes from elsewhere.
  // A link known to be dead is not put on the clipboard without a word: the copy fails with a message
  // naming it. Links not checked within the hour are checked first (a few at most); a host that does
  // not answer says nothing about the file, so it never blocks a copy.
  async function refuseGoneLinks(entries: HistoryEntry[]): Promise<void> {
    const store = new LinkCheckStore(engine.db);
    const stale = (h: LinkHealth | undefined) =>
      h === undefined || now() - Date.parse(h.checkedAt) > COPY_RECHECK_AFTER_MS;
    const health = new Map(entries.map((e) => [e.id, store.get(e.id)]));
    const checkLink = deps.checkLink;
    if (checkLink !== undefined) {
      const due = entries.filter((e) => stale(health.get(e.id))).slice(0, MAX_CHECKS_PER_COPY);
      await Promise.all(
        due.map(async (e) => health.set(e.id, store.record(e.id, await checkLink(e.downloadUrl), now()))),
      );
    }
    const gone = entries.filter((e) => health.get(e.id)?.state === 'gone');
    const first = gone[0];
    if (first === undefined) return;
    const since = health.get(first.id)?.goneSince ?? new Date(now()).toISOString();
    const others = gone.length > 1 ? ` (and ${gone.length - 1} more)` : '';
    throw new IpcFailure(
      'link-gone',
      `The link of "${first.fileName}"${others} no longer works: its host answered that the file is gone ` +
        `(first seen gone ${since}). Nothing was copied. Renew it for a fresh link.`,
      { code: 'history.link-gone', params: { name: first.fileName, count: gone.length, since } },
    );
  }

  let latestSearch = '';
  let generation = 0;

  // Each listed entry carries its link's last check and its pin: one lookup by key each for the page,
  // never a join over the whole history.
  function withLinkChecks(page: HistoryPage): HistoryPage {
    if (page.entries.length === 0) return page;
    const leadMs = settings.get().keepAliveLeadHours * 60 * 60 * 1000;
    const at = now();
    const pinned = withPins(engine.db, page.entries, leadMs, at);
    const checks = new LinkCheckStore(engine.db).forEntries(page.entries.map((e) => e.id));
    const entries = pinned.map((e) => {
      const health = checks.get(e.id);
      return health === undefined ? e : { ...e, linkCheck: linkCheckView(health, at) };
    });
    return { ...page, entries };
  }

  async function list(query: HistoryQuery): Promise<HistoryPage> {
    if ((query.search ?? '').trim() === '') return withLinkChecks(engine.history.list(query));
    const key = JSON.stringify([query.search, query.status ?? 'all', query.pinned === true]);
    if (key !== latestSearch) {
      latestSearch = key;
      generation++;
    }
    const mine = generation;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (mine !== generation) return { entries: [], total: 0, superseded: true };
    return withLinkChecks(engine.history.list(query));
  }

  function entry(id: number): HistoryEntry {
    const found = engine.history.get(id);
    if (!found) throw new IpcFailure('not-found', `History entry ${id} no longer exists.`);
    return found;
  }

  return {
    'history:list': list,
    'history:failed': (query) => engine.history.failedJobs(query),
    'history:lifetime': () => engine.history.lifetime(),
    'history:delete': (id) => {
      const removed = engine.history.delete(id);
      if (removed) outbox.emit('history', { removed: id });
      return removed;
    },
    'history:clear-expired': () => engine.history.clearExpired(),
    'history:export': async (format) => {
      const path = await dialogs.saveFile(`kiedrop-history-${dateStamp(now())}.${format}`);
      if (path === null) return null;
      try {
        // Streamed a page at a time, through a temporary file renamed into place.
        await exportToFile((q, size) => engine.history.exportPages(q, size), format, {}, path);
      } catch (err) {
        if (!(err instanceof ExportWriteError)) throw err;
        throw new IpcFailure(
          'io',
          `The history could not be written to ${path} (${err.code}). Choose another place.`,
        );
      }
      return path;
    },
    'history:copy-link': async (ids, format) => {
      if (ids.length === 0)
        throw new IpcFailure('invalid-argument', 'Choose at least one upload to copy its link.');
      const entries = ids.map(entry);
      await refuseGoneLinks(entries);
      const text = formatLinks(entries, format, settings.get().customCopyTemplate);
      try {
        await clipboard.writeText(text);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new IpcFailure('io', `The link was not copied: ${why}`);
      }
      deps.recordShared?.(ids);
      return text;
    },
    'history:open-link': async (id) => {
      const { downloadUrl } = entry(id);
      // Only links we recorded, and only web links: never a file:// or custom-scheme URL.
      if (!isWebLink(downloadUrl)) {
        throw new IpcFailure(
          'forbidden',
          'This link is not an http(s) address, so KieDrop will not open it.',
        );
      }
      await shell.openExternal(downloadUrl);
    },
    'history:reveal-file': async (id) => {
      const { localPath } = entry(id);
      if (localPath === null) {
        throw new IpcFailure('not-found', 'This upload has no local file: it was uploaded from a link.');
      }
      if (!(await isExistingFile(localPath))) {
        throw new IpcFailure(
          'not-found',
          `The local file ${localPath} is no longer there (moved or deleted).`,
        );
      }
      shell.showItemInFolder(localPath);
    },
    'history:file-present': async (id) => {
      const { localPath } = entry(id);
      return localPath !== null && (await isExistingFile(localPath));
    },
    'history:start-drag': async (id) => {
      const { localPath } = entry(id);
      // Only the file this entry was uploaded from, and only while it is still a file there.
      if (localPath === null || !(await isExistingFile(localPath))) {
        throw new IpcFailure(
          'not-found',
          'The local file is no longer there, so only the link can be dragged.',
        );
      }
      shell.startFileDrag(localPath);
    },
    'history:preview': async (id) => {
      const { localPath, mimeType } = entry(id);
      if (localPath === null || !mimeType.toLowerCase().startsWith('image/')) return null;
      const info = await stat(localPath).catch(() => null);
      if (info === null || !info.isFile() || info.size > MAX_THUMBNAIL_SOURCE_BYTES) return null;
      return decodePreview(localPath, { size: LARGE_PREVIEW_SIZE });
    },
    'history:thumbnail': async (id) => {
      const { localPath, mimeType } = entry(id);
      // Made from the local file, never the remote link: links die after three days.
      if (localPath === null || !mimeType.toLowerCase().startsWith('image/')) return null;
      try {
        const info = await stat(localPath);
        if (!info.isFile() || info.size > MAX_THUMBNAIL_SOURCE_BYTES) return null;
        return await thumbnails.fromFile(localPath);
      } catch {
        return null;
      }
    },
  };
}
