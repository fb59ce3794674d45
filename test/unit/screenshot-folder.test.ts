import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileFilter } from '../../src/main/core/watch';
import { defaultRunner, findScreenshotFolder, screenshotWatchFolder } from '../../src/main/core/screenshots';
import type { CommandRunner } from '../../src/main/core/screenshots';

let home: string;
const savedPath = process.env.PATH;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-shots-'));
});
afterEach(async () => {
  process.env.PATH = savedPath;
  await rm(home, { recursive: true, force: true });
});

/** A `defaults` command on PATH that prints what macOS would for the screencapture location. */
async function fakeDefaults(script: string): Promise<void> {
  const bin = join(home, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'defaults'), `#!/bin/sh\n${script}\n`);
  await chmod(join(bin, 'defaults'), 0o755);
  process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`;
}

function names(include: string[]): (name: string) => boolean {
  const filter = createFileFilter({ include, exclude: [], ignoreDotfiles: true });
  return (name) => filter(name) === null;
}

describe('macOS', () => {
  it('uses the location set with `defaults write com.apple.screencapture location`', async () => {
    await fakeDefaults(
      '[ "$1 $2 $3" = "read com.apple.screencapture location" ] && echo "~/Pictures/Shots" && exit 0; exit 1',
    );
    const found = await findScreenshotFolder({ platform: 'darwin', env: {}, home, run: defaultRunner });
    expect(found.path).toBe(join(home, 'Pictures', 'Shots'));
    expect(found.source).toBe('system-setting');
  });

  it('falls back to the Desktop when no location is set (defaults exits with an error)', async () => {
    await fakeDefaults('echo "The domain/default pair does not exist" >&2; exit 1');
    const found = await findScreenshotFolder({ platform: 'darwin', env: {}, home, run: defaultRunner });
    expect(found.path).toBe(join(home, 'Desktop'));
    expect(found.source).toBe('default');
  });

  it("matches macOS's screenshot names, old, new and localised, and not the Desktop's other files", async () => {
    const found = await findScreenshotFolder({ platform: 'darwin', env: {}, home, run: async () => null });
    const matches = names(found.include);
    expect(matches('Screenshot 2026-12-07 at 10.15.02.png')).toBe(true);
    expect(matches('Screen Shot 2019-05-01 at 09.00.00.png')).toBe(true);
    expect(matches('Bildschirmfoto 2026-12-07 um 10.15.02.png')).toBe(true);
    expect(matches('截屏2026-12-07 10.15.02.png')).toBe(true);
    expect(matches('report.pdf')).toBe(false);
    expect(matches('holiday.jpg')).toBe(false);
  });
});

describe('Windows', () => {
  const env = { USERPROFILE: 'C:\\Users\\ana' };

  it('uses the Screenshots known folder from the registry, with %USERPROFILE% filled in', async () => {
    const run: CommandRunner = async (command, args) =>
      command === 'reg' && args.includes('{B7BEDE81-DF94-4682-A7D8-57A52620B86F}')
        ? '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders\r\n' +
          '    {B7BEDE81-DF94-4682-A7D8-57A52620B86F}    REG_EXPAND_SZ    %USERPROFILE%\\OneDrive\\Pictures\\Screenshots\r\n'
        : null;
    const found = await findScreenshotFolder({ platform: 'win32', env, home: env.USERPROFILE, run });
    expect(found.path).toBe('C:\\Users\\ana\\OneDrive\\Pictures\\Screenshots');
    expect(found.source).toBe('system-setting');
  });

  it('falls back to %USERPROFILE%\\Pictures\\Screenshots when the registry has no entry', async () => {
    const found = await findScreenshotFolder({
      platform: 'win32',
      env,
      home: 'C:\\x',
      run: async () => null,
    });
    expect(found.path).toBe('C:\\Users\\ana\\Pictures\\Screenshots');
    const matches = names(found.include);
    expect(matches('Screenshot (12).png')).toBe(true);
    expect(matches('Screenshot 2026-12-07 101502.png')).toBe(true);
    expect(matches('desktop.ini')).toBe(false);
  });
});

describe('GNOME and KDE', () => {
  it("uses the Screenshots folder inside user-dirs.dirs' XDG_PICTURES_DIR", async () => {
    await mkdir(join(home, '.config'), { recursive: true });
    await writeFile(
      join(home, '.config', 'user-dirs.dirs'),
      '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_PICTURES_DIR="$HOME/Bilder"\n',
    );
    const found = await findScreenshotFolder({ platform: 'linux', env: {}, home });
    expect(found.path).toBe(join(home, 'Bilder', 'Screenshots'));
    expect(found.source).toBe('system-setting');
    const matches = names(found.include);
    expect(matches('Screenshot from 2026-12-07 10-15-02.png')).toBe(true); // GNOME
    expect(matches('Screenshot_20261207_101502.png')).toBe(true); // KDE Spectacle
    expect(matches('notes.txt')).toBe(false);
  });

  it('reads user-dirs.dirs from XDG_CONFIG_HOME when it is set', async () => {
    const config = join(home, 'cfg');
    await mkdir(config, { recursive: true });
    await writeFile(join(config, 'user-dirs.dirs'), `XDG_PICTURES_DIR="${join(home, 'Pics')}"\n`);
    const found = await findScreenshotFolder({ platform: 'linux', env: { XDG_CONFIG_HOME: config }, home });
    expect(found.path).toBe(join(home, 'Pics', 'Screenshots'));
  });

  it('falls back to ~/Pictures/Screenshots without a user-dirs.dirs file', async () => {
    const found = await findScreenshotFolder({ platform: 'linux', env: {}, home });
    expect(found.path).toBe(join(home, 'Pictures', 'Screenshots'));
    expect(found.source).toBe('default');
  });
});

describe('the watched folder it adds', () => {
  it('watches only new files with the system names, not subfolders', async () => {
    const found = await findScreenshotFolder({ platform: 'linux', env: {}, home });
    const folder = screenshotWatchFolder(found);
    expect(folder).toMatchObject({
      path: join(home, 'Pictures', 'Screenshots'),
      existingFiles: 'skip',
      recursive: false,
      include: found.include,
    });
  });
});
