// Wires the database, the history store and the queue into one engine with typed events.
import { join } from 'node:path';
import { openDatabase } from '../db';
import { createEventHub } from '../events/event-hub';
import { HistoryStore } from '../history';
import { DATABASE_FILE_NAME } from '../paths';
import { createUploadQueue } from '../queue';
import type { QueueEvents } from '../queue';
import type { Engine, EngineOptions } from './types';

export function openEngine(opts: EngineOptions): Engine {
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE_NAME));
  const history = new HistoryStore(db, {
    now: opts.now,
    expiringSoonMs: opts.expiringSoonMs,
    linkLifetimeHours: opts.linkLifetimeHours,
  });
  const hub = createEventHub<QueueEvents>();
  const queue = createUploadQueue({
    db,
    history,
    endpoints: opts.endpoints,
    getApiKey: opts.getApiKey,
    emit: hub.emit,
    now: opts.now,
    concurrency: opts.concurrency,
    retry: opts.retry,
    stallTimeoutMs: opts.stallTimeoutMs,
    responseTimeoutMs: opts.responseTimeoutMs,
    progressIntervalMs: opts.progressIntervalMs,
    uniqueSegment: opts.uniqueSegment,
    userAgent: opts.userAgent,
    proxy: opts.proxy,
    leaseMs: opts.leaseMs,
    hooks: opts.hooks,
    location: opts.location,
  });

  let closing: Promise<void> | undefined;
  return {
    db,
    history,
    queue,
    on: (event, listener) => hub.on(event, listener),
    close() {
      // In-flight uploads go back to 'queued' before the database closes, so a restart resumes them.
      closing ??= (async () => {
        await queue.stop();
        hub.clear();
        db.close();
      })();
      return closing;
    },
  };
}
