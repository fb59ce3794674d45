// What the tray's menu items and drops do, over the same handler table the window calls, so a file
// dropped on the menu-bar icon is checked and queued exactly like one dropped on the window.
import { app, type BrowserWindow } from 'electron';
import { toIpcError } from './core/app-service';
import type { AppService, NotifyAdapter } from './core/app-service';
import { electronClipboard } from './clipboard-adapter';
import { electronDialogs } from './dialogs';
import type { DropWindowHandle } from './drop-window';
import { appLanguage, appTranslator } from './i18n/app-language';
import { clipboardReason } from './i18n/clipboard-reason';
import { errorText } from './i18n/error-text';
import type { TrayActions } from './tray';

export interface TrayActionDeps {
  showMainWindow(): void;
  getWindow(): BrowserWindow | null;
  uploadClipboard(): void;
  dropWindow: DropWindowHandle;
  notifier: NotifyAdapter;
}

export function trayActions(service: AppService, deps: TrayActionDeps): TrayActions {
  const t = () => appTranslator(service.settings.get());
  const failed = (err: unknown): void => {
    const body = errorText(appLanguage(service.settings.get()), toIpcError(err));
    deps.notifier.notify({ title: t()('notify.uploadNotStarted.title'), body });
  };
  const uploadFiles = (paths: string[]): void => {
    if (paths.length === 0) return;
    Promise.resolve()
      .then(() => service.handlers['upload:files'](paths, {}))
      .catch(failed);
  };
  return {
    showMainWindow: deps.showMainWindow,
    pickFiles() {
      electronDialogs(deps.getWindow, () => appLanguage(service.settings.get()))
        .pickFiles()
        .then(uploadFiles, failed);
    },
    uploadClipboard: deps.uploadClipboard,
    toggleDropWindow: () => deps.dropWindow.toggle(),
    isDropWindowVisible: () => deps.dropWindow.isVisible(),
    uploadDropped(request) {
      if ('paths' in request) return uploadFiles(request.paths);
      Promise.resolve()
        .then(() => service.handlers['upload:url'](request.url, {}))
        .catch(failed);
    },
    copyText(text, historyIds = []) {
      Promise.resolve()
        .then(() => electronClipboard.writeText(text))
        .then(() => service.reminders.recordShared(historyIds))
        .catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          const body = clipboardReason(appLanguage(service.settings.get()), why);
          deps.notifier.notify({ title: t()('notify.linkNotCopied.title'), body });
        });
    },
    quit: () => app.quit(),
  };
}
