// Keeps local copies of URL uploads while the app runs (when the setting is on): a pass soon after each
// URL upload finishes, and one every 10 minutes for failed downloads' retries and for URL uploads made
// from the command line. Passes never overlap. Failures go to the log, never to a toast: the upload
// itself succeeded, and the next pass tries again.
import { runCopyPass, CopyStore, type CopyPassReport, type Downloaded } from '../copies';
import type { SettingsStore } from '../settings';
import type { EngineHost } from './engine-host';

export const URL_COPIES_INTERVAL_MS = 10 * 60 * 1000;
const MIB = 1024 * 1024;

export interface UrlCopiesServiceOptions {
  engine: EngineHost;
  settings: SettingsStore;
  /** Downloads a link through the proxy saved now. */
  download: (url: string, target: string, expectedSize: number) => Promise<Downloaded>;
  now?: () => number;
  log?: (line: string) => void;
  /** Default 10 min. */
  intervalMs?: number;
  /** Default 1 s after an upload finished, so several finishing together share one pass. */
  afterUploadDelayMs?: number;
}

export interface UrlCopiesService {
  start(): void;
  /** One pass now (or after the running one); resolves with what it did. */
  runNow(): Promise<CopyPassReport>;
  close(): Promise<void>;
}

export function createUrlCopiesService(opts: UrlCopiesServiceOptions): UrlCopiesService {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.warn(`[url-copies] ${line}`));
  let running: Promise<CopyPassReport> | null = null;
  let again = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  const offs: (() => void)[] = [];

  const pass = async (): Promise<CopyPassReport> => {
    const s = opts.settings.get();
    return runCopyPass({
      db: opts.engine.db,
      history: opts.engine.history,
      now,
      enabled: s.keepUrlUploadCopies,
      capBytes: s.urlUploadCopiesMaxMiB * MIB,
      download: opts.download,
      log,
    });
  };

  const runNow = (): Promise<CopyPassReport> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let report = await pass();
        while (again && !closed) {
          again = false;
          report = await pass();
        }
        return report;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const runQuietly = (): void => {
    if (closed) return;
    runNow().catch((err: unknown) =>
      log(
        `A pass over the copies of URL uploads stopped: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  };

  return {
    start() {
      offs.push(
        opts.engine.on('job', (job) => {
          if (job.status !== 'done' || job.historyId === null) return;
          // A renewal sent from the copy: the new link serves these bytes, so the copy moves to it.
          if (job.renewOf !== null && job.localPath !== null) {
            const store = new CopyStore(opts.engine.db);
            if (store.get(job.renewOf)?.path === job.localPath) store.moveTo(job.renewOf, job.historyId);
          }
          if (job.method !== 'url' || !opts.settings.get().keepUrlUploadCopies) return;
          clearTimeout(soon);
          soon = setTimeout(runQuietly, opts.afterUploadDelayMs ?? 1000);
        }),
        opts.settings.onChange((next, previous) => {
          if (
            next.keepUrlUploadCopies !== previous.keepUrlUploadCopies ||
            next.urlUploadCopiesMaxMiB !== previous.urlUploadCopiesMaxMiB
          )
            runQuietly();
        }),
      );
      timer = setInterval(runQuietly, opts.intervalMs ?? URL_COPIES_INTERVAL_MS);
      timer.unref?.();
    },
    runNow,
    async close() {
      closed = true;
      clearTimeout(soon);
      clearInterval(timer);
      for (const off of offs) off();
      await running?.catch(() => undefined);
    },
  };
}
