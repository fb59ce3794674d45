// The Linux and macOS right-click installers on a real file system, in a temporary HOME.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, status, uninstall } from '../../src/main/core/shell-integration';
import type { IntegrationOptions } from '../../src/main/core/shell-integration';

const run = promisify(execFile);
// From Debian's desktop-file-utils, found on PATH.
const VALIDATOR = 'desktop-file-validate';

let home: string;
let opts: IntegrationOptions;

/** Every path under `root` with its type and permission bits: the "trace" install must not leave. */
async function listing(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const mode = ((await stat(full)).mode & 0o777).toString(8);
      out.push(`${entry.isDirectory() ? 'd' : 'f'} ${mode} ${relative(root, full)}`);
      if (entry.isDirectory()) await walk(full);
    }
  }
  await walk(root);
  return out.sort();
}

async function mode(path: string): Promise<string> {
  return ((await stat(path)).mode & 0o777).toString(8);
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-home-'));
  // A program path with a space and a quote, so every format's quoting is exercised for real.
  const exeDir = join(home, 'Apps', "Kie Drop's");
  await mkdir(exeDir, { recursive: true });
  opts = { exePath: join(exeDir, 'kiedrop'), home, env: {} };
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('Linux', () => {
  const data = () => join(home, '.local', 'share');
  const paths = () => ({
    nautilus: join(data(), 'nautilus', 'scripts', 'Share with KieDrop'),
    nemo: join(data(), 'nemo', 'actions', 'kiedrop-share.nemo_action'),
    dolphin: join(data(), 'kio', 'servicemenus', 'kiedrop-share.desktop'),
    desktop: join(data(), 'applications', 'kiedrop.desktop'),
  });

  it('install → files with the right modes → desktop-file-validate clean → uninstall → no trace', async () => {
    const before = await listing(home);
    const after = await install('linux', opts);
    expect(after.installed).toBe(true);
    expect(after.items.map((i) => [i.id, i.state])).toEqual([
      ['nautilus', 'installed'],
      ['nemo', 'installed'],
      ['dolphin', 'installed'],
      ['desktop-entry', 'installed'],
    ]);

    const p = paths();
    expect(await mode(p.nautilus)).toBe('755');
    expect(await mode(p.nemo)).toBe('644');
    expect(await mode(p.dolphin)).toBe('755');
    expect(await mode(p.desktop)).toBe('644');

    // The .desktop entry must be clean: no errors, warnings or hints.
    const check = await run(VALIDATOR, [p.desktop]).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(check).toEqual({ code: 0, out: '' });

    const removed = await uninstall('linux', opts);
    expect(removed.items.every((i) => i.state === 'absent')).toBe(true);
    expect(await listing(home)).toEqual(before);
  });

  it('keeps folders that existed before and anything else in them', async () => {
    const apps = join(data(), 'applications');
    await mkdir(apps, { recursive: true });
    await writeFile(join(apps, 'mine.desktop'), '[Desktop Entry]\n');
    const before = await listing(home);
    await install('linux', opts);
    // A file the user drops next to ours after install keeps its folder alive, too.
    await writeFile(join(data(), 'nemo', 'actions', 'other.nemo_action'), '[Nemo Action]\n');
    await uninstall('linux', opts);
    const after = await listing(home);
    expect(after).toEqual(
      [
        ...before,
        'd 755 .local/share/nemo',
        'd 755 .local/share/nemo/actions',
        'f 644 .local/share/nemo/actions/other.nemo_action',
      ].sort(),
    );
  });

  it('honours XDG_DATA_HOME', async () => {
    const xdg = join(home, 'xdg-data');
    const withXdg = { ...opts, env: { XDG_DATA_HOME: xdg } };
    const st = await install('linux', withXdg);
    expect(st.items.map((i) => i.location)).toEqual([
      join(xdg, 'nautilus', 'scripts', 'Share with KieDrop'),
      join(xdg, 'nemo', 'actions', 'kiedrop-share.nemo_action'),
      join(xdg, 'kio', 'servicemenus', 'kiedrop-share.desktop'),
      join(xdg, 'applications', 'kiedrop.desktop'),
    ]);
    await uninstall('linux', withXdg);
    expect(await listing(home)).toEqual(['d 755 Apps', "d 755 Apps/Kie Drop's"]);
  });

  it('the Nautilus script passes every selected path, spaces and all, to the program with --share', async () => {
    // A stand-in program that writes out the arguments it received, one per line.
    const record = join(home, 'args.txt');
    await writeFile(opts.exePath, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\n`);
    await chmod(opts.exePath, 0o755);
    await install('linux', opts);
    const selected = ['/home/ana/My Photos/a b.png', '/srv/shared/*.txt', '/srv/plain'];
    await run(paths().nautilus, [], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NAUTILUS_SCRIPT_SELECTED_FILE_PATHS: `${selected.join('\n')}\n`,
      },
    });
    expect((await readFile(record, 'utf8')).split('\n').slice(0, -1)).toEqual(['--share', ...selected]);
  });

  it('reinstalling after the app moved updates the files and still removes the folders it made', async () => {
    const before = await listing(home);
    await install('linux', opts);
    const moved = { ...opts, exePath: join(home, 'Apps', 'kiedrop-new') };
    expect((await status('linux', moved)).items.map((i) => i.state)).toEqual([
      'outdated',
      'outdated',
      'outdated',
      'outdated',
    ]);
    expect((await install('linux', moved)).installed).toBe(true);
    expect(await readFile(paths().desktop, 'utf8')).toContain('kiedrop-new');
    await uninstall('linux', moved);
    expect(await listing(home)).toEqual(before);
  });

  it('names the program an entry starts once that program is gone, and not while it is there', async () => {
    const old = join(home, 'Old', 'kiedrop');
    await mkdir(join(home, 'Old'), { recursive: true });
    await writeFile(old, '#!/bin/sh\n');
    await install('linux', { ...opts, exePath: old });
    const present = await status('linux', opts);
    expect(present.items.map((i) => [i.state, i.missingProgram])).toEqual(
      Array(4).fill(['outdated', undefined]),
    );
    await rm(join(home, 'Old'), { recursive: true });
    const gone = await status('linux', opts);
    expect(gone.items.map((i) => [i.state, i.missingProgram])).toEqual(Array(4).fill(['outdated', old]));
    await uninstall('linux', opts);
  });

  it('leaves a file it did not create alone: install refuses, uninstall skips it', async () => {
    const p = paths();
    await mkdir(join(data(), 'applications'), { recursive: true });
    await writeFile(p.desktop, '[Desktop Entry]\nType=Application\nName=Someone else\nExec=other\n');
    await expect(install('linux', opts)).rejects.toThrow(/was not created by KieDrop.*Move or delete it/);
    // Refused before writing anything.
    expect(await stat(p.nautilus).catch(() => null)).toBeNull();
    expect((await status('linux', opts)).items.find((i) => i.id === 'desktop-entry')?.state).toBe('foreign');
    await uninstall('linux', opts);
    expect(await readFile(p.desktop, 'utf8')).toContain('Someone else');
  });

  it('refuses a relative program path', async () => {
    await expect(install('linux', { ...opts, exePath: 'kiedrop' })).rejects.toThrow(
      /full path of the KieDrop program/,
    );
  });
});

describe('macOS (file layout, checked on this file system)', () => {
  it('install writes the workflow bundle; uninstall removes it and the folders it made', async () => {
    const before = await listing(home);
    const exe = '/Applications/KieDrop.app/Contents/MacOS/KieDrop';
    const calls: string[][] = [];
    const mac = {
      ...opts,
      exePath: exe,
      run: async (cmd: string, args: readonly string[]) => {
        calls.push([cmd, ...args]);
        return { code: 0, stdout: '', stderr: '' };
      },
    };
    const st = await install('darwin', mac);
    expect(st.installed).toBe(true);
    const bundle = join(home, 'Library', 'Services', 'Share with KieDrop.workflow');
    expect(await listing(bundle)).toEqual([
      'd 755 Contents',
      'f 644 Contents/Info.plist',
      'f 644 Contents/document.wflow',
    ]);
    expect(await readFile(join(bundle, 'Contents', 'document.wflow'), 'utf8')).toContain(`'${exe}' --share`);
    // The Services menu is asked to refresh after each change.
    expect(calls).toEqual([['/System/Library/CoreServices/pbs', '-update']]);

    await uninstall('darwin', mac);
    expect(await listing(home)).toEqual(before);
  });
});
