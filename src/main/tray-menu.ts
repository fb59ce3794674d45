// What the tray icon's menu and tooltip say for a given state. Pure, so the tests read the menu as the
// user would see it; tray.ts only turns the entries into Electron menu items.
import type { ExpiryStatus, UploadActivity } from '../shared/ipc-contract';

export type TrayAction =
  | { type: 'open' }
  | { type: 'pick-files' }
  | { type: 'upload-clipboard' }
  | { type: 'copy-link'; historyId: number }
  | { type: 'pause-watching' }
  | { type: 'resume-watching' }
  | { type: 'toggle-drop-window' }
  | { type: 'open-update' }
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
}

export const RECENT_LIMIT = 5;

function percent(fraction: number): string {
  return `${Math.floor(fraction * 100)} %`;
}

function files(n: number): string {
  return `${n} ${n === 1 ? 'file' : 'files'}`;
}

/** One line on what is going on, or null when there is nothing to say. */
export function activityLine(activity: UploadActivity): string | null {
  switch (activity.phase) {
    case 'uploading':
      return `uploading ${files(activity.active)}, ${percent(activity.fraction)}`;
    case 'paused':
      return `paused, ${files(activity.active)} waiting`;
    case 'failed':
      return `${activity.failed} of ${activity.done + activity.failed} uploads failed`;
    case 'done':
      return activity.done > 0 ? `${activity.done} uploaded` : null;
    default:
      return null;
  }
}

/**
 * The status line at the top of the menu: counts only, so the menu is not rebuilt for every byte
 * (the tooltip and icon carry the percentage).
 */
export function menuStatusLine(activity: UploadActivity): string | null {
  const line =
    activity.phase === 'uploading' ? `uploading ${files(activity.active)}` : activityLine(activity);
  return line === null ? null : `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
}

export function trayTooltip(activity: UploadActivity): string {
  const line = activityLine(activity);
  return line === null ? 'KieDrop' : `KieDrop — ${line}`;
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

function recentSubmenu(state: TrayMenuState): TrayMenuEntry[] {
  const shown = state.recent.slice(0, RECENT_LIMIT);
  if (shown.length === 0) return [{ kind: 'normal', label: 'No uploads yet', enabled: false }];
  return [
    { kind: 'normal', label: `Click to copy the link (${state.copyFormatLabel})`, enabled: false },
    { kind: 'separator' },
    ...shown.map((upload): TrayMenuEntry => {
      const expired = upload.status === 'expired' || upload.status === 'replaced';
      const name = menuText(upload.fileName, state.platform);
      return {
        kind: 'normal',
        label: expired ? `${name} (${upload.status})` : name,
        // An expired link is dead: copying it would only hand out a broken address.
        enabled: !expired,
        action: { type: 'copy-link', historyId: upload.historyId },
      };
    }),
  ];
}

export function trayMenuTemplate(state: TrayMenuState): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = [];
  const line = menuStatusLine(state.activity);
  if (line !== null) {
    entries.push({ kind: 'normal', label: line, enabled: false });
    entries.push({ kind: 'separator' });
  }
  if (state.availableUpdate !== null) {
    entries.push(
      {
        kind: 'normal',
        label: `KieDrop ${state.availableUpdate} is available…`,
        action: { type: 'open-update' },
      },
      { kind: 'separator' },
    );
  }
  entries.push(
    { kind: 'normal', label: 'Open KieDrop', action: { type: 'open' } },
    { kind: 'normal', label: 'Upload files…', action: { type: 'pick-files' } },
    { kind: 'normal', label: 'Upload clipboard', action: { type: 'upload-clipboard' } },
    { kind: 'submenu', label: 'Recent uploads', submenu: recentSubmenu(state) },
    { kind: 'separator' },
  );
  if (state.watching !== null) {
    entries.push(
      state.watching.paused
        ? { kind: 'normal', label: 'Resume watching folders', action: { type: 'resume-watching' } }
        : { kind: 'normal', label: 'Pause watching folders', action: { type: 'pause-watching' } },
    );
  }
  entries.push(
    {
      kind: 'checkbox',
      label: 'Show drop window',
      checked: state.dropWindowVisible,
      action: { type: 'toggle-drop-window' },
    },
    { kind: 'separator' },
    { kind: 'normal', label: 'Quit KieDrop', action: { type: 'quit' } },
  );
  return entries;
}
