// "Share with KieDrop" installed from a dev run (`npm start`: `electron <app folder>`) on a real file
// system, in a temporary HOME with XDG_DATA_HOME set: the same target Electron's adapter builds.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, shellIntegrationTarget, status, uninstall } from '../../src/main/core/shell-integration';
import type { IntegrationTarget } from '../../src/main/core/shell-integration';

const run = promisify(execFile);
// From Debian's desktop-file-utils, found on PATH.
const VALIDATOR = 'desktop-file-validate';

let home: string;
let dev: IntegrationTarget;

async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    out.push(relative(root, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

async function validate(file: string): Promise<{ code: number; out: string }> {
  return run(VALIDATOR, [file]).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-devrun-home-'));
  // Spaces and both kinds of quote in the runtime's path and in the app folder.
  const appPath = join(home, 'src', `Kie "Drop" it's`);
  await mkdir(appPath, { recursive: true });
  dev = shellIntegrationTarget({
    platform: 'linux',
    defaultApp: true,
    execPath: join(appPath, 'node_modules', 'electron', 'dist', 'electron'),
    appPath,
    env: { XDG_DATA_HOME: join(home, 'data') },
    home,
  });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('right-click share from a dev run (Linux)', () => {
  it('installs, validates, reads back as installed, as outdated for another path, and uninstalls cleanly', async () => {
    const before = await tree(home);
    const installed = await install(dev.platform, dev.options);
    expect(installed.items.map((i) => [i.id, i.state])).toEqual([
      ['nautilus', 'installed'],
      ['nemo', 'installed'],
      ['dolphin', 'installed'],
      ['desktop-entry', 'installed'],
    ]);
    const desktop = join(home, 'data', 'applications', 'kiedrop.desktop');
    expect(installed.items.map((i) => i.location)).toContain(desktop);

    // The "Open With" entry passes the validator with no error, warning or hint.
    expect(await validate(desktop)).toEqual({ code: 0, out: '' });
    const exec = (await readFile(desktop, 'utf8')).split('\n').find((l) => l.startsWith('Exec='));
    expect(exec).toBe(
      `Exec="${home}/src/Kie \\\\"Drop\\\\" it's/node_modules/electron/dist/electron" "${home}/src/Kie \\\\"Drop\\\\" it's" --share %F`,
    );

    expect((await status(dev.platform, dev.options)).installed).toBe(true);

    // The same checkout somewhere else, and the packaged app: both are another launcher.
    const moved = { ...dev.options, exeArgs: [join(home, 'src', 'elsewhere')] };
    expect((await status('linux', moved)).items.map((i) => i.state)).toEqual(Array(4).fill('outdated'));
    const packaged = { ...dev.options, exePath: '/opt/KieDrop/kiedrop', exeArgs: [] };
    expect((await status('linux', packaged)).items.map((i) => i.state)).toEqual(Array(4).fill('outdated'));

    const removed = await uninstall(dev.platform, dev.options);
    expect(removed.items.map((i) => i.state)).toEqual(Array(4).fill('absent'));
    expect(await tree(home)).toEqual(before);
  });
});
