// `kiedrop watch --screenshots` as a user runs it, in a GNOME/KDE home: it finds the Screenshots folder
// from user-dirs.dirs, uploads only new screenshots, copies each link with the desktop's clipboard
// tool, and marks the folder so the app copies its links too.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';
import { until } from '../support/wait-until';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-screenshots-');
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'wl-copy'), `#!/bin/sh\ncat > '${join(dir, 'clipboard.txt')}'\n`);
  await chmod(join(bin, 'wl-copy'), 0o755);
  await mkdir(join(dir, 'home', '.config'), { recursive: true });
  await writeFile(join(dir, 'home', '.config', 'user-dirs.dirs'), 'XDG_PICTURES_DIR="$HOME/Bilder"\n');
  env = {
    ...cliEnv(emulator, {
      dataDir: join(dir, 'data'),
      keychainService: `KieDropCliShotsTest-${process.pid}`,
    }),
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: '',
    WAYLAND_DISPLAY: 'wayland-test',
    PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
  };
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop watch --screenshots', () => {
  it('uploads a new screenshot from ~/Bilder/Screenshots and copies its link; other files stay', async () => {
    const shots = join(dir, 'home', 'Bilder', 'Screenshots');
    const watcher = startKiedrop(['watch', '--screenshots', '--quiet', '0.3'], env);
    await until('the folder to be watched', () => watcher.out.stderr.includes(`watching ${shots}`));
    expect(watcher.out.stderr).toContain('new screenshots only, each link copied');

    await writeFile(join(shots, 'notes.txt'), 'not a screenshot');
    await writeFile(join(shots, 'Screenshot_20261207_101502.png'), 'a screenshot');
    await until('the link to be copied', () => watcher.out.stderr.includes('The link copied'));
    watcher.child.kill('SIGINT');
    const done = await watcher.done;
    expect(done.code, done.stderr).toBe(0);

    const links = done.stdout.trim().split('\n');
    expect(links).toHaveLength(1);
    expect(links[0]).toContain('Screenshot_20261207_101502.png');
    const copied = await readFile(join(dir, 'clipboard.txt'), 'utf8');
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\S+Screenshot_20261207_101502\.png$/u);
    expect(links[0]).toContain(copied);

    const listed = await runKiedrop(['watch', '--list', '--json'], env);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { path: shots, uploadPath: 'screenshots', recursive: false },
    ]);
    const settings = JSON.parse(await readFile(join(dir, 'data', 'settings.json'), 'utf8')) as {
      copyLinkFolders: string[];
    };
    expect(settings.copyLinkFolders).toEqual([shots]);

    // Removed, it is no longer among the folders whose links are copied.
    const id = (JSON.parse(listed.stdout) as { id: number }[])[0]?.id;
    expect((await runKiedrop(['watch', '--remove', String(id)], env)).code).toBe(0);
    const after = JSON.parse(await readFile(join(dir, 'data', 'settings.json'), 'utf8')) as {
      copyLinkFolders: string[];
    };
    expect(after.copyLinkFolders).toEqual([]);
  });

  it('refuses a folder given with --screenshots', async () => {
    const r = await runKiedrop(['watch', '--screenshots', join(dir, 'elsewhere')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--screenshots finds the folder itself');
  });
});
