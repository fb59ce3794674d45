// Shapes of the desktop entry points (tray, drop window, clipboard, right-click menu, shortcut) that
// cross to a window. Plain data only.

/** Uploads as the tray and the drop window show them: one summary for everything going on now. */
export interface UploadActivity {
  /**
   * idle: nothing has run since start; uploading: jobs are queued or running; paused: jobs wait on
   * a paused queue; done / failed: the last burst of uploads ended (failed when any of it failed).
   */
  phase: 'idle' | 'uploading' | 'paused' | 'done' | 'failed';
  /** Jobs queued or uploading now. */
  active: number;
  /** Of the uploads in this burst: finished well, and failed. */
  done: number;
  failed: number;
  /** How far the burst is, 0..1: finished jobs count whole, running ones by their bytes. */
  fraction: number;
  /** Why the queue is paused, when it is: the queue's English sentence, and its kind for other languages. */
  pausedMessage: string | null;
  pausedReason: 'auth' | 'user' | null;
}

/** Nothing has run yet: what the tray and the drop window show until the first upload. */
export const IDLE_ACTIVITY: UploadActivity = {
  phase: 'idle',
  active: 0,
  done: 0,
  failed: 0,
  fraction: 0,
  pausedMessage: null,
  pausedReason: null,
};

/** What "Upload clipboard" did, once its uploads finished. */
export interface ClipboardUploadSummary {
  kind: 'files' | 'image' | 'urls';
  /** The formatted links now on the clipboard, one per upload that worked. */
  links: string[];
  uploaded: number;
  failed: number;
  /** Still queued because the queue is paused. */
  waiting: number;
  copied: boolean;
  /** The same words as the notification. */
  title: string;
  body: string;
}

export type IntegrationItemState = 'installed' | 'outdated' | 'absent' | 'foreign';

/** "Share with KieDrop" in the file manager: what is installed where. */
export interface IntegrationState {
  /** False where KieDrop cannot install it (e.g. running from a test page). */
  supported: boolean;
  platform: string;
  /** Every part is installed and points at this copy of KieDrop. */
  installed: boolean;
  items: {
    id: string;
    label: string;
    location: string;
    state: IntegrationItemState;
    /** An outdated entry starts this program, which no longer exists. */
    missingProgram?: string;
  }[];
}

/** The `kiedrop` command of the installed app, for the terminal. */
export interface CliCommandState {
  /**
   * install: Settings puts `kiedrop` in ~/.local/bin (Linux). path: it ships inside the app at
   * bundledPath, to add to PATH (macOS, Windows). unavailable: neither (a dev run: use `npm link`).
   */
  mode: 'install' | 'path' | 'unavailable';
  /** install mode: the file Settings writes, and whether it is there and current. */
  location: string | null;
  state: IntegrationItemState | null;
  /** The installed command starts this program, which no longer exists. */
  missingProgram?: string;
  /** The folder of `location` is on PATH, so typing `kiedrop` finds it. */
  onPath: boolean;
  bundledPath: string | null;
}

/** A newer KieDrop on the release feed, and when the feed was last asked. */
export interface UpdateStatus {
  /** False in a dev run or a build that names no release feed: nothing is ever checked. */
  configured: boolean;
  /** The "Check for updates" setting. */
  enabled: boolean;
  currentVersion: string;
  /** When the feed last answered (ms since the epoch). */
  checkedAt: number | null;
  /** A newer release: its version (no leading "v") and the page with its installers. */
  available: { version: string; url: string } | null;
}

/**
 * Replacing the running KieDrop with the newer release ("Download and restart"), where the installed
 * build can do that (an AppImage, the Windows installer's copy, the macOS app); elsewhere 'unsupported'
 * and the release page is the way.
 */
export type InPlaceUpdateState =
  | { phase: 'unsupported' }
  | { phase: 'idle' }
  | { phase: 'downloading'; version: string | null; percent: number }
  | { phase: 'downloaded'; version: string }
  | { phase: 'restarting'; version: string }
  | { phase: 'failed'; problem: InPlaceUpdateProblem; detail: string };

/** offline: no network connection; no-update: the feed offers nothing newer for this system; download or
 * install: that step failed, `detail` says why (in English, from the updater). */
export type InPlaceUpdateProblem = 'offline' | 'no-update' | 'download' | 'install';

/** The "Upload clipboard" global shortcut. */
export interface ShortcutState {
  /** The saved shortcut ('' when turned off). */
  accelerator: string;
  /** True when the OS gave it to us; false when another app holds it or shortcuts are unavailable. */
  active: boolean;
  /** Why it is not active, in words the user can act on. */
  message: string | null;
  /** message's stable code and params (the accelerator), which the window says in the person's language. */
  problem?: { code: string; params?: { accelerator: string } } | null;
}
