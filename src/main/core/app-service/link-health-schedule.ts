// Link checks on a schedule while the app runs: links in the expiring window and pinned links are asked
// about at most once an hour each, a small batch at a time, first a minute after start (never on the
// start-up path) and never while the computer is offline. What a check finds is a state on the entry's
// row, not a message: a link found gone makes its row dead (Renew instead of Copy) through 'link-checks'.
import { networkInterfaces } from 'node:os';
import { checkLinks, dueLinkChecks, LinkCheckStore, linkCheckView, type CheckOptions } from '../health';
import type { LinkCheck } from '../../../shared/ipc-contract';
import type { SettingsStore } from '../settings';
import type { EngineHost } from './engine-host';
import type { EventOutbox } from './event-outbox';
import { createPeriodicTask } from './periodic-task';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export const LINK_HEALTH_INTERVAL_MS = 10 * MINUTE_MS;
export const LINK_HEALTH_RECHECK_AFTER_MS = HOUR_MS;

export interface LinkHealthScheduleOptions {
  engine: EngineHost;
  settings: SettingsStore;
  outbox: EventOutbox;
  /** How links are checked (the saved proxy, the user agent), made fresh for each round. */
  checkOptions: () => CheckOptions & { close?: () => void };
  /** False skips the round. Default: whether any network interface other than loopback is up. */
  isOnline?: () => boolean;
  now?: () => number;
  /** Default 1 min. */
  firstDelayMs?: number;
  /** Between rounds; default 10 min. */
  intervalMs?: number;
  /** A link checked more recently than this is not asked again; default 1 h. */
  recheckAfterMs?: number;
  /** Links per batch; default 20. */
  batchSize?: number;
  /** Links per round at most; default 200. The rest wait for the next round. */
  maxPerRound?: number;
}

export interface LinkHealthSchedule {
  start(): void;
  /** One round now (or joins the one running); resolves with the checks it made. */
  runNow(): Promise<LinkCheck[]>;
  close(): Promise<void>;
}

/** An interface with an address other than loopback: without one no host can answer. */
export function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((list) => (list ?? []).some((i) => !i.internal));
}

export function createLinkHealthSchedule(opts: LinkHealthScheduleOptions): LinkHealthSchedule {
  const now = opts.now ?? Date.now;
  const isOnline = opts.isOnline ?? hasNetworkInterface;
  const batchSize = opts.batchSize ?? 20;
  const maxPerRound = opts.maxPerRound ?? 200;
  const abort = new AbortController();

  async function round(): Promise<LinkCheck[]> {
    const made: LinkCheck[] = [];
    if (!isOnline()) return made;
    const check = opts.checkOptions();
    try {
      while (!task.isClosed() && made.length < maxPerRound) {
        const db = opts.engine.db;
        const due = dueLinkChecks(db, {
          nowMs: now(),
          soonMs: opts.settings.get().expiringSoonHours * HOUR_MS,
          recheckAfterMs: opts.recheckAfterMs ?? LINK_HEALTH_RECHECK_AFTER_MS,
          limit: Math.min(batchSize, maxPerRound - made.length),
          shiftMs: opts.engine.history.expiryShiftMs(),
        });
        if (due.length === 0) break;
        const store = new LinkCheckStore(db);
        const batch: LinkCheck[] = [];
        const probes = await checkLinks(
          due,
          { ...check, concurrency: 4, retries: 1, signal: abort.signal },
          (link, probe) => {
            if (task.isClosed()) return;
            const at = now();
            const health = store.record(link.id, probe, at);
            if (health !== undefined) batch.push(linkCheckView(health, at));
          },
        );
        made.push(...batch);
        if (batch.length > 0) opts.outbox.emit('link-checks', batch);
        // No host answered at all: the network is down (or the proxy is); the next round tries again.
        if (probes.every((p) => p.state === 'unreachable') || batch.length === 0) break;
      }
    } finally {
      check.close?.();
    }
    return made;
  }

  const task = createPeriodicTask({
    name: 'link-health',
    run: round,
    firstDelayMs: opts.firstDelayMs ?? MINUTE_MS,
    intervalMs: opts.intervalMs ?? LINK_HEALTH_INTERVAL_MS,
  });
  return {
    start: task.start,
    runNow: task.runNow,
    async close() {
      const ended = task.close();
      // A round waiting on slow hosts ends now rather than at their timeouts.
      abort.abort();
      await ended;
    },
  };
}
