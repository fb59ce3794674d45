// What the tray icon's menu and tooltip say for a given state. Pure, so the tests read the menu as the
// user would see it; tray.ts only turns the entries into Electron menu items.
import type { ExpiryStatus, UploadActivity } from '../shared/ipc-contract';
import type { InPlaceUpdateState } from '../shared/desktop';
import { filesText, mainTranslator } from './i18n';
import type { Language, MainT } from './i18n';

export type TrayAction =
  | { type: 'open' }
  | { type: 'pick-files' }
  | { type: 'upload-clipboard' }
  | { type: 'copy-link'; historyId: number }
  | { type: 'pause-watching' }
  | { type: 'resume-watching' }
  | { type: 'toggle-drop-window' }
  | { type: 'open-update' }
  | { type: 'download-update' }
  | { type: 'restart-to-update' }
  | { type: 'quit' };

export interface TrayMenuEntry {
  label?: string;
  kind: 'normal' | 'separator' | 'checkbox' | 'submenu';
  enabled?: boolean;
  checked?: boolean;
  action?: TrayAction;
  submenu?: TrayMenuEntry[];
}

export interface RecentUpload {
  historyId: number;
  fileName: string;
  status: ExpiryStatus;
}

export interface TrayMenuState {
  platform: NodeJS.Platform;
  /** Newest first; only the first RECENT_LIMIT are shown. */
  recent: readonly RecentUpload[];
  /** How a copied link is written, e.g. "Markdown". */
  copyFormatLabel: string;
  /** Null when there is no watch service to control: the item is left out. */
  watching: { paused: boolean } | null;
  dropWindowVisible: boolean;
  activity: UploadActivity;
  /** The version of a newer KieDrop that is out, or null. */
  availableUpdate: string | null;
  /** Whether this build can replace itself with it, and how far that has got; absent: it cannot. */
  inPlaceUpdate?: InPlaceUpdateState;
  /** The language the menu reads in; English when not given. */
  language?: Language;
}

export const RECENT_LIMIT = 5;

function percent(fraction: number): string {
  return `${Math.floor(fraction * 100)} %`;
}

/** One line on what is going on, or null when there is nothing to say. */
export function activityLine(activity: UploadActivity, t: MainT = mainTranslator('en')): string | null {
  switch (activity.phase) {
    case 'uploading':
      return t('activity.uploading', {
        files: filesText(t, activity.active),
        percent: percent(activity.fraction),
      });
    case 'paused':
      return t('activity.paused', { files: filesText(t, activity.active) });
    case 'failed':
      return t('activity.failed', { failed: activity.failed, total: activity.done + activity.failed });
    case 'done':
      return activity.done > 0 ? t('activity.done', { count: activity.done }) : null;
    default:
      return null;
  }
}

/**
 * The status line at the top of the menu: counts only, so the menu is not rebuilt for every byte
 * (the tooltip and icon carry the percentage).
 */
export function menuStatusLine(activity: UploadActivity, t: MainT = mainTranslator('en')): string | null {
  const line =
    activity.phase === 'uploading'
      ? t('activity.uploadingCount', { files: filesText(t, activity.active) })
      : activityLine(activity, t);
  return line === null ? null : `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
}

export function trayTooltip(activity: UploadActivity, language: Language = 'en'): string {
  const t = mainTranslator(language);
  const line = activityLine(activity, t);
  return line === null ? 'KieDrop' : t('tray.tooltip', { activity: line });
}

/** The text beside the macOS menu-bar icon: the percentage while uploading, nothing otherwise. */
export function trayTitle(activity: UploadActivity): string {
  return activity.phase === 'uploading' ? `${Math.floor(activity.fraction * 100)}%` : '';
}

/**
 * Windows and Linux menus read "&" as the next letter's keyboard mnemonic (Electron passes it on to the
 * Linux tray menu too); a file name means a literal "&", written "&&". macOS shows "&" as it is.
 */
export function menuText(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

function recentSubmenu(state: TrayMenuState, t: MainT): TrayMenuEntry[] {
  const shown = state.recent.slice(0, RECENT_LIMIT);
  if (shown.length === 0) return [{ kind: 'normal', label: t('tray.recent.none'), enabled: false }];
  return [
    { kind: 'normal', label: t('tray.recent.hint', { format: state.copyFormatLabel }), enabled: false },
    { kind: 'separator' },
    ...shown.map((upload): TrayMenuEntry => {
      const name = menuText(upload.fileName, state.platform);
      const expired = upload.status === 'expired' || upload.status === 'replaced';
      let label = name;
      if (upload.status === 'expired') label = t('tray.recent.expired', { name });
      if (upload.status === 'replaced') label = t('tray.recent.replaced', { name });
      return {
        kind: 'normal',
        label,
        // An expired link is dead: copying it would only hand out a broken address.
        enabled: !expired,
        action: { type: 'copy-link', historyId: upload.historyId },
      };
    }),
  ];
}

/** "Download and restart" and what became of it; nothing where the build cannot update itself. */
export function inPlaceEntries(update: InPlaceUpdateState, t: MainT): TrayMenuEntry[] {
  const download: TrayMenuEntry = {
    kind: 'normal',
    label: t('update.download'),
    action: { type: 'download-update' },
  };
  switch (update.phase) {
    case 'idle':
      return [download];
    case 'downloading':
      // In steps of ten: Linux panels rebuild the whole menu on every change.
      return [
        {
          kind: 'normal',
          label:
            update.version === null
              ? t('update.finding')
              : t('update.downloading', {
                  version: update.version,
                  percent: `${Math.floor(update.percent / 10) * 10} %`,
                }),
          enabled: false,
        },
      ];
    case 'downloaded':
      return [
        {
          kind: 'normal',
          label: t('update.restart'),
          action: { type: 'restart-to-update' },
        },
      ];
    case 'restarting':
      return [{ kind: 'normal', label: t('update.restarting', { version: update.version }), enabled: false }];
    case 'failed':
      return [{ kind: 'normal', label: inPlaceFailureText(update, t), enabled: false }, download];
    default:
      return [];
  }
}

/** The longest reason a menu item shows: the window shows the whole of it (a sha512 mismatch names both). */
const MENU_REASON_CHARS = 80;

function menuReason(detail: string): string {
  return detail.length > MENU_REASON_CHARS ? `${detail.slice(0, MENU_REASON_CHARS - 1)}…` : detail;
}

/** "Could not download the update: this computer is offline" and its kin. */
export function inPlaceFailureText(
  update: Extract<InPlaceUpdateState, { phase: 'failed' }>,
  t: MainT,
): string {
  switch (update.problem) {
    case 'offline':
      return t('update.failed', { reason: t('update.problem.offline') });
    case 'no-update':
      return t('update.failed', { reason: t('update.problem.noUpdate') });
    case 'install':
      return t('update.installFailed', { reason: menuReason(update.detail) });
    default:
      return t('update.failed', { reason: menuReason(update.detail) });
  }
}

export function trayMenuTemplate(state: TrayMenuState): TrayMenuEntry[] {
  const t = mainTranslator(state.language ?? 'en');
  const entries: TrayMenuEntry[] = [];
  const line = menuStatusLine(state.activity, t);
  if (line !== null) {
    entries.push({ kind: 'normal', label: line, enabled: false });
    entries.push({ kind: 'separator' });
  }
  if (state.availableUpdate !== null) {
    entries.push(
      {
        kind: 'normal',
        label: t('tray.update', { version: state.availableUpdate }),
        action: { type: 'open-update' },
      },
      ...inPlaceEntries(state.inPlaceUpdate ?? { phase: 'unsupported' }, t),
      { kind: 'separator' },
    );
  }
  entries.push(
    { kind: 'normal', label: t('tray.open'), action: { type: 'open' } },
    { kind: 'normal', label: t('tray.pickFiles'), action: { type: 'pick-files' } },
    { kind: 'normal', label: t('tray.uploadClipboard'), action: { type: 'upload-clipboard' } },
    { kind: 'submenu', label: t('tray.recent'), submenu: recentSubmenu(state, t) },
    { kind: 'separator' },
  );
  if (state.watching !== null) {
    entries.push(
      state.watching.paused
        ? { kind: 'normal', label: t('tray.resumeWatching'), action: { type: 'resume-watching' } }
        : { kind: 'normal', label: t('tray.pauseWatching'), action: { type: 'pause-watching' } },
    );
  }
  entries.push(
    {
      kind: 'checkbox',
      label: t('tray.showDropWindow'),
      checked: state.dropWindowVisible,
      action: { type: 'toggle-drop-window' },
    },
    { kind: 'separator' },
    { kind: 'normal', label: t('tray.quit'), action: { type: 'quit' } },
  );
  return entries;
}
