// Where the operating system saves screenshots, and the names it gives them. Pure given the platform,
// environment, home folder and a way to run a command, so each layout is testable on any machine.
import { execFile } from 'node:child_process';
import { posix, win32 } from 'node:path';

/** Runs a command and gives its standard output, or null when it fails or is missing. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<string | null>;

export interface ScreenshotFolderInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  run?: CommandRunner;
  /** Reads a text file, or null when it cannot (the XDG user-dirs file). */
  readText?: (path: string) => Promise<string | null>;
}

export interface ScreenshotFolder {
  /** Absolute folder the system saves screenshots in. */
  path: string;
  /** Globs matching the system's screenshot names (the folder may hold other files, e.g. the Desktop). */
  include: string[];
  /** Where the path came from, for messages: the system setting, or the default location. */
  source: 'system-setting' | 'default';
}

// macOS names screenshots "Screenshot <date>" (10.14 and later) or "Screen Shot <date>" (before), in the
// system language: these are the prefixes of its most used localisations.
const MAC_PREFIXES = [
  'Screenshot',
  'Screen Shot',
  'Bildschirmfoto',
  'Capture d’écran',
  "Capture d'écran",
  'Captura de pantalla',
  'Schermafbeelding',
  'Istantanea schermo',
  'Zrzut ekranu',
  'Снимок экрана',
  'スクリーンショット',
  '截屏',
  '螢幕截圖',
  '스크린샷',
];
// Windows: Win+PrtScn writes "Screenshot (N).png"; the Snipping Tool "Screenshot YYYY-MM-DD hhmmss.png".
const WINDOWS_PREFIXES = ['Screenshot'];
// GNOME: "Screenshot from …" (before 42) and "Screenshot From …"; KDE Spectacle: "Screenshot_YYYYMMDD_…".
const LINUX_PREFIXES = ['Screenshot'];

// The Screenshots known folder (FOLDERID_Screenshots), where Windows saves Win+PrtScn captures.
const WINDOWS_SCREENSHOTS_KNOWN_FOLDER = '{B7BEDE81-DF94-4682-A7D8-57A52620B86F}';
const WINDOWS_SHELL_FOLDERS_KEY =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders';

function globsFor(prefixes: readonly string[]): string[] {
  return prefixes.map((prefix) => `${prefix}*`);
}

export const defaultRunner: CommandRunner = (command, args) =>
  new Promise((resolvePromise) => {
    execFile(command, [...args], { timeout: 5000, windowsHide: true }, (err, stdout) => {
      resolvePromise(err ? null : stdout);
    });
  });

async function readTextFile(path: string): Promise<string | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** "~/Shots" and "$HOME/Shots" in a setting mean the home folder. */
function expandHome(value: string, home: string): string {
  if (value === '~') return home;
  if (value.startsWith('~/')) return posix.join(home, value.slice(2));
  return value.replace(/^\$HOME(?=\/|$)/u, home);
}

async function macFolder(input: ScreenshotFolderInput, run: CommandRunner): Promise<ScreenshotFolder> {
  const include = globsFor(MAC_PREFIXES);
  const out = await run('defaults', ['read', 'com.apple.screencapture', 'location']);
  const location = out?.trim() ?? '';
  if (location !== '') {
    const path = expandHome(location, input.home);
    if (posix.isAbsolute(path)) return { path: posix.normalize(path), include, source: 'system-setting' };
  }
  return { path: posix.join(input.home, 'Desktop'), include, source: 'default' };
}

/** "%USERPROFILE%\Pictures" with the environment's values filled in (names are case-insensitive). */
function expandWindowsVars(value: string, env: ScreenshotFolderInput['env']): string {
  return value.replace(/%([^%]+)%/gu, (whole, name: string) => {
    const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? whole : (env[key] ?? whole);
  });
}

async function windowsFolder(input: ScreenshotFolderInput, run: CommandRunner): Promise<ScreenshotFolder> {
  const include = globsFor(WINDOWS_PREFIXES);
  const out = await run('reg', ['query', WINDOWS_SHELL_FOLDERS_KEY, '/v', WINDOWS_SCREENSHOTS_KNOWN_FOLDER]);
  // A line like "    {B7BE…}    REG_EXPAND_SZ    %USERPROFILE%\OneDrive\Pictures\Screenshots".
  const line = out
    ?.split(/\r?\n/u)
    .find((l) => l.toUpperCase().includes(WINDOWS_SCREENSHOTS_KNOWN_FOLDER) && /REG_(EXPAND_)?SZ/u.test(l));
  const value = line?.split(/REG_(?:EXPAND_)?SZ/u)[1]?.trim();
  if (value !== undefined && value !== '') {
    const path = expandWindowsVars(value, input.env);
    if (win32.isAbsolute(path) && !path.includes('%'))
      return { path: win32.normalize(path), include, source: 'system-setting' };
  }
  const profile = input.env.USERPROFILE ?? input.home;
  return { path: win32.join(profile, 'Pictures', 'Screenshots'), include, source: 'default' };
}

/** XDG_PICTURES_DIR from user-dirs.dirs ("$HOME/Pictures" or an absolute path), or null. */
function picturesFromUserDirs(text: string, home: string): string | null {
  for (const raw of text.split(/\r?\n/u)) {
    const match = /^\s*XDG_PICTURES_DIR\s*=\s*"([^"]*)"\s*$/u.exec(raw);
    if (match === null) continue;
    const path = expandHome(match[1] ?? '', home);
    // xdg-user-dirs: a value equal to $HOME means the folder is disabled.
    if (posix.isAbsolute(path) && posix.normalize(path) !== posix.normalize(home))
      return posix.normalize(path);
  }
  return null;
}

async function linuxFolder(input: ScreenshotFolderInput): Promise<ScreenshotFolder> {
  const include = globsFor(LINUX_PREFIXES);
  const configHome = input.env.XDG_CONFIG_HOME?.trim() || posix.join(input.home, '.config');
  const read = input.readText ?? readTextFile;
  const text = await read(posix.join(configHome, 'user-dirs.dirs'));
  const fromFile = text === null ? null : picturesFromUserDirs(text, input.home);
  const pictures = fromFile ?? posix.join(input.home, 'Pictures');
  return {
    path: posix.join(pictures, 'Screenshots'),
    include,
    source: fromFile === null ? 'default' : 'system-setting',
  };
}

/** The folder this system saves screenshots in, and the globs for its screenshot names. */
export async function findScreenshotFolder(input: ScreenshotFolderInput): Promise<ScreenshotFolder> {
  const run = input.run ?? defaultRunner;
  if (input.platform === 'darwin') return macFolder(input, run);
  if (input.platform === 'win32') return windowsFolder(input, run);
  return linuxFolder(input);
}
