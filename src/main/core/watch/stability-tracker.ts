// Decides when a file is complete: its size and mtime must stay the same for a quiet period, measured
// from the last change this tracker saw. Every change (an event, or a re-stat that finds a new size or
// mtime) restarts the wait, with no give-up: a file that keeps growing for an hour is waited for an hour.
// An empty file is a placeholder (browsers create one before the download) and waits until it has
// content or goes away. Pure: the clock is passed in and the stat function is injected.

export interface FileSignature {
  size: number;
  /** Whole milliseconds. */
  mtimeMs: number;
}

export interface StatResult extends FileSignature {
  isFile: boolean;
  /** A symbolic link (not followed): where it leads is the caller's business, not the tracker's. */
  isLink?: boolean;
}

export type StatFn = (key: string) => Promise<StatResult>;

export type StabilityOutcome =
  /** First stat, or a stat that found a different size/mtime: the quiet period (re)started. */
  | { key: string; kind: 'observed'; signature: FileSignature }
  /** Unchanged for the quiet period and not empty: ready to upload. No longer tracked. */
  | { key: string; kind: 'stable'; signature: FileSignature }
  /** Vanished (renamed away or deleted). No longer tracked. */
  | { key: string; kind: 'gone' }
  /** Could not be inspected, or is not a regular file. No longer tracked. */
  | { key: string; kind: 'error'; error: unknown; notRegular: boolean }
  /** A symbolic link: never uploaded itself. No longer tracked. */
  | { key: string; kind: 'link' };

interface Entry {
  signature: FileSignature | null;
  /** When the current quiet period started. */
  since: number;
  /** When to stat next. */
  dueAt: number;
  /** A stat of this entry is in flight. */
  busy: boolean;
  /** An event arrived while the stat was in flight: its result may already be stale. */
  touchedWhileBusy: boolean;
}

export interface StabilityTracker {
  /** A file appeared or changed: restart its quiet period and stat it at the next check. */
  touch(key: string, now: number): void;
  /** Stop tracking (deleted, renamed away, or decided elsewhere). */
  forget(key: string): void;
  has(key: string): boolean;
  keys(): string[];
  readonly size: number;
  /** When check() next has something to do, or null when nothing is tracked. */
  nextCheckAt(): number | null;
  /** Stats every entry that is due and reports what changed. */
  check(now: number): Promise<StabilityOutcome[]>;
  clear(): void;
}

export interface StabilityTrackerOptions {
  quietMs: number;
  stat: StatFn;
  /** Stats run at most this many at a time. Default 32. */
  parallel?: number;
}

export function sameSignature(a: FileSignature | null, b: FileSignature): boolean {
  return a !== null && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export function createStabilityTracker(opts: StabilityTrackerOptions): StabilityTracker {
  const quietMs = Math.max(0, opts.quietMs);
  const parallel = Math.max(1, opts.parallel ?? 32);
  const entries = new Map<string, Entry>();

  async function inspect(key: string, entry: Entry, now: number): Promise<StabilityOutcome | null> {
    let result: StatResult;
    try {
      result = await opts.stat(key);
    } catch (error) {
      if (entries.get(key) !== entry) return null;
      entries.delete(key);
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { key, kind: 'gone' };
      return { key, kind: 'error', error, notRegular: false };
    }
    // Forgotten (or forgotten and touched again) while the stat ran: that answer is not ours to use.
    if (entries.get(key) !== entry) return null;
    if (result.isLink === true) {
      entries.delete(key);
      return { key, kind: 'link' };
    }
    if (!result.isFile) {
      entries.delete(key);
      return { key, kind: 'error', error: null, notRegular: true };
    }
    const signature = { size: result.size, mtimeMs: result.mtimeMs };
    if (entry.touchedWhileBusy) {
      // An event came in during the stat; look again right away rather than trust this answer.
      entry.touchedWhileBusy = false;
      entry.dueAt = now;
      if (!sameSignature(entry.signature, signature)) {
        entry.signature = signature;
        return { key, kind: 'observed', signature };
      }
      return null;
    }
    if (!sameSignature(entry.signature, signature)) {
      const first = entry.signature === null;
      entry.signature = signature;
      // The first look keeps the period started by the event; a later difference restarts it.
      if (!first) entry.since = now;
      entry.dueAt = entry.since + quietMs;
      return { key, kind: 'observed', signature };
    }
    if (now - entry.since < quietMs) {
      entry.dueAt = entry.since + quietMs;
      return null;
    }
    if (signature.size === 0) {
      // A placeholder: look again later, forever, until it has content or is gone.
      entry.dueAt = now + Math.max(quietMs, 1);
      return null;
    }
    entries.delete(key);
    return { key, kind: 'stable', signature };
  }

  return {
    touch(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) {
        entries.set(key, { signature: null, since: now, dueAt: now, busy: false, touchedWhileBusy: false });
        return;
      }
      entry.since = now;
      entry.dueAt = now;
      if (entry.busy) entry.touchedWhileBusy = true;
    },
    forget(key) {
      entries.delete(key);
    },
    has: (key) => entries.has(key),
    keys: () => [...entries.keys()],
    get size() {
      return entries.size;
    },
    nextCheckAt() {
      let next: number | null = null;
      for (const e of entries.values()) if (!e.busy && (next === null || e.dueAt < next)) next = e.dueAt;
      return next;
    },
    async check(now) {
      const due = [...entries].filter(([, e]) => !e.busy && e.dueAt <= now);
      const outcomes: StabilityOutcome[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < due.length) {
          const item = due[next++];
          if (item === undefined) break;
          const [key, entry] = item;
          entry.busy = true;
          try {
            const outcome = await inspect(key, entry, now);
            if (outcome !== null) outcomes.push(outcome);
          } finally {
            entry.busy = false;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, due.length) }, worker));
      return outcomes;
    },
    clear() {
      entries.clear();
    },
  };
}
