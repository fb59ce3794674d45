// Keep-alive while the app lives (in the window or the tray): one pass shortly after start, then every
// 15 minutes. Passes never overlap, never hold up start-up, and take the same per-entry lease as
// `kiedrop keepalive`, so a cron job running beside the app uploads nothing twice. What a pass found that
// the person must know goes out as notices with stable codes, said in their language by the window.
import { hostname } from 'node:os';
import type { ApiClient } from '../api';
import type { CheckOptions } from '../health';
import { runKeepAlivePass, type KeepAliveOutcome, type KeepAliveReport } from '../keepalive';
import { createJobStore } from '../queue/job-store';
import { formatLeaseOwner, newLeaseOwner } from '../queue/lease-owner';
import type { SettingsStore } from '../settings';
import type { EngineHost } from './engine-host';
import { errorCodeOf } from './error-codes';
import type { EventChannels } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';
import { createPeriodicTask } from './periodic-task';

const HOUR_MS = 60 * 60 * 1000;
export const KEEPALIVE_INTERVAL_MS = 15 * 60 * 1000;

export interface KeepAliveServiceOptions {
  engine: EngineHost;
  settings: SettingsStore;
  outbox: EventOutbox;
  /** The key in use, or null when there is none (then nothing is uploaded; the pass reports it failed). */
  apiKey: () => Promise<string | null>;
  apiClientFor: (key: string) => ApiClient;
  /** How links are checked (the saved proxy, the user agent), made fresh for each pass. */
  checkOptions: () => CheckOptions & { close?: () => void };
  now?: () => number;
  /** Default 15 min. */
  intervalMs?: number;
  /** Default 5 s: after the window has had its start. */
  firstDelayMs?: number;
}

export interface KeepAliveService {
  start(): void;
  /** One pass now (or joins the one running); resolves with what it did. */
  runNow(): Promise<KeepAliveReport>;
  close(): Promise<void>;
}

export class NoKeyForKeepAliveError extends Error {
  constructor() {
    super('No API key is saved, so pinned links cannot be uploaded again. Save a key in Settings.');
    this.name = 'NoKeyForKeepAliveError';
  }
}

function noticeFor(o: KeepAliveOutcome): EventChannels['notice'] | null {
  switch (o.kind) {
    case 'url-changed':
      return {
        level: 'warning',
        message: `The link of "${o.fileName}" changed when it was kept alive; share the new one: ${o.newDownloadUrl ?? ''}`,
        code: 'keepalive.url-changed',
        params: { name: o.fileName, url: o.newDownloadUrl ?? '' },
      };
    case 'clock-not-restarted':
      return {
        level: 'error',
        message: `"${o.fileName}" died at its first expiry although it was uploaded again: keep-alive does not work for links at ${o.scope ?? ''}, so it is off there. Renew the link from History.`,
        code: 'keepalive.unsupported',
        params: { name: o.fileName, scope: o.scope ?? '' },
      };
    case 'blocked':
      return {
        level: 'warning',
        message: `"${o.fileName}" was not kept alive: keep-alive does not work for links at ${o.scope ?? ''}.`,
        code: 'keepalive.blocked',
        params: { name: o.fileName, scope: o.scope ?? '' },
      };
    case 'failed': {
      const coded = o.cause === undefined ? null : errorCodeOf(o.cause);
      return {
        level: 'warning',
        message: o.message ?? `"${o.fileName}" could not be kept alive.`,
        code: 'keepalive.failed',
        params: { name: o.fileName, reason: o.message ?? '', ...(coded && { reasonCode: coded.code }) },
      };
    }
    default:
      return null;
  }
}

export function createKeepAliveService(opts: KeepAliveServiceOptions): KeepAliveService {
  const now = opts.now ?? Date.now;
  const owner = formatLeaseOwner(newLeaseOwner(hostname(), process.pid));
  async function pass(): Promise<KeepAliveReport> {
    const engine = opts.engine;
    const check = opts.checkOptions();
    let client: ApiClient | undefined;
    try {
      const report = await runKeepAlivePass({
        db: engine.db,
        history: engine.history,
        jobs: createJobStore(engine.db),
        client: async () => {
          if (client === undefined) {
            const key = await opts.apiKey();
            if (key === null) throw new NoKeyForKeepAliveError();
            client = opts.apiClientFor(key);
          }
          return client;
        },
        now,
        leadMs: opts.settings.get().keepAliveLeadHours * HOUR_MS,
        owner,
        check,
      });
      announce(report);
      return report;
    } finally {
      client?.close();
      check.close?.();
    }
  }

  function announce(report: KeepAliveReport): void {
    for (const o of report.outcomes) {
      if (o.kind === 'url-changed' && o.newHistoryId !== undefined) {
        const added = opts.engine.history.get(o.newHistoryId);
        if (added) opts.outbox.emit('history', { added, replaced: o.historyId });
      }
      const notice = noticeFor(o);
      if (notice) opts.outbox.emit('notice', notice);
    }
    if (report.missed > 0) {
      const n = report.missed;
      opts.outbox.emit('notice', {
        level: 'warning',
        message: `${n} pinned link${n === 1 ? '' : 's'} died while KieDrop was not running. Renew ${n === 1 ? 'it' : 'them'} for a new link.`,
        code: 'keepalive.missed',
        params: { count: n },
        renewIds: report.outcomes.filter((o) => o.kind === 'missed').map((o) => o.historyId),
      });
    }
  }

  const { start, runNow, close } = createPeriodicTask({
    name: 'keepalive',
    run: pass,
    firstDelayMs: opts.firstDelayMs ?? 5000,
    intervalMs: opts.intervalMs ?? KEEPALIVE_INTERVAL_MS,
  });
  return { start, runNow, close };
}
