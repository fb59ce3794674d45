// Which program `kiedrop integration` points "Share with KieDrop" at. The CLI runs in Node, so its own
// executable would be wrong: it names an installed app (--app) or, by default, the dev run of this
// checkout, `<electron> <project folder>`. That is what the app itself installs under `npm start` (see
// appLauncher), so Settings and the CLI read each other's entries as current.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Environment } from '../main/core/config';
import type { Launcher } from '../main/core/shell-integration';
import { CliFailure } from './errors';

export interface DesktopLauncher extends Launcher {
  kind: 'app' | 'dev-run';
  /** For messages: "the KieDrop app at …". */
  description: string;
  /** Linux menus show it; only the checkout has an icon file we know of. */
  iconPath?: string;
  /** Why the menu will not work yet; install still goes ahead. */
  warnings: string[];
}

const PROJECT_DIR = path.resolve(import.meta.dirname, '..', '..');

/** What the electron package's runtime is called when its path.txt is missing (not downloaded yet). */
const RUNTIME_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The executable `npm start` launches: electron-vite's rules (ELECTRON_EXEC_PATH, else dist/<path.txt>). */
export function electronExecutable(opts: {
  electronDir: string;
  platform: NodeJS.Platform;
  env: Environment;
  /** The electron package's path.txt, or null when it is missing. */
  pathTxt: string | null;
  cwd: string;
}): string {
  const paths = opts.platform === 'win32' ? path.win32 : path.posix;
  const override = opts.env['ELECTRON_EXEC_PATH'];
  if (override !== undefined && override !== '') return paths.resolve(opts.cwd, override);
  const relative = opts.pathTxt?.trim() || (RUNTIME_NAMES[opts.platform] ?? 'electron');
  return paths.join(opts.electronDir, 'dist', relative);
}

function electronPackageDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    // A production install has no dev dependencies; the runtime would go here once installed.
    return path.join(PROJECT_DIR, 'node_modules', 'electron');
  }
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The app's entry point from package.json "main": Electron loads it from the project folder. */
function builtEntry(): string {
  const pkg = JSON.parse(readOrNull(path.join(PROJECT_DIR, 'package.json')) ?? '{}') as { main?: unknown };
  return path.join(PROJECT_DIR, typeof pkg.main === 'string' ? pkg.main : 'index.js');
}

function devRun(env: Environment, platform: NodeJS.Platform, cwd: string): DesktopLauncher {
  const electronDir = electronPackageDir();
  const pathTxt = readOrNull(path.join(electronDir, 'path.txt'));
  const exePath = electronExecutable({ electronDir, platform, env, pathTxt, cwd });
  const fix = `Run \`npm start\` once in ${PROJECT_DIR}.`;
  const warnings: string[] = [];
  if (!existsSync(exePath)) {
    warnings.push(
      `The Electron runtime is not installed yet (${exePath} is missing); the menu will work once it is. ${fix}`,
    );
  }
  const entry = builtEntry();
  if (!existsSync(entry)) {
    warnings.push(
      `The desktop app is not built yet (${entry} is missing); the menu will work once it is. ${fix}`,
    );
  }
  const icon = path.join(PROJECT_DIR, 'resources', 'icon.png');
  return {
    kind: 'dev-run',
    exePath,
    exeArgs: [PROJECT_DIR],
    description: `the dev run of this checkout (${PROJECT_DIR})`,
    iconPath: existsSync(icon) ? icon : undefined,
    warnings,
  };
}

const APP_EXAMPLES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'for example /Applications/KieDrop.app/Contents/MacOS/KieDrop',
  win32: 'for example KieDrop.exe in its install folder',
};

/** An installed app named by the user: it must be a program file, not a folder or a typo. */
function installedApp(given: string, platform: NodeJS.Platform, cwd: string): DesktopLauncher {
  const exePath = path.resolve(cwd, given);
  const example = APP_EXAMPLES[platform] ?? 'for example the KieDrop .AppImage file';
  const stats = statSync(exePath, { throwIfNoEntry: false });
  if (stats === undefined) {
    throw new CliFailure(
      `--app: ${exePath} does not exist. Give the path of the KieDrop program (${example}).`,
    );
  }
  if (stats.isDirectory()) {
    const inside = exePath.endsWith('.app')
      ? ` inside it: ${path.join(exePath, 'Contents', 'MacOS', 'KieDrop')}`
      : '';
    throw new CliFailure(
      `--app: ${exePath} is a folder. Give the KieDrop program${inside || ` (${example})`}.`,
    );
  }
  if (platform !== 'win32') {
    try {
      accessSync(exePath, constants.X_OK);
    } catch {
      throw new CliFailure(`--app: ${exePath} is not executable, so a file manager could not start it.`);
    }
  }
  return { kind: 'app', exePath, exeArgs: [], description: `the KieDrop app at ${exePath}`, warnings: [] };
}

export function resolveDesktopLauncher(opts: {
  app: string | undefined;
  env: Environment;
  platform: NodeJS.Platform;
  cwd: string;
  /** The installed app this command line runs inside, if it does. */
  running?: Launcher;
}): DesktopLauncher {
  if (opts.app !== undefined) return installedApp(opts.app, opts.platform, opts.cwd);
  if (opts.running !== undefined) {
    const { exePath, exeArgs } = opts.running;
    return { kind: 'app', exePath, exeArgs, description: `the KieDrop app at ${exePath}`, warnings: [] };
  }
  return devRun(opts.env, opts.platform, opts.cwd);
}
