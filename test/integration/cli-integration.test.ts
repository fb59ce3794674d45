// `kiedrop integration install|status|remove` as a user runs it: a real process, with HOME and
// XDG_DATA_HOME in a temporary folder so the user's own menus are never touched.
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

interface ItemJson {
  id: string;
  label: string;
  location: string;
  state: string;
  change?: string;
  missingProgram?: string;
}

let dir: string;
let env: Record<string, string>;
let electron: string;
let data: string;

beforeAll(async () => {
  dir = await makeTempDir('kiedrop-cli-integration-');
  data = join(dir, 'data');
  // Not there: the runtime of a checkout where `npm start` has not run yet.
  electron = join(dir, `Dev "Tools"`, 'electron');
  env = { HOME: dir, XDG_DATA_HOME: data, ELECTRON_EXEC_PATH: electron };
});

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

// The steps build on each other, as a user's would: install, check, install again, remove.
describe('kiedrop integration (Linux)', () => {
  it('install --json writes the four entries for the dev run and warns that the runtime is missing', async () => {
    const { code, stdout, stderr } = await runKiedrop(['integration', 'install', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as {
      launcher: { kind: string; program: string; args: string[] };
      installed: boolean;
      items: ItemJson[];
      warnings: string[];
    };
    expect(out.launcher).toEqual({ kind: 'dev-run', program: electron, args: [REPO_ROOT] });
    expect(out.installed).toBe(true);
    expect(out.items.map((i) => [i.id, i.state, i.change, i.location])).toEqual([
      ['nautilus', 'installed', 'written', join(data, 'nautilus', 'scripts', 'Share with KieDrop')],
      ['nemo', 'installed', 'written', join(data, 'nemo', 'actions', 'kiedrop-share.nemo_action')],
      ['dolphin', 'installed', 'written', join(data, 'kio', 'servicemenus', 'kiedrop-share.desktop')],
      ['desktop-entry', 'installed', 'written', join(data, 'applications', 'kiedrop.desktop')],
    ]);
    expect(stderr).toContain(`Warning: The Electron runtime is not installed yet (${electron} is missing)`);
    expect(stderr).toContain('Run `npm start` once');
    expect(out.warnings.some((w) => w.includes('Electron runtime is not installed yet'))).toBe(true);

    const script = await readFile(join(data, 'nautilus', 'scripts', 'Share with KieDrop'), 'utf8');
    expect(script).toContain(`exec '${electron}' '${REPO_ROOT}' --share "$@"`);
  });

  it('status --json: installed for this checkout, outdated for an installed app named with --app', async () => {
    const here = await runKiedrop(['integration', 'status', '--json'], env);
    expect(here.code, here.stderr).toBe(0);
    const status = JSON.parse(here.stdout) as { installed: boolean; state: string; items: ItemJson[] };
    expect([status.installed, status.state]).toEqual([true, 'installed']);
    expect(status.items.map((i) => i.state)).toEqual(Array(4).fill('installed'));

    const app = join(dir, 'Apps', 'KieDrop.AppImage');
    await mkdir(join(dir, 'Apps'), { recursive: true });
    await writeFile(app, '#!/bin/sh\n');
    await chmod(app, 0o755);
    const other = await runKiedrop(['integration', 'status', '--app', app, '--json'], env);
    expect(other.code, other.stderr).toBe(0);
    const stale = JSON.parse(other.stdout) as { installed: boolean; state: string; items: ItemJson[] };
    expect([stale.installed, stale.state]).toEqual([false, 'outdated']);
    expect(stale.items.map((i) => i.state)).toEqual(Array(4).fill('outdated'));
    // The entries start this checkout's runtime, which is not there: status names it as gone.
    expect(stale.items.map((i) => i.missingProgram)).toEqual(Array(4).fill(electron));
    const words = await runKiedrop(['integration', 'status', '--app', app], env);
    expect(words.stdout).toContain(`starts ${electron}, which no longer exists`);
  });

  it('install again in words: each entry named with where it went, and the command it runs', async () => {
    const { code, stdout } = await runKiedrop(['integration', 'install'], env);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `Rewrote (no change) Nautilus (GNOME Files) script: ${join(data, 'nautilus', 'scripts', 'Share with KieDrop')}`,
      `Rewrote (no change) Nemo (Cinnamon) action: ${join(data, 'nemo', 'actions', 'kiedrop-share.nemo_action')}`,
      `Rewrote (no change) Dolphin (KDE) service menu: ${join(data, 'kio', 'servicemenus', 'kiedrop-share.desktop')}`,
      `Rewrote (no change) "Open With" application entry: ${join(data, 'applications', 'kiedrop.desktop')}`,
      `"Share with KieDrop" is installed for the dev run of this checkout (${REPO_ROOT}). It runs:`,
      `  '${electron}' '${REPO_ROOT}' --share <files…>`,
      '',
    ]);
  });

  it('remove --json removes every entry and leaves nothing behind', async () => {
    const { code, stdout, stderr } = await runKiedrop(['integration', 'remove', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as { installed: boolean; items: ItemJson[] };
    expect(out.installed).toBe(false);
    expect(out.items.map((i) => [i.id, i.state, i.change])).toEqual([
      ['nautilus', 'absent', 'removed'],
      ['nemo', 'absent', 'removed'],
      ['dolphin', 'absent', 'removed'],
      ['desktop-entry', 'absent', 'removed'],
    ]);
    // Only the stand-in app from the status test is left (and ~/.cache, kiedrop's code cache, which any
    // command writes); the data folder install created is gone.
    expect((await readdir(dir)).filter((name) => name !== '.cache').sort()).toEqual(['Apps']);

    const again = await runKiedrop(['integration', 'remove'], env);
    expect([again.code, again.stdout]).toEqual([
      0,
      'Nothing to remove: "Share with KieDrop" is not installed.\n',
    ]);
  });

  it('fails with the reason when a file of someone else is in the way, and writes nothing', async () => {
    const apps = join(data, 'applications');
    await mkdir(apps, { recursive: true });
    await writeFile(
      join(apps, 'kiedrop.desktop'),
      '[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n',
    );
    const { code, stdout, stderr } = await runKiedrop(['integration', 'install', '--json'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^kiedrop: Could not install "Share with KieDrop": .*kiedrop\.desktop already exists/m,
    );
    expect(await readdir(data)).toEqual(['applications']);
    await rm(data, { recursive: true, force: true });
  });

  it('refuses an --app that does not exist', async () => {
    const missing = join(dir, 'nowhere', 'KieDrop.AppImage');
    const { code, stderr } = await runKiedrop(['integration', 'install', '--app', missing], env);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `kiedrop: --app: ${missing} does not exist. Give the path of the KieDrop program (for example the KieDrop .AppImage file).\n`,
    );
  });
});
