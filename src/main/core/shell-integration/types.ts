// Shapes shared by the right-click installers of every platform.

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with arguments (no shell). Production: execFile; tests: a recording stand-in for reg.exe. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

export interface IntegrationOptions {
  /** The program to run, absolute. See appLauncher() for dev runs, AppImage and portable builds. */
  exePath: string;
  /**
   * Arguments that always follow the program, before `--share`: the app folder when the program is
   * the Electron runtime of a dev run (`electron <folder>`). None for an installed app.
   */
  exeArgs?: readonly string[];
  /** The user's home folder (tests pass a temporary one). */
  home: string;
  /** For XDG_DATA_HOME on Linux. */
  env: Readonly<Record<string, string | undefined>>;
  /** Required on Windows (reg.exe); on macOS it refreshes the Services menu when given. */
  run?: CommandRunner;
  /** An icon file for Linux menus that show one. */
  iconPath?: string;
}

/** Where the right-click menu is installed: the platform and the installer's options. */
export interface IntegrationTarget {
  platform: NodeJS.Platform;
  options: IntegrationOptions;
}

/**
 * installed: ours and current; outdated: ours but for another program or app folder (the app moved);
 * absent: not there; foreign: something not made by KieDrop sits at our path and is left alone.
 */
export type ItemState = 'installed' | 'outdated' | 'absent' | 'foreign';

export interface IntegrationItemStatus {
  id: string;
  /** What the user sees it as, e.g. "Nautilus (GNOME Files) script". */
  label: string;
  /** File, bundle or registry key. */
  location: string;
  state: ItemState;
  /** Set for an outdated entry whose program no longer exists (KieDrop moved or removed): that program. */
  missingProgram?: string;
}

export interface IntegrationStatus {
  /** Every item is installed and current. */
  installed: boolean;
  items: IntegrationItemStatus[];
}
