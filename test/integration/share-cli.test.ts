// `kiedrop share` as a user runs it: a real process against the emulator over loopback HTTP, with
// its own data folder. The clipboard is reached through a `wl-copy` on PATH; here that is a small
// script that saves what it receives, since a test machine has no desktop session.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import type { KiedropResult } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emu: Emulator;
let dir: string;
let files: string;
let env: Record<string, string>;

function kiedrop(args: string[], extraEnv: Record<string, string> = {}): Promise<KiedropResult> {
  // No desktop session unless a test adds one, and nothing from the developer's own KieDrop setup.
  return runKiedrop(args, { ...env, ...extraEnv }, { cwd: files, dropEnv: ['DISPLAY', 'WAYLAND_DISPLAY'] });
}

const makeFile = (rel: string, content: string): Promise<string> => writeFileIn(files, rel, content);

async function stored(url: string): Promise<string> {
  const filePath = new URL(url).pathname.replace(/^\/files\//, '');
  const disk = emu.storedFile(decodeURIComponent(filePath));
  return disk === undefined ? `<nothing stored for ${url}>` : readFile(disk, 'utf8');
}

const uploads = () => emu.log.filter((e) => e.path.startsWith('/api/file-') && e.status === 200).length;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await makeTempDir('kiedrop-share-cli-');
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async ({ task }) => {
  files = join(dir, task.id);
  await mkdir(files, { recursive: true });
  emu.log.length = 0;
  env = cliEnv(emu, { dataDir: join(files, '.data'), keychainService: `KieDropShareCliTest-${process.pid}` });
});

describe('kiedrop share', () => {
  it('uploads the files, prints their links in order, and says when no clipboard tool is available', async () => {
    await makeFile('one.txt', 'first');
    await makeFile('two.txt', 'second');
    await makeFile('three.txt', 'third');
    const r = await kiedrop(['share', 'two.txt', 'one.txt', 'three.txt']);
    expect(r.code).toBe(0);
    const links = r.stdout.trimEnd().split('\n');
    expect(links).toHaveLength(3);
    expect(await Promise.all(links.map(stored))).toEqual(['second', 'first', 'third']);
    expect(r.stderr).toContain('No clipboard tool found');
  });

  it('copies all links at once through wl-copy on Wayland', async () => {
    const bin = join(files, 'bin');
    const saved = join(files, 'clipboard.txt');
    await mkdir(bin);
    await writeFile(join(bin, 'wl-copy'), `#!/bin/sh\ncat > '${saved}'\n`);
    await chmod(join(bin, 'wl-copy'), 0o755);
    await makeFile('pic.png', 'not really a png');
    await makeFile('notes.txt', 'notes');

    const r = await kiedrop(['share', 'pic.png', 'notes.txt', '--format', 'markdown'], {
      WAYLAND_DISPLAY: 'wayland-test',
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('All 2 links copied to the clipboard (wl-copy).');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^!\[pic\.png\]\(http:\/\/127\.0\.0\.1:\d+\/\S+\)$/);
    expect(lines[1]).toMatch(/^\[notes\.txt\]\(http:\/\/127\.0\.0\.1:\d+\/\S+\)$/);
    expect(await readFile(saved, 'utf8')).toBe(lines.join('\n'));
  });

  it('shares a folder (not its sub-folders unless --recursive)', async () => {
    await makeFile('album/a.txt', 'a');
    await makeFile('album/.hidden', 'h');
    await makeFile('album/sub/b.txt', 'b');
    const flat = await kiedrop(['share', 'album']);
    expect(await Promise.all(flat.stdout.trimEnd().split('\n').map(stored))).toEqual(['a']);
    const deep = await kiedrop(['share', 'album', '--recursive']);
    expect(await Promise.all(deep.stdout.trimEnd().split('\n').map(stored))).toEqual(['a', 'b']);
  });

  it('reports missing paths, uploads the rest, and exits 1', async () => {
    await makeFile('here.txt', 'here');
    const r = await kiedrop(['share', 'gone.txt', 'here.txt']);
    expect(r.code).toBe(1);
    expect(await Promise.all(r.stdout.trimEnd().split('\n').map(stored))).toEqual(['here']);
    expect(r.stderr).toContain(`kiedrop: not found: ${join(files, 'gone.txt')}`);
  });

  it('0 files: says why and uploads nothing', async () => {
    await mkdir(join(files, 'empty'));
    const r = await kiedrop(['share', 'empty']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nothing to share');
    expect(r.stderr).toContain('"empty" has no files to share.');
    expect(r.stderr).toContain('Add --recursive to include files in sub-folders.');
    expect(uploads()).toBe(0);
  });

  it('over 100 files without a terminal: refuses unless --yes', async () => {
    await mkdir(join(files, 'many'));
    await Promise.all(
      Array.from({ length: 101 }, (_, i) => writeFile(join(files, 'many', `f${i}.txt`), `${i}`)),
    );
    const refused = await kiedrop(['share', 'many']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('101 files is more than 100; add --yes');
    expect(uploads()).toBe(0);

    const r = await kiedrop(['share', 'many', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(101);
    expect(uploads()).toBe(101);
  });

  it('rejects an unknown --format before uploading anything', async () => {
    await makeFile('x.txt', 'x');
    const r = await kiedrop(['share', 'x.txt', '--format', 'textile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be url, markdown, html or bbcode (got "textile")');
    expect(uploads()).toBe(0);
  });
});
