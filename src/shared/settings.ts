// The user's settings: small, so they live in a JSON file (conf) beside the database, never the API key.

/** The longest "Links last" override, in hours: the service's documented 3 days. */
export const MAX_LINK_LIFETIME_HOURS = 72;
/** Links live 3 days: a keep-alive lead of two days or more would upload a pinned link again almost at once. */
export const MAX_KEEPALIVE_LEAD_HOURS = 48;

export type ThemeSetting = 'system' | 'light' | 'dark';
export type LanguageSetting = 'system' | 'en' | 'zh-CN';
/** What happens to a picture's GPS position when nothing else strips its metadata. */
export type LocationInPictures = 'ask' | 'remove' | 'keep';
export type ProxySetting = { mode: 'system' } | { mode: 'none' } | { mode: 'manual'; url: string };

/** The small floating drop target. x/y are null until the user moves it (then it opens where they left it). */
export interface DropWindowSetting {
  enabled: boolean;
  alwaysOnTop: boolean;
  x: number | null;
  y: number | null;
}

/** The editor server: loopback port (PicGo's 36677 by default), optional secret ('' for none), and
 * the answer the user gave for each client name (User-Agent) that asked to upload. */
export interface EditorServerSetting {
  enabled: boolean;
  port: number;
  token: string;
  clients: Record<string, boolean>;
}

export interface Settings {
  /** Where uploads go on the server unless the user picks another for one upload. */
  defaultUploadPath: string;
  /** Uploads running at once. */
  concurrency: number;
  /** Native notifications when an upload finishes or fails. */
  notifications: boolean;
  /** What "copy link" puts on the clipboard. */
  copyFormat: 'url' | 'markdown' | 'html' | 'bbcode' | 'custom';
  /** For copyFormat 'custom': {url}, {name} and {expires} are replaced. */
  customCopyTemplate: string;
  /** Copy the link as soon as an upload finishes. */
  copyOnUpload: boolean;
  /** Entries closer than this to expiry show as "expiring soon". */
  expiringSoonHours: number;
  /** Upload host and credits host; change only for a self-hosted or emulated API. */
  uploadBaseUrl: string;
  creditsBaseUrl: string;
  proxy: ProxySetting;
  theme: ThemeSetting;
  language: LanguageSetting;
  /** Global shortcut for "Upload clipboard", in Electron's accelerator syntax; '' turns it off. */
  clipboardShortcut: string;
  dropWindow: DropWindowSetting;
  /** Sharing a folder also shares the files in its sub-folders. */
  shareRecurseFolders: boolean;
  /** A share of more files than this asks first. */
  shareConfirmAbove: number;
  /** A short sound when uploads finish or fail. */
  playSound: boolean;
  /** Start KieDrop (in the tray) when the user logs in. */
  launchAtLogin: boolean;
  /** Ask the release feed, at most once a day, whether a newer KieDrop is out. */
  checkForUpdates: boolean;
  /** A pinned link is uploaded again this many hours before the expiry KieDrop believes. */
  keepAliveLeadHours: number;
  /** One notification when links the user copied or shared (and did not pin) are in their last day. */
  expiryReminders: boolean;
  /** After a URL upload, keep a copy of the new link's bytes in the data folder, so it can be renewed later. */
  keepUrlUploadCopies: boolean;
  /** The most those copies may take together, in MiB; the oldest go first. */
  urlUploadCopiesMaxMiB: number;
  /** How long links last, in hours (1-72), for every countdown; null: learned from links seen to die early, else 3 days. */
  linkLifetimeHours: number | null;
  /** The PicGo-compatible upload server for editors (Typora, Obsidian, VS Code); off unless turned on. */
  editorServer: EditorServerSetting;
  /** Naming template for uploaded files ({name}, {ext}, {date:YYYY-MM-DD}, {hash:8}…); '' keeps each file's own name. */
  nameTemplate: string;
  /** Template for the upload path; '' uses defaultUploadPath (or the path chosen for the upload) as it is. */
  uploadPathTemplate: string;
  /** Watched folders (absolute paths) whose uploads each put their link on the clipboard when done. */
  copyLinkFolders: string[];
  /** Convert and shrink pictures before the app uploads them (imageFormat, imageQuality, imageMaxSide). */
  imageOptimize: boolean;
  imageFormat: 'webp' | 'avif' | 'jpeg' | 'keep';
  /** 1-100. */
  imageQuality: number;
  /** Longest side at most this many px; null keeps the size. */
  imageMaxSide: number | null;
  /** Remove EXIF (GPS included) and XMP from pictures before the app uploads them, turned upright first. */
  stripMetadata: boolean;
  /** A picture with a GPS position that would go up with it: 'ask' once (the app's window), or always
   * 'remove' the position, or 'keep' it. */
  locationInPictures: LocationInPictures;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultUploadPath: 'kiedrop',
  concurrency: 3,
  notifications: true,
  copyFormat: 'url',
  customCopyTemplate: '{url}',
  copyOnUpload: true,
  expiringSoonHours: 6,
  uploadBaseUrl: 'https://kieai.redpandaai.co',
  creditsBaseUrl: 'https://api.kie.ai',
  proxy: { mode: 'system' },
  theme: 'system',
  language: 'system',
  clipboardShortcut: 'CommandOrControl+Shift+U',
  dropWindow: { enabled: true, alwaysOnTop: true, x: null, y: null },
  shareRecurseFolders: false,
  shareConfirmAbove: 100,
  playSound: false,
  launchAtLogin: false,
  checkForUpdates: true,
  keepAliveLeadHours: 12,
  expiryReminders: true,
  keepUrlUploadCopies: false,
  urlUploadCopiesMaxMiB: 500,
  linkLifetimeHours: null,
  editorServer: { enabled: false, port: 36677, token: '', clients: {} },
  nameTemplate: '',
  uploadPathTemplate: '',
  copyLinkFolders: [],
  imageOptimize: false,
  imageFormat: 'webp',
  imageQuality: 80,
  imageMaxSide: null,
  stripMetadata: false,
  locationInPictures: 'ask',
};

/**
 * The defaults on one platform. macOS has the menu-bar icon as a drop target (Electron delivers tray
 * drops only there), so the floating drop window starts off; Windows and Linux need it.
 */
export function defaultSettingsFor(platform: string): Settings {
  const defaults = structuredClone(DEFAULT_SETTINGS);
  if (platform === 'darwin') defaults.dropWindow.enabled = false;
  return defaults;
}
