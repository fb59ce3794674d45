// The program a file manager should start. process.execPath is wrong in two packaged cases: an
// AppImage runs from a temporary mount that changes on every start (the .AppImage file is in
// APPIMAGE), and a Windows portable build unpacks itself to a temporary folder (the real .exe is in
// PORTABLE_EXECUTABLE_FILE). A menu entry pointing into those folders would break after a restart.

export function launcherPath(opts: {
  platform: NodeJS.Platform;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
}): string {
  const appImage = opts.env['APPIMAGE'];
  if (opts.platform === 'linux' && appImage !== undefined && appImage !== '') return appImage;
  const portable = opts.env['PORTABLE_EXECUTABLE_FILE'];
  if (opts.platform === 'win32' && portable !== undefined && portable !== '') return portable;
  return opts.execPath;
}

/** A program and the arguments that always come first on its command line. */
export interface Launcher {
  exePath: string;
  exeArgs: readonly string[];
}

/**
 * How to start this running app again. A dev run (`electron <folder>`, process.defaultApp) is the
 * Electron runtime plus the app folder: the runtime alone would open Electron's default app, not
 * KieDrop. launch-args.ts already skips that folder when it reads argv.
 */
export function appLauncher(opts: {
  platform: NodeJS.Platform;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  defaultApp: boolean;
  /** app.getAppPath(): the folder given to Electron in a dev run. */
  appPath: string;
}): Launcher {
  if (opts.defaultApp) return { exePath: opts.execPath, exeArgs: [opts.appPath] };
  return { exePath: launcherPath(opts), exeArgs: [] };
}
