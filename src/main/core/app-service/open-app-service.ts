// Everything behind the window, wired once: settings, key, engine, handler table, events. The Electron
// main process and the Chromium test harness both start the app through this, so what the tests drive
// is what users run; only the transport and the adapters differ.
import { createApiClient } from '../api';
import type { ApiEndpoints, ProxyConfig, SystemProxyResolver } from '../api';
import { openEngine } from '../engine';
import type { EngineOptions } from '../engine';
import type { ShortcutRegistry } from '../clipboard';
import type { SecretStore } from '../secrets';
import { createSettingsStore } from '../settings';
import type { SettingsStore } from '../settings';
import type { WatchServiceOptions } from '../watch';
import type { Handlers } from '../../../shared/ipc-contract';
import { defaultSettingsFor } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';
import { clipboardImageDir } from './clipboard-handlers';
import { createCopyOnUpload } from './copy-on-upload';
import { createEditorServerHost } from './editor-server-host';
import type { EditorServerHost } from './editor-server-host';
import { createCopyWatchedLinks } from './copy-watched-links';
import { createCreditsRefresher } from './credits-refresher';
import { createEngineHost } from './engine-host';
import type { EngineHost } from './engine-host';
import { createEventOutbox } from './event-outbox';
import type { EventOutbox, EventSend } from './event-outbox';
import { forwardEngineEvents } from './forward-events';
import { createHandlers } from './handlers';
import { currentKeyState } from './key-handlers';
import { createKeyService } from './key-service';
import { proxyForSetting } from './proxy-for-setting';
import type { KeyService } from './key-service';
import { createShortcutService, shortcutProblemCode } from './shortcut-service';
import type { ShortcutService } from './shortcut-service';
import { createSummarizedBatches } from './summarized-batches';
import type { SummarizedBatches } from './summarized-batches';
import type {
  ClipboardAdapter,
  DialogAdapter,
  NotifyAdapter,
  ShellAdapter,
  ShellIntegrationTarget,
  ThumbnailAdapter,
} from './types';
import { createUploadActivity } from './upload-activity';
import type { UploadActivityTracker } from './upload-activity';
import { forwardWatchEvents } from './forward-watch-events';
import { createAppWatch } from './watch-host';
import type { WatchHost } from './watch-host';
import { watchOverview } from './watch-overview';
import { createKeepAliveService } from './keepalive-service';
import type { KeepAliveService } from './keepalive-service';
import { createLinkHealthSchedule, hasNetworkInterface } from './link-health-schedule';
import { createExpiryReminders } from './expiry-reminders';
import type { ExpiryReminders, ExpiryRemindersOptions } from './expiry-reminders';
import type { LinkHealthSchedule, LinkHealthScheduleOptions } from './link-health-schedule';
import { repairStaleEntries } from '../shell-integration';
import { createAgentRouter } from '../api';
import { checkOne } from '../health';
import { DEFAULT_USER_AGENT } from '../api';
import { createInPlaceUpdate, createUpdateChecker, fetchLatestRelease } from '../updates';
import type { InPlaceInstaller, InPlaceUpdate, UpdateChecker, UpdateFeed } from '../updates';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { findScreenshotFolder } from '../screenshots';
import { downloadLink } from '../copies';
import { createUrlCopiesService } from './url-copies-service';
import { createLocationQuestions } from './location-questions';
import type { LocationPolicy } from '../images/location-gate';
import type { UrlCopiesService } from './url-copies-service';

const HOUR_MS = 60 * 60 * 1000;

/** Settings the engine takes when it opens: changing one reopens it. */
const ENGINE_SETTINGS: readonly (keyof Settings)[] = [
  'uploadBaseUrl',
  'creditsBaseUrl',
  'concurrency',
  'expiringSoonHours',
  'proxy',
];

/** By value: the proxy setting is an object, and an equal one saved again is no change. */
function engineSettingsChanged(next: Settings, previous: Settings): boolean {
  return ENGINE_SETTINGS.some((name) => JSON.stringify(next[name]) !== JSON.stringify(previous[name]));
}

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
  /** The OS's proxy for a URL (Electron's session.resolveProxy), used when the proxy setting is
   * "system". Absent: "system" means the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  resolveSystemProxy?: SystemProxyResolver;
  now?: () => number;
  /** Test seams passed to the engine (retry delays, progress interval…). */
  engine?: Partial<Omit<EngineOptions, 'dataDir' | 'endpoints' | 'getApiKey' | 'proxy'>>;
  /** OS notifications for batches that summarize themselves (clipboard uploads, shares). */
  notifier?: NotifyAdapter | null;
  /** The OS's global shortcuts, with the "Upload clipboard" action already bound. None: no shortcut. */
  shortcuts?: ShortcutRegistry | null;
  /** The `kiedrop` wrapper inside the packaged app (resources/bin), shown in Settings on macOS and Windows. */
  bundledCliPath?: string | null;
  /** Where "Share with KieDrop" is installed. None: the Settings section says it is not available. */
  shellIntegration?: ShellIntegrationTarget | null;
  /** Where new releases are announced (read from the packaged app's app-update.yml); none: no checks.
   * The delays are test seams. */
  updates?: {
    feed: UpdateFeed | null;
    firstDelayMs?: number;
    intervalMs?: number;
    log?: (line: string) => void;
    /** Replaces the running build with the newer release (electron-updater); null or absent where this
     * build cannot (a dev run, deb, rpm): then only the release page is offered. */
    inPlace?: InPlaceInstaller | null;
    /** Whether the computer is online; absent: whether it has a network interface besides loopback. */
    isOnline?: () => boolean;
    /** Offline when the daily check was due: when to look again (test seam). */
    offlineRetryMs?: number;
  };
  /** Test seams for watched folders (how often a missing folder is looked for, reconcile interval). */
  watch?: Pick<WatchServiceOptions, 'availabilityPollMs' | 'limitRetryMs' | 'reconcileMs'>;
  /** Test seams for keep-alive of pinned links (first pass after start, then every interval). */
  keepAlive?: { firstDelayMs?: number; intervalMs?: number };
  /** Test seams for the scheduled link checks (timing, batch size, whether the computer is online). */
  linkHealth?: Pick<
    LinkHealthScheduleOptions,
    'firstDelayMs' | 'intervalMs' | 'recheckAfterMs' | 'batchSize' | 'maxPerRound' | 'isOnline'
  >;
  /** Test seams for expiry reminders (first check after start, then every interval). */
  expiryReminders?: Pick<ExpiryRemindersOptions, 'firstDelayMs' | 'intervalMs'>;
  /** Test seams for local copies of URL uploads (how soon after an upload, how often). */
  urlCopies?: { intervalMs?: number; afterUploadDelayMs?: number; log?: (line: string) => void };
  /** Asks the user whether an editor (named by its User-Agent) may upload through the editor server;
   * absent: new editors are refused. */
  approveEditorClient?: (name: string) => Promise<boolean>;
  /** Asks in the window, once, before the first picture with a GPS position goes up with it; showWindow
   * brings the window up for it. Absent: nothing is asked (the setting 'ask' sends such pictures as they are). */
  askAboutLocation?: { showWindow: () => void };
}

export interface AppService {
  handlers: Handlers;
  /** The PicGo-compatible server for editors, on while Settings → Integrations has it on. */
  editorServer: EditorServerHost;
  engine: EngineHost;
  settings: SettingsStore;
  keys: KeyService;
  outbox: EventOutbox;
  /** Everything uploading now, as one summary (tray, drop window). */
  activity: UploadActivityTracker;
  /** Batches that end with one notification of their own; the per-upload notifications skip them. */
  batches: SummarizedBatches;
  shortcut: ShortcutService;
  /** Watched folders (the Watch screen, the tray's "Pause watching folders"). */
  watch: WatchHost;
  /** "KieDrop X.Y is available" (Settings, the tray). */
  updates: UpdateChecker;
  /** "Download and restart" where this build can update itself (Settings, the tray). */
  inPlaceUpdate: InPlaceUpdate;
  /** Keeps pinned links alive while the app runs. */
  keepAlive: KeepAliveService;
  /** Checks links in the expiring window and pinned links while the app runs. */
  linkHealth: LinkHealthSchedule;
  /** Reminds of copied links in their last day, and is told of each copy or share. */
  reminders: ExpiryReminders;
  /** Keeps local copies of URL uploads' bytes (when the setting is on). */
  urlCopies: UrlCopiesService;
  /** Starts the queue, resuming jobs left unfinished, starts watching, and queues the start-up notices. */
  start(): void;
  close(): Promise<void>;
}

function endpointsOf(settings: Settings): ApiEndpoints {
  return { uploadBaseUrl: settings.uploadBaseUrl, creditsBaseUrl: settings.creditsBaseUrl };
}

export function openAppService(opts: AppServiceOptions): AppService {
  const settings = createSettingsStore(opts.dataDir, { defaults: defaultSettingsFor(opts.info.platform) });
  const proxyOf = (s: Settings): ProxyConfig =>
    proxyForSetting(s.proxy, { resolve: opts.resolveSystemProxy, env: opts.env });
  // Read at each call, so the key check (credits) follows the hosts and proxy saved now.
  const apiClientFor = (apiKey: string) => {
    const s = settings.get();
    return createApiClient({ ...endpointsOf(s), apiKey, userAgent: opts.userAgent, proxy: proxyOf(s) });
  };
  const keys = createKeyService({ secrets: opts.secrets, env: opts.env, apiClientFor });
  const outbox = createEventOutbox(opts.send);
  const locationQuestions = opts.askAboutLocation
    ? createLocationQuestions({
        emit: (question) => outbox.emit('location-question', question),
        showWindow: opts.askAboutLocation.showWindow,
      })
    : undefined;
  const location: LocationPolicy = {
    current: () => settings.get().locationInPictures,
    ask: locationQuestions?.ask,
    remember: (answer) => settings.set({ locationInPictures: answer }),
  };
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
      linkLifetimeHours: () => settings.get().linkLifetimeHours,
      userAgent: opts.userAgent ?? opts.engine?.userAgent,
      proxy: proxyOf(s),
      location,
    });
  });
  const reminders = createExpiryReminders({
    engine,
    settings,
    notifier: opts.notifier ?? null,
    now: opts.now,
    ...opts.expiryReminders,
  });
  const copyOnUpload = createCopyOnUpload(
    engine,
    settings,
    opts.clipboard,
    (message, count) =>
      outbox.emit('notice', {
        level: 'warning',
        message,
        code: 'clipboard.links-not-copied',
        params: { count },
      }),
    (copied, historyIds) => {
      reminders.recordShared(historyIds);
      outbox.emit('links-copied', copied);
    },
  );
  const activity = createUploadActivity(engine);
  const batches = createSummarizedBatches();
  const shortcut = createShortcutService(opts.shortcuts ?? null, settings);
  // On the engine host: each service made reads the engine that is current then (see watch-host.ts).
  const watch = createAppWatch({ ...opts.watch, engine, imageSettings: () => settings.get() });
  const copyWatchedLinks = createCopyWatchedLinks(
    engine,
    watch,
    settings,
    opts.clipboard,
    (message) =>
      outbox.emit('notice', {
        level: 'warning',
        message,
        code: 'clipboard.links-not-copied',
        params: { count: 1 },
      }),
    (copied, historyIds) => {
      reminders.recordShared(historyIds);
      outbox.emit('links-copied', copied);
    },
  );
  const updates = createUpdateChecker({
    currentVersion: opts.info.version,
    feed: opts.updates?.feed ?? null,
    // Through the proxy saved now; a fresh router per check, so no socket is held for a day.
    fetchLatest: async (feed) => {
      const agents = createAgentRouter(proxyOf(settings.get()));
      try {
        return await fetchLatestRelease(feed, agents, opts.userAgent ?? DEFAULT_USER_AGENT);
      } finally {
        agents.closeIdle();
      }
    },
    stateFile: join(opts.dataDir, 'update-check.json'),
    enabled: () => settings.get().checkForUpdates,
    now: opts.now,
    log: opts.updates?.log ?? ((line) => console.warn(`[updates] ${line}`)),
    firstDelayMs: opts.updates?.firstDelayMs,
    intervalMs: opts.updates?.intervalMs,
    offlineRetryMs: opts.updates?.offlineRetryMs,
    isOnline: opts.updates?.isOnline ?? hasNetworkInterface,
  });
  const inPlaceUpdate = createInPlaceUpdate({
    installer: opts.updates?.inPlace ?? null,
    isOnline: opts.updates?.isOnline ?? hasNetworkInterface,
    log: opts.updates?.log ?? ((line) => console.warn(`[updates] ${line}`)),
  });
  // Before a copy: one quick look, no retries, so an unreachable host costs seconds at most.
  const checkLink = async (url: string) => {
    const agents = createAgentRouter(proxyOf(settings.get()));
    try {
      return await checkOne(url, {
        agents,
        retries: 0,
        timeoutMs: 5000,
        userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
      });
    } finally {
      agents.closeIdle();
    }
  };
  // A link's bytes into a file, through the proxy saved now (Save a copy…, copies of URL uploads).
  const download = async (url: string, target: string, expectedSize?: number) => {
    const agents = createAgentRouter(proxyOf(settings.get()));
    try {
      return await downloadLink(url, target, {
        agents,
        expectedSize,
        userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
      });
    } finally {
      agents.closeIdle();
    }
  };
  const urlCopies = createUrlCopiesService({ engine, settings, download, now: opts.now, ...opts.urlCopies });
  const editorServer = createEditorServerHost({
    engine,
    settings,
    clipboard: opts.clipboard,
    clipboardDir: clipboardImageDir(opts.dataDir),
    approveClient: opts.approveEditorClient,
    log: (line) => console.warn(line),
    onNotStarted: (port, reason) =>
      outbox.emit('notice', {
        level: 'error',
        message: `The upload server for editors could not start on port ${port}: ${reason}`,
        code: 'editor-server.not-started',
        params: { port, reason },
      }),
  });
  const handlers = createHandlers({
    checkLink,
    download,
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
    clipboardDir: clipboardImageDir(opts.dataDir),
    notifier: opts.notifier ?? null,
    batches,
    shortcut,
    activity,
    shellIntegration: opts.shellIntegration ?? null,
    watch,
    updates,
    inPlaceUpdate,
    bundledCliPath: opts.bundledCliPath ?? null,
    recordShared: (ids) => reminders.recordShared(ids),
    locationQuestions,
    screenshotFolder: () =>
      findScreenshotFolder({
        platform: opts.info.platform as NodeJS.Platform,
        env: opts.env,
        home: opts.env.HOME ?? opts.env.USERPROFILE ?? homedir(),
      }),
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
  // Through the proxy and hosts saved at each pass, with the key in use then.
  const keepAlive = createKeepAliveService({
    engine,
    settings,
    outbox,
    apiKey: () => keys.current(),
    apiClientFor,
    checkOptions: () => {
      const agents = createAgentRouter(proxyOf(settings.get()));
      return { agents, userAgent: opts.userAgent ?? DEFAULT_USER_AGENT, close: () => agents.closeIdle() };
    },
    now: opts.now,
    ...opts.keepAlive,
  });

  const linkHealth = createLinkHealthSchedule({
    engine,
    settings,
    outbox,
    checkOptions: () => {
      const agents = createAgentRouter(proxyOf(settings.get()));
      return { agents, userAgent: opts.userAgent ?? DEFAULT_USER_AGENT, close: () => agents.closeIdle() };
    },
    now: opts.now,
    ...opts.linkHealth,
  });

  const offs = [
    forwardEngineEvents(engine, outbox, () => currentKeyState({ keys, engine })),
    engine.on('job', (job) => {
      if (job.status === 'done') credits.request();
    }),
    settings.onChange((next) => outbox.emit('settings', next)),
    settings.onChange((next, previous) => {
      if (!engineSettingsChanged(next, previous)) return;
      watch
        .around(() => engine.reopen())
        .catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          outbox.emit('notice', {
            level: 'error',
            message: `The new settings could not be applied: ${why}`,
            code: 'settings.not-applied',
            params: { reason: why },
          });
        });
    }),
    () => copyOnUpload.dispose(),
    () => copyWatchedLinks.dispose(),
    () => activity.dispose(),
    () => shortcut.stop(),
    settings.onChange((next, previous) => {
      if (next.checkForUpdates !== previous.checkForUpdates) updates.settingChanged();
    }),
    updates.onChange((status) => outbox.emit('update', status)),
    () => updates.close(),
    inPlaceUpdate.onChange((state) => outbox.emit('update-install', state)),
    forwardWatchEvents(watch, outbox, () => watchOverview(watch, engine)),
  ];

  return {
    handlers,
    editorServer,
    engine,
    settings,
    keys,
    outbox,
    activity,
    batches,
    shortcut,
    watch,
    updates,
    inPlaceUpdate,
    keepAlive,
    linkHealth,
    reminders,
    urlCopies,
    start() {
      const recovered = engine.db.recovered;
      if (recovered) {
        outbox.emit('notice', {
          level: 'warning',
          message: `The history database could not be read (${recovered.reason}); it was moved to ${recovered.movedTo} and a new one was started.`,
          code: 'db.recovered',
          params: { movedTo: recovered.movedTo },
        });
      }
      // The daily integrity check runs in the background; damage it finds is reported, nothing is removed.
      void engine.db.integrityCheck.then((outcome) => {
        if (outcome.status === 'failed') {
          outbox.emit('notice', {
            level: 'error',
            message: outcome.message,
            code: outcome.code,
            params: { file: engine.db.file },
          });
        }
      });
      // Each with its code, so the window says it in the person's language.
      for (const notice of settings.notices) outbox.emit('notice', { level: 'warning', ...notice });
      if (keys.envProblem) outbox.emit('notice', { level: 'warning', ...keys.envProblem });
      const hotkey = shortcut.start();
      if (hotkey.message !== null && opts.shortcuts)
        outbox.emit('notice', { level: 'warning', message: hotkey.message, ...shortcutProblemCode(hotkey) });
      engine.queue.start();
      if (opts.shellIntegration) {
        const { platform, options } = opts.shellIntegration;
        repairStaleEntries(platform, options).then(
          ({ repaired }) => {
            if (repaired)
              outbox.emit('notice', {
                level: 'info',
                message:
                  'The right-click menu started an older or moved copy of KieDrop; it now starts this one.',
                code: 'shell.menu-repaired',
              });
          },
          (err: unknown) => {
            const why = err instanceof Error ? err.message : String(err);
            outbox.emit('notice', {
              level: 'warning',
              message: `The right-click menu could not be brought up to date: ${why}`,
              code: 'shell.menu-not-repaired',
              params: { reason: why },
            });
          },
        );
      }
      // Reconciles first: files that arrived while KieDrop was closed upload, ones already sent do not.
      watch.start().catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        outbox.emit('notice', {
          level: 'error',
          message: `Watched folders could not be started: ${why}`,
          code: 'watch.not-started',
          params: { reason: why },
        });
      });
      // The first pass runs a few seconds later, off the start-up path.
      keepAlive.start();
      linkHealth.start();
      reminders.start();
      urlCopies.start();
      void editorServer.apply();
    },
    async close() {
      for (const off of offs) off();
      reminders.close();
      await urlCopies.close();
      await keepAlive.close();
      await linkHealth.close();
      await credits.settled();
      await editorServer.close();
      // Before the engine: the watcher must not hand files to a queue whose database is closing.
      await watch.close();
      await engine.close();
    },
  };
}
