// The glue between "KieDrop was launched with something to share" and the core's share batch: each
// launch (ours at start, each second instance, each macOS open-file) is parsed, merged with the others
// that arrive within the batching window, and the merged batch is uploaded with one notification. A
// launch that shares nothing just brings the window forward. No Electron here: share-launch.ts feeds it.
import { createShareBatcher, parseLaunchArgs, runShareBatch } from './core/share';
import type { BatchTimers, LaunchRequest, Notice, ShareResult, TextClipboard } from './core/share';
import type { Engine } from './core/engine';
import type { Settings } from '../shared/settings';
import { toIpcError } from './core/app-service';
import { mainTranslator } from './i18n';
import { errorText } from './i18n/error-text';
import type { Language } from './i18n';
import { batchWordsFor } from './i18n/batch-words';

export interface ShareLauncherDeps {
  engine: Pick<Engine, 'queue' | 'history'>;
  settings: () => Settings;
  clipboard: TextClipboard;
  notify: (notice: Notice) => void;
  /** Asked before a share larger than the setting; resolves true to go ahead. */
  confirm: (message: string) => Promise<boolean>;
  /** A new batch id whose jobs the per-upload notifications leave alone. */
  claimBatchId: () => string;
  /** A launch with nothing to share: the user just started KieDrop again. */
  showWindow: () => void;
  platform?: NodeJS.Platform;
  /** Running as `electron .` in development: argv[1] is the app folder. */
  defaultApp?: boolean;
  windowMs?: number;
  timers?: BatchTimers;
  /** Told about each finished batch (a log line; tests). */
  onResult?: (result: ShareResult) => void;
  /** Told when a batch could not run at all. */
  onError?: (err: unknown) => void;
  /** The language notices and the confirm question are said in, read for each batch; English when absent. */
  language?: () => Language;
}

export interface ShareLauncher {
  /** One launch's arguments and working directory. Returns true when it had something to share. */
  launch(argv: readonly string[], cwd: string): boolean;
  /** macOS: a file dropped on the Dock icon or opened with KieDrop. */
  openFile(path: string): void;
  /** macOS: a link handed to the app. Only http(s) links are uploaded. */
  openUrl(url: string): void;
  /** Resolves once every batch handed over so far has finished. */
  idle(): Promise<void>;
  dispose(): void;
}

export interface ForwardedLaunch {
  argv: string[];
  cwd: string;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * What a second instance asked for. Its own argv and cwd come through the single-instance lock's
 * additionalData, because the argv Electron reports for it may be reordered or extended by Chromium.
 * Anything malformed falls back to what Electron reported.
 */
export function readForwardedLaunch(
  additionalData: unknown,
  argv: readonly string[],
  cwd: string,
): ForwardedLaunch {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const data = additionalData as { argv?: unknown; cwd?: unknown };
    if (isStringArray(data.argv) && typeof data.cwd === 'string' && data.cwd !== '') {
      return { argv: [...data.argv], cwd: data.cwd };
    }
  }
  return { argv: [...argv], cwd };
}

/** Whether this process's own launch shares something (then it starts without its window). */
export function launchShares(
  argv: readonly string[],
  cwd: string,
  opts: { platform?: NodeJS.Platform; defaultApp?: boolean } = {},
): boolean {
  const request = parseLaunchArgs(argv, cwd, opts);
  return request.share.length > 0 || request.urls.length > 0;
}

export function createShareLauncher(deps: ShareLauncherDeps): ShareLauncher {
  const running = new Set<Promise<void>>();

  const language = (): Language => deps.language?.() ?? 'en';

  async function run(batch: LaunchRequest): Promise<void> {
    const s = deps.settings();
    const lang = language();
    const result = await runShareBatch(batch.share, {
      engine: deps.engine,
      settings: {
        uploadPath: s.defaultUploadPath,
        copyFormat: s.copyFormat,
        customTemplate: s.customCopyTemplate,
        recurseFolders: s.shareRecurseFolders,
        confirmAbove: s.shareConfirmAbove,
      },
      urls: batch.urls,
      clipboard: deps.clipboard,
      notify: deps.notify,
      confirm: deps.confirm,
      source: 'share',
      recurseHint: mainTranslator(lang)('share.recurseHint'),
      words: batchWordsFor(lang),
      newBatchId: deps.claimBatchId,
    });
    deps.onResult?.(result);
  }

  const batcher = createShareBatcher({
    windowMs: deps.windowMs,
    timers: deps.timers,
    onBatch: (batch) => {
      const job = run(batch).catch((err: unknown) => {
        deps.onError?.(err);
        const lang = language();
        const why = errorText(lang, toIpcError(err));
        deps.notify({ title: mainTranslator(lang)('notify.shareFailed.title'), body: why });
      });
      running.add(job);
      void job.finally(() => running.delete(job));
    },
  });

  return {
    launch(argv, cwd) {
      const request = parseLaunchArgs(argv, cwd, { platform: deps.platform, defaultApp: deps.defaultApp });
      if (request.share.length === 0 && request.urls.length === 0) {
        deps.showWindow();
        return false;
      }
      batcher.add(request);
      return true;
    },
    openFile(path) {
      batcher.add({ share: [path] });
    },
    openUrl(url) {
      if (/^https?:\/\//i.test(url)) batcher.add({ urls: [url] });
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    dispose() {
      batcher.dispose();
    },
  };
}
