// Everything behind the window, wired once: settings, key, engine, handler table, events. The Electron
// main process and the Chromium test harness both start the app through this, so what the tests drive
// is what users run; only the transport and the adapters differ.
import { createApiClient } from '../api';
import type { ApiEndpoints } from '../api';
import { openEngine } from '../engine';
import type { EngineOptions } from '../engine';
import type { SecretStore } from '../secrets';
import { createSettingsStore } from '../settings';
import type { SettingsStore } from '../settings';
import type { Handlers } from '../../../shared/ipc-contract';
import type { Settings } from '../../../shared/settings';
import { createCopyOnUpload } from './copy-on-upload';
import { createCreditsRefresher } from './credits-refresher';
import { createEngineHost } from './engine-host';
import type { EngineHost } from './engine-host';
import { createEventOutbox } from './event-outbox';
import type { EventOutbox, EventSend } from './event-outbox';
import { forwardEngineEvents } from './forward-events';
import { createHandlers } from './handlers';
import { currentKeyState } from './key-handlers';
import { createKeyService } from './key-service';
import type { KeyService } from './key-service';
import type { ClipboardAdapter, DialogAdapter, ShellAdapter, ThumbnailAdapter } from './types';

const HOUR_MS = 60 * 60 * 1000;

/** Settings the engine takes when it opens: changing one reopens it. */
const ENGINE_SETTINGS: readonly (keyof Settings)[] = [
  'uploadBaseUrl',
  'creditsBaseUrl',
  'concurrency',
  'expiringSoonHours',
];

export interface AppServiceOptions {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  secrets: SecretStore;
  /** Delivers one event to the window (webContents.send in the app, page.evaluate in the harness). */
  send: EventSend;
  clipboard: ClipboardAdapter;
  shell: ShellAdapter;
  dialogs: DialogAdapter;
  thumbnails: ThumbnailAdapter;
  info: { version: string; platform: string };
  userAgent?: string;
  now?: () => number;
  /** Test seams passed to the engine (retry delays, progress interval…). */
  engine?: Partial<Omit<EngineOptions, 'dataDir' | 'endpoints' | 'getApiKey'>>;
}

export interface AppService {
  handlers: Handlers;
  engine: EngineHost;
  settings: SettingsStore;
  keys: KeyService;
  outbox: EventOutbox;
  /** Starts the queue, resuming jobs left unfinished, and queues the start-up notices. */
  start(): void;
  close(): Promise<void>;
}

function endpointsOf(settings: Settings): ApiEndpoints {
  return { uploadBaseUrl: settings.uploadBaseUrl, creditsBaseUrl: settings.creditsBaseUrl };
}

export function openAppService(opts: AppServiceOptions): AppService {
  const settings = createSettingsStore(opts.dataDir);
  const apiClientFor = (apiKey: string) =>
    createApiClient({ ...endpointsOf(settings.get()), apiKey, userAgent: opts.userAgent });
  const keys = createKeyService({ secrets: opts.secrets, env: opts.env, apiClientFor });
  const engine = createEngineHost(() => {
    const s = settings.get();
    return openEngine({
      ...opts.engine,
      dataDir: opts.dataDir,
      endpoints: endpointsOf(s),
      getApiKey: () => keys.current(),
      now: opts.now ?? opts.engine?.now,
      concurrency: s.concurrency,
      expiringSoonMs: s.expiringSoonHours * HOUR_MS,
      userAgent: opts.userAgent ?? opts.engine?.userAgent,
    });
  });
  const outbox = createEventOutbox(opts.send);
  const copyOnUpload = createCopyOnUpload(engine, settings, opts.clipboard);
  const handlers = createHandlers({
    engine,
    keys,
    settings,
    outbox,
    clipboard: opts.clipboard,
    shell: opts.shell,
    dialogs: opts.dialogs,
    thumbnails: opts.thumbnails,
    info: { ...opts.info, dataDir: opts.dataDir },
    apiClientFor,
    trackBatch: (batchId, ids) => copyOnUpload.track(batchId, ids),
    now: opts.now,
  });

  const credits = createCreditsRefresher(
    async () => {
      const key = await keys.current();
      if (key === null) return null;
      const client = apiClientFor(key);
      try {
        return await client.getCredits();
      } finally {
        client.close();
      }
    },
    (n) => outbox.emit('credits', n),
  );

  const offs = [
    forwardEngineEvents(engine, outbox, () => currentKeyState({ keys, engine })),
    engine.on('job', (job) => {
      if (job.status === 'done') credits.request();
    }),
    settings.onChange((next, previous) => {
      if (!ENGINE_SETTINGS.some((name) => next[name] !== previous[name])) return;
      engine.reopen().catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        outbox.emit('notice', { level: 'error', message: `The new settings could not be applied: ${why}` });
      });
    }),
    () => copyOnUpload.dispose(),
  ];

  return {
    handlers,
    engine,
    settings,
    keys,
    outbox,
    start() {
      const recovered = engine.db.recovered;
      if (recovered) {
        outbox.emit('notice', {
          level: 'warning',
          message: `The history database could not be read (${recovered.reason}); it was moved to ${recovered.movedTo} and a new one was started.`,
        });
      }
      if (settings.notice) outbox.emit('notice', { level: 'warning', message: settings.notice });
      if (keys.envProblem) outbox.emit('notice', { level: 'warning', message: keys.envProblem });
      engine.queue.start();
    },
    async close() {
      for (const off of offs) off();
      await credits.settled();
      await engine.close();
    },
  };
}
