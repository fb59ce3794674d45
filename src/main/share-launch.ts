// "Share with KieDrop", "Open With" and `KieDrop --share …` reaching the app: our own launch, every
// second instance (its argv and cwd come through the single-instance lock's additionalData), and
// macOS open-file / open-url. Everything goes through share-launcher.ts, which merges launches that
// arrive within a second of each other into one batch with one notification.
import { app, dialog, type BrowserWindow } from 'electron';
import type { AppService, NotifyAdapter } from './core/app-service';
import type { TextClipboard } from './core/share';
import { appLanguage, appTranslator } from './i18n/app-language';
import type { MainT } from './i18n';
import { createShareLauncher, launchShares, readForwardedLaunch } from './share-launcher';
import type { ShareLauncher } from './share-launcher';

export interface ShareLaunchDeps {
  showMainWindow(): void;
  getWindow(): BrowserWindow | null;
  notifier: NotifyAdapter;
  clipboard: TextClipboard;
}

export interface ShareLaunch {
  /**
   * This process was started to share something: it uploads and notifies without opening its window
   * (the tray and the notification lead to it). A plain start opens the window as usual.
   */
  readonly startsHidden: boolean;
  /** Connects launches to the running app; our own launch's files are shared now. */
  start(service: AppService, deps: ShareLaunchDeps): void;
}

/** What the single-instance lock forwards to the running instance. */
export function forwardedData(): { argv: string[]; cwd: string } {
  return { argv: process.argv, cwd: process.cwd() };
}

async function confirmLargeShare(message: string, window: BrowserWindow | null, t: MainT): Promise<boolean> {
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    title: 'KieDrop',
    message,
    buttons: [t('dialog.shareConfirm.upload'), t('dialog.shareConfirm.cancel')],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response === 0;
}

/** Call before 'ready': macOS delivers open-file for the launching documents before it. */
export function setupShareLaunch(): ShareLaunch {
  const options = { defaultApp: process.defaultApp === true };
  let launcher: ShareLauncher | null = null;
  const early: ({ file: string } | { url: string })[] = [];

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (launcher) launcher.openFile(path);
    else early.push({ file: path });
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (launcher) launcher.openUrl(url);
    else early.push({ url });
  });

  return {
    startsHidden: launchShares(process.argv, process.cwd(), options) || process.argv.includes('--hidden'),
    start(service, deps) {
      const active = createShareLauncher({
        engine: service.engine,
        settings: () => service.settings.get(),
        clipboard: deps.clipboard,
        notify: (notice) => deps.notifier.notify(notice),
        confirm: (message) =>
          confirmLargeShare(message, deps.getWindow(), appTranslator(service.settings.get())),
        language: () => appLanguage(service.settings.get()),
        claimBatchId: () => service.batches.claim(),
        showWindow: deps.showMainWindow,
        defaultApp: options.defaultApp,
        onError: (err) => console.error('[share] the batch could not run:', err),
        // Shared links that reached the clipboard are reminded of before they expire.
        onResult: (result) => {
          if (result.copied) service.reminders.recordShared(result.uploaded.map((e) => e.id));
        },
      });
      launcher = active;
      app.on('second-instance', (_event, argv, cwd, additionalData) => {
        const forwarded = readForwardedLaunch(additionalData, argv, cwd);
        active.launch(forwarded.argv, forwarded.cwd);
      });
      app.on('will-quit', () => active.dispose());
      for (const item of early.splice(0)) {
        if ('file' in item) active.openFile(item.file);
        else active.openUrl(item.url);
      }
      // Our own launch: shares its files, or (a plain start) shows nothing extra; the window is open already.
      if (launchShares(process.argv, process.cwd(), options)) active.launch(process.argv, process.cwd());
    },
  };
}
