// The app service as tests run it: a temp data folder, the real keychain under a unique service name,
// the real emulator as the API, and recording adapters for the OS parts. launchHarness() puts a page in
// front of this; the app-service tests call its handler table directly.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppService } from '../../src/main/core/app-service';
import type { AppService, AppServiceOptions } from '../../src/main/core/app-service';
import { createKeychainStore } from '../../src/main/core/secrets';
import type { SecretStore } from '../../src/main/core/secrets';
import { createSettingsStore, SETTINGS_FILE_NAME } from '../../src/main/core/settings';
import type { EventChannel, EventChannels } from '../../src/shared/ipc-contract';
import type { Settings } from '../../src/shared/settings';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { createCleanupStack } from './cleanup-stack';
import {
  createFileThumbnails,
  createProgrammableDialogs,
  createRecordingClipboard,
  createRecordingShell,
} from './harness-adapters';
import type { ProgrammableDialogs, RecordingClipboard, RecordingShell } from './harness-adapters';

export interface TestAppOptions {
  /** Default: a fresh temp folder, removed by close(). */
  dataDir?: string;
  /** The app's environment (e.g. KIEDROP_API_KEY). Default {}: nothing leaks in from the test process. */
  env?: Record<string, string | undefined>;
  /** Default: a fresh emulator, closed by close(). */
  emulator?: Emulator;
  /** Default: a unique service name, whose entry close() deletes. */
  keychainService?: string;
  /** Saved in the keychain before the app starts (e.g. emulator.apiKey) to skip first-run. */
  savedKey?: string;
  /** The engine's clock. */
  now?: () => number;
  /** Written to settings.json before start; the API hosts point at the emulator unless given here. */
  settings?: Partial<Settings>;
  /** Written into settings.json after `settings`, unchecked, as a hand-edited file may hold them. */
  rawSettings?: Record<string, unknown>;
  /** Engine test seams. Default: short retry delays. */
  engine?: AppServiceOptions['engine'];
  /** The desktop adapters (notifications, global shortcuts, right-click installer target). Default: none. */
  desktop?: Pick<
    AppServiceOptions,
    'notifier' | 'shortcuts' | 'shellIntegration' | 'approveEditorClient' | 'askAboutLocation'
  >;
  /** Watched-folder test seams (e.g. how often a missing folder is looked for). */
  watch?: AppServiceOptions['watch'];
  /** The release feed the update check asks. Default: none, so nothing is checked. */
  updates?: AppServiceOptions['updates'];
  /** Keep-alive of pinned links (when the first pass runs, how often). Default: the app's own timing. */
  keepAlive?: AppServiceOptions['keepAlive'];
  /** Scheduled link checks (when the first round runs, how often, whether online). Default: the app's. */
  linkHealth?: AppServiceOptions['linkHealth'];
  /** Expiry reminders (when the first check runs, how often). Default: the app's own timing. */
  expiryReminders?: AppServiceOptions['expiryReminders'];
  /** Local copies of URL uploads (how soon after an upload, how often, where failures are logged). */
  urlCopies?: AppServiceOptions['urlCopies'];
  /** The version the app says it is. Default 'harness' (never older than any release). */
  version?: string;
  /** Also start the queue (resume unfinished jobs, queue start-up notices). Default true. */
  start?: boolean;
  /** Act as a window that has said app:ready, so events are delivered (and recorded) at once.
   * Default true; the harness passes false and lets the page say it. */
  ready?: boolean;
}

export type SentEvent = { event: EventChannel; payload: unknown };

export interface TestApp {
  service: AppService;
  emulator: Emulator;
  secrets: SecretStore;
  keychainService: string;
  dataDir: string;
  /** A scratch folder for the test's own files; removed by close(). */
  filesDir: string;
  /** Writes a file into filesDir and returns its path. */
  writeFile(name: string, content: string | Uint8Array): Promise<string>;
  clipboard: RecordingClipboard;
  dialogs: ProgrammableDialogs;
  shell: RecordingShell;
  thumbnails: ReturnType<typeof createFileThumbnails>;
  /** Every event delivered towards the window, in order (held events appear once the window is ready). */
  events: SentEvent[];
  /** Where events go after being recorded (the harness points this at the page). */
  forward: ((event: EventChannel, payload: unknown) => void) | null;
  waitForEvent<E extends EventChannel>(
    event: E,
    match?: (payload: EventChannels[E]) => boolean,
    timeoutMs?: number,
  ): Promise<EventChannels[E]>;
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const cleanups = createCleanupStack();
  const close = (): Promise<void> => cleanups.run();
  try {
    const scratch = await mkdtemp(join(tmpdir(), 'kiedrop-test-app-'));
    cleanups.push(() => rm(scratch, { recursive: true, force: true }));
    const dataDir = options.dataDir ?? join(scratch, 'data');
    const filesDir = join(scratch, 'files');
    await mkdir(filesDir, { recursive: true });

    const emulator = options.emulator ?? (await startEmulator());
    if (!options.emulator) cleanups.push(() => emulator.close());

    const keychainService = options.keychainService ?? `KieDrop-test-${randomUUID()}`;
    const secrets = createKeychainStore({ service: keychainService });
    if (!options.keychainService) cleanups.push(() => secrets.clearKey());
    if (options.savedKey !== undefined) await secrets.setKey(options.savedKey);

    createSettingsStore(dataDir).set({
      uploadBaseUrl: emulator.url,
      creditsBaseUrl: emulator.url,
      ...options.settings,
    });
    if (options.rawSettings) {
      const file = join(dataDir, SETTINGS_FILE_NAME);
      const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...saved, ...options.rawSettings }));
    }

    const clipboard = createRecordingClipboard();
    const dialogs = createProgrammableDialogs();
    const shell = createRecordingShell();
    const thumbnails = createFileThumbnails();
    const events: SentEvent[] = [];
    const wakers = new Set<() => void>();

    const app: Partial<TestApp> = { forward: null };
    const service = openAppService({
      dataDir,
      env: options.env ?? {},
      secrets,
      send: (event, payload) => {
        events.push({ event, payload });
        for (const wake of [...wakers]) wake();
        app.forward?.(event, payload);
      },
      clipboard,
      shell,
      dialogs,
      thumbnails,
      info: { version: options.version ?? 'harness', platform: process.platform },
      now: options.now,
      engine: { retry: { baseDelayMs: 50, maxDelayMs: 500 }, ...options.engine },
      watch: options.watch,
      updates: options.updates,
      keepAlive: options.keepAlive,
      linkHealth: options.linkHealth,
      expiryReminders: options.expiryReminders,
      urlCopies: options.urlCopies,
      ...options.desktop,
    });
    cleanups.push(() => service.close());
    if (options.start !== false) service.start();
    if (options.ready !== false) service.outbox.ready();

    return Object.assign(app, {
      service,
      emulator,
      secrets,
      keychainService,
      dataDir,
      filesDir,
      async writeFile(name: string, content: string | Uint8Array) {
        const path = join(filesDir, name);
        await writeFile(path, content);
        return path;
      },
      clipboard,
      dialogs,
      shell,
      thumbnails,
      events,
      waitForEvent<E extends EventChannel>(
        event: E,
        match?: (payload: EventChannels[E]) => boolean,
        timeoutMs = 15_000,
      ) {
        const find = (): { payload: EventChannels[E] } | undefined => {
          const hit = events.find(
            (e) => e.event === event && (match ? match(e.payload as EventChannels[E]) : true),
          );
          return hit && { payload: hit.payload as EventChannels[E] };
        };
        return new Promise<EventChannels[E]>((resolve, reject) => {
          const first = find();
          if (first) return resolve(first.payload);
          const timer = setTimeout(() => {
            wakers.delete(wake);
            reject(new Error(`No matching "${event}" event arrived within ${timeoutMs} ms.`));
          }, timeoutMs);
          const wake = (): void => {
            const found = find();
            if (!found) return;
            clearTimeout(timer);
            wakers.delete(wake);
            resolve(found.payload);
          };
          wakers.add(wake);
        });
      },
      close,
    }) as TestApp;
  } catch (err) {
    await close();
    throw err;
  }
}
