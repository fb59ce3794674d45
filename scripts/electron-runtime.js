// Finds the Electron runtime that the `electron` package would launch, and fetches it when it is missing.
// `npm install` deliberately skips the download (package.json "allowScripts"), so a machine that cannot reach
// Electron's download host still installs; the runtime is fetched on first `npm start` instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** Absolute path of the runtime executable, or null when it has not been downloaded. */
export function findElectronRuntime() {
  const dir = electronPackageDir();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const executable = override ? join(override, relative) : join(dir, 'dist', relative);
  return existsSync(executable) ? executable : null;
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
