// The tray (menu-bar) icon: its menu (built by tray-menu.ts from the app's state), an icon and tooltip
// that follow upload progress, and on macOS the files and links dropped on it.
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { AppService } from './core/app-service';
import { formatLinks } from './core/links';
import type { UploadActivity } from '../shared/ipc-contract';
import { RECENT_LIMIT, trayMenuTemplate, trayTitle, trayTooltip } from './tray-menu';
import type { RecentUpload, TrayAction, TrayMenuEntry } from './tray-menu';
import { trayIcon } from './tray-icon';
import { appLanguage } from './i18n/app-language';
import { mainTranslator } from './i18n';
import type { Language } from './i18n';

/** Pausing and resuming every watched folder. Provided by the watch service when the app has one. */
export interface WatchControl {
  readonly paused: boolean;
  pauseAll(): Promise<void> | void;
  resumeAll(): Promise<void> | void;
  /** Called when `paused` changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export interface TrayActions {
  showMainWindow(): void;
  /** The file picker, then an upload of what was chosen. */
  pickFiles(): void;
  uploadClipboard(): void;
  toggleDropWindow(): void;
  isDropWindowVisible(): boolean;
  /** Uploads files or a link dropped on the icon (macOS). */
  uploadDropped(request: { paths: string[] } | { url: string }): void;
  /** Copies a Recent upload's link; `historyIds` are recorded as copied once it is on the clipboard. */
  copyText(text: string, historyIds?: readonly number[]): void;
  quit(): void;
}

export interface TrayHandle {
  /** Rebuilds the menu (e.g. after the drop window was shown or hidden). */
  refresh(): void;
  destroy(): void;
}

const FORMAT_LABELS = {
  url: 'URL',
  markdown: 'Markdown',
  html: 'HTML',
  bbcode: 'BBCode',
} as const;

/** How a copied link is written, as the menu's hint names it. */
function formatLabel(format: keyof typeof FORMAT_LABELS | 'custom', language: Language): string {
  return format === 'custom' ? mainTranslator(language)('format.custom') : FORMAT_LABELS[format];
}
/** Icon and tooltip repaint at most this often while uploading. */
const PAINT_MS = 250;

function toElectron(
  entries: TrayMenuEntry[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    const { action } = entry;
    return {
      label: entry.label,
      type: entry.kind,
      enabled: entry.enabled ?? true,
      checked: entry.checked,
      submenu: entry.submenu ? toElectron(entry.submenu, run) : undefined,
      click: action ? () => run(action) : undefined,
    };
  });
}

function isWebLink(text: string): boolean {
  try {
    const { protocol } = new URL(text.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function setupTray(
  service: AppService,
  actions: TrayActions,
  watch: WatchControl | null = null,
): TrayHandle {
  const platform = process.platform;
  const tray = new Tray(trayIcon(null, platform));
  tray.setToolTip('KieDrop');
  let lastMenuKey = '';
  let paintTimer: NodeJS.Timeout | undefined;

  function copyLink(historyId: number): void {
    const entry = service.engine.history.get(historyId);
    if (!entry) return;
    const { copyFormat, customCopyTemplate } = service.settings.get();
    actions.copyText(formatLinks([entry], copyFormat, customCopyTemplate), [entry.id]);
  }

  function run(action: TrayAction): void {
    switch (action.type) {
      case 'open':
        return actions.showMainWindow();
      case 'pick-files':
        return actions.pickFiles();
      case 'upload-clipboard':
        return actions.uploadClipboard();
      case 'copy-link':
        return copyLink(action.historyId);
      case 'pause-watching':
        void Promise.resolve(watch?.pauseAll()).finally(renderMenu);
        return;
      case 'resume-watching':
        void Promise.resolve(watch?.resumeAll()).finally(renderMenu);
        return;
      case 'toggle-drop-window':
        actions.toggleDropWindow();
        return renderMenu();
      case 'open-update':
        // The handler says why when there is nothing to open; the menu item is gone by then anyway.
        void Promise.resolve(service.handlers['update:open']()).catch(() => undefined);
        return;
      case 'download-update':
        // Progress and any failure come back as the in-place state, which redraws the menu.
        void service.inPlaceUpdate.download();
        return;
      case 'restart-to-update':
        service.inPlaceUpdate.restart();
        return;
      case 'quit':
        return actions.quit();
    }
  }

  // The last list read, kept for when the history cannot be read: while KieDrop quits, the panel may ask
  // for the menu once more after the database has closed.
  let lastRecent: RecentUpload[] = [];
  function recentUploads(): RecentUpload[] {
    try {
      lastRecent = service.engine.history
        .list({ limit: RECENT_LIMIT })
        .entries.map((e) => ({ historyId: e.id, fileName: e.fileName, status: e.status }));
    } catch (err) {
      console.warn(
        `[tray] recent uploads kept as they were: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return lastRecent;
  }

  function renderMenu(): void {
    if (tray.isDestroyed()) return;
    const settings = service.settings.get();
    const language = appLanguage(settings);
    const recent = recentUploads();
    const template = trayMenuTemplate({
      platform,
      recent,
      copyFormatLabel: formatLabel(settings.copyFormat, language),
      watching: watch ? { paused: watch.paused } : null,
      dropWindowVisible: actions.isDropWindowVisible(),
      activity: service.activity.get(),
      availableUpdate: service.updates.status().available?.version ?? null,
      inPlaceUpdate: service.inPlaceUpdate.state(),
      language,
    });
    // Linux panels rebuild the whole menu on every change, so it is only replaced when it reads differently.
    const key = JSON.stringify(template);
    if (key === lastMenuKey) return;
    lastMenuKey = key;
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(template, run)));
  }

  function paint(activity: UploadActivity): void {
    if (tray.isDestroyed()) return;
    const busy = activity.phase === 'uploading';
    tray.setImage(trayIcon(busy ? activity.fraction : null, platform));
    tray.setToolTip(trayTooltip(activity, appLanguage(service.settings.get())));
    if (platform === 'darwin') tray.setTitle(trayTitle(activity));
  }

  const offs = [
    service.activity.on((activity) => {
      // The status line at the top of the menu changes with the counts, not with every byte.
      renderMenu();
      paintTimer ??= setTimeout(() => {
        paintTimer = undefined;
        paint(service.activity.get());
      }, PAINT_MS);
      if (activity.phase !== 'uploading') paint(activity);
    }),
    service.engine.on('history', () => renderMenu()),
    service.settings.onChange((next, previous) => {
      renderMenu();
      // The tooltip is said in the new language at once, not at the next upload.
      if (next.language !== previous.language) paint(service.activity.get());
    }),
    service.updates.onChange(() => renderMenu()),
    service.inPlaceUpdate.onChange(() => renderMenu()),
    watch?.onChange(() => renderMenu()) ?? (() => undefined),
  ];

  if (platform === 'win32') tray.on('click', () => actions.showMainWindow());
  // Electron delivers drops on the tray icon only on macOS.
  tray.on('drop-files', (_event, files) => actions.uploadDropped({ paths: files }));
  tray.on('drop-text', (_event, text) => {
    if (isWebLink(text)) actions.uploadDropped({ url: text.trim() });
  });

  renderMenu();
  paint(service.activity.get());

  return {
    refresh: renderMenu,
    destroy() {
      for (const off of offs) off();
      clearTimeout(paintTimer);
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
