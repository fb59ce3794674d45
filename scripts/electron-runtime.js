// Finds the Electron runtime to launch, and fetches it when it is missing.
// `npm install` deliberately skips the download (package.json "allowScripts"), so a machine that cannot reach
// Electron's download host still installs; the runtime is fetched on first `npm start` instead.
// Where the runtime is looked for, first match wins:
//   ELECTRON_EXEC_PATH           the executable itself. electron-vite reads this variable and nothing else besides
//                                node_modules/electron/path.txt, so it is the one that works for every script.
//   ELECTRON_OVERRIDE_DIST_PATH  the electron package's own variable: the folder that holds the executable.
//   node_modules/electron/dist   where the package's installer unpacks the runtime.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** The executable's path inside an Electron folder, as the electron package's installer names it per OS. */
export function electronExecutableName(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

const OS_NAMES = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** "`electron.exe` on Windows": what to point ELECTRON_EXEC_PATH at, in a message. */
export function executableHint(platform = process.platform) {
  return `\`${electronExecutableName(platform)}\` on ${OS_NAMES[platform] ?? platform}`;
}

/**
 * Where the runtime should be: { path, setBy, folder }. setBy names the variable that chose it (null for the
 * package's own copy); folder is the Electron folder holding it, when a folder was given rather than a file.
 * Nothing is checked on disk except path.txt.
 */
export function locateElectronRuntime({
  env = process.env,
  platform = process.platform,
  packageDir = electronPackageDir(),
} = {}) {
  if (env.ELECTRON_EXEC_PATH) {
    return { path: resolve(env.ELECTRON_EXEC_PATH), setBy: 'ELECTRON_EXEC_PATH', folder: null };
  }
  // The installer writes path.txt for the runtime it unpacked; before that, the name follows the OS.
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : electronExecutableName(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const folder = override ? resolve(override) : join(packageDir, 'dist');
  return { path: join(folder, name), setBy: override ? 'ELECTRON_OVERRIDE_DIST_PATH' : null, folder };
}

/** Why `path` cannot be launched: 'missing', 'folder' or 'not-executable'; null when it can. */
export function executableProblem(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 'missing';
  }
  if (stats.isDirectory()) return 'folder';
  try {
    // On Windows this checks only that the file exists; there the name (.exe) makes it executable.
    accessSync(path, constants.X_OK);
  } catch {
    return 'not-executable';
  }
  return stats.isFile() ? null : 'not-executable';
}

const PROBLEMS = { missing: 'does not exist', folder: 'is a folder', 'not-executable': 'is not executable' };

/** What is wrong with a located runtime and what to do, as the part of a sentence after "cannot start: ". */
export function describeRuntimeProblem({ path, setBy, folder }, problem, platform = process.platform) {
  const hint = executableHint(platform);
  if (setBy === 'ELECTRON_EXEC_PATH') {
    const fix =
      problem === 'folder'
        ? `set it to the Electron executable inside it (${hint})`
        : `set it to an installed Electron's executable (${hint}) or unset it`;
    return `ELECTRON_EXEC_PATH is set to ${path}, which ${PROBLEMS[problem]}; ${fix}`;
  }
  if (setBy === 'ELECTRON_OVERRIDE_DIST_PATH') {
    return (
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${folder}, but the Electron executable expected there, ` +
      `${path}, ${PROBLEMS[problem]}; set ELECTRON_EXEC_PATH to an installed Electron's executable (${hint}) instead`
    );
  }
  return (
    `the Electron runtime at ${path} ${PROBLEMS[problem]}; delete the folder ${folder} and run ` +
    '`npm start` again to fetch it anew'
  );
}

/** Absolute path of a runtime that can be launched, or null. Takes the options of locateElectronRuntime. */
export function findElectronRuntime(options) {
  const { path } = locateElectronRuntime(options);
  return executableProblem(path) === null ? path : null;
}

/** Runs the electron package's own installer; returns { ok, reason } with the installer's last error line. */
export function downloadElectronRuntime() {
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0 && findElectronRuntime()) return { ok: true };
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const reason =
    output
      .split('\n')
      .map((line) => line.trim())
      .find(
        (line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT/i.test(line) && !line.startsWith('at '),
      ) ?? `the installer exited with code ${result.status}`;
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/i.test(
    output,
  );
  return { ok: false, reason: offline ? 'its download server could not be reached' : reason };
}
