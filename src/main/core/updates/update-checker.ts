// "KieDrop X.Y is available": asks the release feed at most once a day, in the background. It never
// delays start-up (the first check waits a little after start), asks nothing while the setting is off or
// the computer is offline (it looks again an hour later), and a failed check (offline, feed down) changes nothing on screen: it is logged, and the next one is
// due a day later as usual. The time of the last check and what it found are kept in a small file in
// the data folder, so restarting the app does not ask again.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ReleaseInfo } from './latest-release';
import type { UpdateFeed } from './publish-config';
import { isNewerVersion } from './version-order';

export const CHECK_INTERVAL_MS = 24 * 60 * 60_000;
/** After start: long enough that the window and the tray are up first. */
export const FIRST_CHECK_DELAY_MS = 30_000;
/** Offline when a check was due: when to look again. */
export const OFFLINE_RETRY_MS = 60 * 60_000;

export interface UpdateStatus {
  /** False in a dev run or a build that names no release feed: nothing is ever checked. */
  configured: boolean;
  /** The "Check for updates" setting. */
  enabled: boolean;
  currentVersion: string;
  /** When the feed last answered. */
  checkedAt: number | null;
  /** A newer release, or null. */
  available: ReleaseInfo | null;
}

interface Remembered {
  checkedAt: number | null;
  latest: ReleaseInfo | null;
}

export interface UpdateCheckerOptions {
  currentVersion: string;
  feed: UpdateFeed | null;
  fetchLatest: (feed: UpdateFeed) => Promise<ReleaseInfo | null>;
  /** Where the last check is remembered (a JSON file in the data folder). */
  stateFile: string;
  enabled: () => boolean;
  /** Whether the computer is online; absent: always. */
  isOnline?: () => boolean;
  now?: () => number;
  log: (line: string) => void;
  intervalMs?: number;
  firstDelayMs?: number;
  offlineRetryMs?: number;
}

export interface UpdateChecker {
  status(): UpdateStatus;
  /** Called with the new status when a check found something or the setting changed. */
  onChange(listener: (status: UpdateStatus) => void): () => void;
  /** Re-plans after the setting changed. */
  settingChanged(): void;
  /** Resolves when no check is running (tests, shutdown). */
  settled(): Promise<void>;
  close(): void;
}

function load(file: string): Remembered {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Remembered>;
    const latest = raw.latest;
    return {
      checkedAt: typeof raw.checkedAt === 'number' ? raw.checkedAt : null,
      latest:
        latest && typeof latest.version === 'string' && typeof latest.url === 'string'
          ? { version: latest.version, url: latest.url }
          : null,
    };
  } catch {
    return { checkedAt: null, latest: null };
  }
}

function save(file: string, state: Remembered): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

export function createUpdateChecker(opts: UpdateCheckerOptions): UpdateChecker {
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? CHECK_INTERVAL_MS;
  const firstDelay = opts.firstDelayMs ?? FIRST_CHECK_DELAY_MS;
  const feed = opts.feed;
  let remembered = load(opts.stateFile);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let closed = false;
  const listeners = new Set<(status: UpdateStatus) => void>();
  const changed = (): void => {
    const now = status();
    for (const listener of listeners) listener(now);
  };

  const status = (): UpdateStatus => {
    const latest = remembered.latest;
    return {
      configured: feed !== null,
      enabled: opts.enabled(),
      currentVersion: opts.currentVersion,
      checkedAt: remembered.checkedAt,
      available: latest !== null && isNewerVersion(latest.version, opts.currentVersion) ? latest : null,
    };
  };

  async function check(target: UpdateFeed): Promise<void> {
    try {
      const latest = await opts.fetchLatest(target);
      remembered = { checkedAt: now(), latest };
      try {
        save(opts.stateFile, remembered);
      } catch (err) {
        opts.log(`update check: could not remember the result (${(err as Error).message})`);
      }
      if (!closed) changed();
    } catch (err) {
      // Silent on screen: an offline laptop is not an error worth a message. The next check is a day on.
      remembered = { ...remembered, checkedAt: now() };
      opts.log(`update check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function plan(delayFloor: number): void {
    clearTimeout(timer);
    timer = undefined;
    if (closed || feed === null || !opts.enabled()) return;
    const due = remembered.checkedAt === null ? 0 : remembered.checkedAt + interval - now();
    timer = setTimeout(
      () => {
        if (opts.isOnline && !opts.isOnline()) {
          opts.log('update check: the computer is offline; trying again later');
          plan(opts.offlineRetryMs ?? OFFLINE_RETRY_MS);
          return;
        }
        running = check(feed).finally(() => {
          running = null;
          plan(0);
        });
      },
      Math.max(delayFloor, due),
    );
    timer.unref();
  }

  plan(firstDelay);
  return {
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settingChanged() {
      plan(firstDelay);
      changed();
    },
    settled: async () => {
      await running;
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
