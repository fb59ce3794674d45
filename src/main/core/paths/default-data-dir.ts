// Where KieDrop keeps its database and settings: the folder Electron's app.getPath('userData') picks
// for the app name 'KieDrop', computed without Electron so the CLI and the app share one file.

import path from 'node:path';

export const DATABASE_FILE_NAME = 'kiedrop.db';
export const APP_FOLDER_NAME = 'KieDrop';

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

// Windows environment names are case-insensitive, but a plain object copy of it is not.
function windowsVar(env: Record<string, string | undefined>, name: string): string | undefined {
  const upper = name.toUpperCase();
  for (const [key, value] of Object.entries(env)) {
    if (key.toUpperCase() === upper && nonEmpty(value) !== undefined) return value;
  }
  return undefined;
}

/** The app's data folder. KIEDROP_DATA_DIR overrides it (tests, portable use). */
export function defaultDataDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  home: string,
): string {
  const override =
    platform === 'win32' ? windowsVar(env, 'KIEDROP_DATA_DIR') : nonEmpty(env['KIEDROP_DATA_DIR']);
  if (override !== undefined) return override;

  switch (platform) {
    case 'win32': {
      const appData = windowsVar(env, 'APPDATA') ?? path.win32.join(home, 'AppData', 'Roaming');
      return path.win32.join(appData, APP_FOLDER_NAME);
    }
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default: {
      // Linux and the BSDs: like Chromium, any non-empty XDG_CONFIG_HOME is used as given.
      const config = nonEmpty(env['XDG_CONFIG_HOME']) ?? path.posix.join(home, '.config');
      return path.posix.join(config, APP_FOLDER_NAME);
    }
  }
}

/** The database file inside a data folder. */
export function databasePath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(dataDir, DATABASE_FILE_NAME);
}
