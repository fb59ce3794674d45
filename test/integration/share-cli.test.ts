// `kiedrop share` as a user runs it: a real process against the emulator over loopback HTTP, with
// its own data folder. The clipboard is reached through a `wl-copy` on PATH; here that is a small
// script that saves what it receives, since a test machine has no desktop session.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let emu: Emulator;
let dir: string;
let files: string;
let env: Record<string, string>;

function kiedrop(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  // No desktop session unless a test adds one, and nothing from the developer's own KieDrop setup.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('KIEDROP_') && k !== 'DISPLAY' && k !== 'WAYLAND_DISPLAY',
    ),
  ) as Record<string, string>;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: files,
    env: { ...base, ...env, ...extraEnv },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function makeFile(rel: string, content: string): Promise<string> {
  const path = join(files, rel);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function stored(url: string): Promise<string> {
  const filePath = new URL(url).pathname.replace(/^\/files\//, '');
  const disk = emu.storedFile(decodeURIComponent(filePath));
  return disk === undefined ? `<nothing stored for ${url}>` : readFile(disk, 'utf8');
}

const uploads = () => emu.log.filter((e) => e.path.startsWith('/api/file-') && e.status === 200).length;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-share-cli-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async ({ task }) => {
  files = join(dir, task.id);
  await mkdir(files, { recursive: true });
  emu.log.length = 0;
  env = {
    KIEDROP_API_KEY: emu.apiKey,
    KIEDROP_BASE_URL: emu.url,
    KIEDROP_CREDITS_URL: emu.url,
    KIEDROP_DATA_DIR: join(files, '.data'),
    KIEDROP_KEYCHAIN_SERVICE: `KieDropShareCliTest-${process.pid}`,
  };
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
    const r = await kiedrop(['share', 'x.txt', '--format', 'bbcode']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be url, markdown or html (got "bbcode")');
    expect(uploads()).toBe(0);
  });
});
