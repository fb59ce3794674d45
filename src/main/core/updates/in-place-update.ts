// "Download and restart": replaces the running KieDrop with the newer release, only when the person asks.
// Nothing here runs at start-up or on a timer; the daily check (update-checker.ts) only says a release is
// out. A click first makes sure the computer is online, then asks the release feed for this system's
// installer, downloads it (electron-updater checks its sha512) while reporting progress, and offers
// "Restart to update". Every failure is logged; the state carries it so the screen that was clicked can
// say "Could not download the update: …". The installer itself (electron-updater) is handed in by the
// main process, so this module never loads Electron.
import type { InPlaceUpdateProblem, InPlaceUpdateState } from '../../../shared/desktop';

export type { InPlaceUpdateProblem, InPlaceUpdateState };

/** What the main process's updater (electron-updater's AppUpdater) does for this module. */
export interface InPlaceInstaller {
  /** Asks the release feed; the newer version it offers for this system, or null when there is none. */
  find(): Promise<string | null>;
  /** Downloads that version, calling onPercent (0–100) as bytes arrive; rejects when it fails or does not verify. */
  download(onPercent: (percent: number) => void): Promise<void>;
  /** Quits KieDrop and starts the installed update; throws when the update cannot be installed. */
  install(): void;
}

export interface InPlaceUpdateOptions {
  /** Null when this build cannot update itself in place (a dev run, deb, rpm…). */
  installer: InPlaceInstaller | null;
  /** False when the computer has no network connection: nothing is asked then. */
  isOnline: () => boolean;
  log: (line: string) => void;
}

export interface InPlaceUpdate {
  state(): InPlaceUpdateState;
  onChange(listener: (state: InPlaceUpdateState) => void): () => void;
  /** Finds and downloads the update; resolves with the state it ended in ('downloaded' or 'failed'). */
  download(): Promise<InPlaceUpdateState>;
  /** After 'downloaded': quits and installs. Returns 'restarting', or 'failed' with the reason. */
  restart(): InPlaceUpdateState;
}

/** Progress is shown in whole percent; a new state only when that number changes. */
function wholePercent(percent: number): number {
  return Math.max(0, Math.min(100, Math.floor(Number.isFinite(percent) ? percent : 0)));
}

/** The first line of an error's message: electron-updater's can carry a stack or a whole answer body. */
export function failureDetail(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line || 'unknown error';
}

export function createInPlaceUpdate(opts: InPlaceUpdateOptions): InPlaceUpdate {
  let current: InPlaceUpdateState = opts.installer ? { phase: 'idle' } : { phase: 'unsupported' };
  let running: Promise<InPlaceUpdateState> | null = null;
  const listeners = new Set<(state: InPlaceUpdateState) => void>();
  const set = (next: InPlaceUpdateState): InPlaceUpdateState => {
    current = next;
    for (const listener of listeners) listener(next);
    return next;
  };
  const fail = (problem: InPlaceUpdateProblem, detail: string): InPlaceUpdateState => {
    opts.log(`in-place update: ${detail}`);
    return set({ phase: 'failed', problem, detail });
  };

  async function run(installer: InPlaceInstaller): Promise<InPlaceUpdateState> {
    if (!opts.isOnline()) return fail('offline', 'the computer has no network connection');
    set({ phase: 'downloading', version: null, percent: 0 });
    let version: string | null;
    try {
      version = await installer.find();
    } catch (err) {
      return fail('download', failureDetail(err));
    }
    if (version === null)
      return fail('no-update', 'the release feed offers no newer version for this system');
    set({ phase: 'downloading', version, percent: 0 });
    try {
      await installer.download((percent) => {
        const whole = wholePercent(percent);
        if (current.phase === 'downloading' && current.percent !== whole) {
          set({ phase: 'downloading', version, percent: whole });
        }
      });
    } catch (err) {
      return fail('download', failureDetail(err));
    }
    opts.log(`in-place update: KieDrop ${version} downloaded`);
    return set({ phase: 'downloaded', version });
  }

  return {
    state: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    download() {
      const installer = opts.installer;
      if (installer === null) return Promise.resolve(current);
      if (current.phase === 'downloaded' || current.phase === 'restarting') return Promise.resolve(current);
      // A second click while one runs joins it instead of starting another download.
      running ??= run(installer).finally(() => {
        running = null;
      });
      return running;
    },
    restart() {
      const installer = opts.installer;
      if (installer === null || current.phase !== 'downloaded') return current;
      const version = current.version;
      try {
        installer.install();
      } catch (err) {
        return fail('install', failureDetail(err));
      }
      opts.log(`in-place update: restarting into KieDrop ${version}`);
      return set({ phase: 'restarting', version });
    },
  };
}
