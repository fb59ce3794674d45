// How the stand-in's desktop behaves, chosen by the test through the environment of the app process.
// Each mode models a documented platform behaviour (see docs/design.md, "The Electron stand-in").

export type DisplayServer = 'x11' | 'wayland';

export interface StandinModes {
  /** wayland: window position and always-on-top do nothing; unfocused clipboard writes are dropped. */
  display: DisplayServer;
  /** A Playwright browser server to open windows in (shared by a test file); else one is launched. */
  browserWsEndpoint: string | null;
  /** Accelerators another program already holds: register() answers false for them. */
  takenShortcuts: string[];
  /**
   * The OS the app believes it runs on (process.platform), for the glue that differs per OS and only
   * calls Electron (login items). Files, paths and native modules stay this machine's.
   */
  platform: 'linux' | 'darwin' | 'win32';
  /** macOS: this start was made by the login item (getLoginItemSettings().wasOpenedAtLogin). */
  openedAtLogin: boolean;
  /**
   * A packaged app: app.isPackaged is true and process.resourcesPath is this folder (where electron-builder
   * puts app-update.yml and package-type). Null: a dev run, as `electron <folder>` is.
   */
  resourcesPath: string | null;
  /** The computer has no network connection: net.isOnline() answers false. */
  offline: boolean;
}

export function readModes(env: NodeJS.ProcessEnv): StandinModes {
  return {
    display: env['KIEDROP_STANDIN_DISPLAY'] === 'wayland' ? 'wayland' : 'x11',
    browserWsEndpoint: env['KIEDROP_STANDIN_BROWSER'] || null,
    takenShortcuts: (env['KIEDROP_STANDIN_TAKEN_SHORTCUTS'] ?? '').split(',').filter(Boolean),
    platform:
      env['KIEDROP_STANDIN_PLATFORM'] === 'darwin' || env['KIEDROP_STANDIN_PLATFORM'] === 'win32'
        ? env['KIEDROP_STANDIN_PLATFORM']
        : 'linux',
    openedAtLogin: env['KIEDROP_STANDIN_OPENED_AT_LOGIN'] === '1',
    resourcesPath: env['KIEDROP_STANDIN_RESOURCES'] || null,
    offline: env['KIEDROP_STANDIN_OFFLINE'] === '1',
  };
}

export const modes = readModes(process.env);
