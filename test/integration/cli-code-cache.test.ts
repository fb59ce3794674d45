// `kiedrop` keeps a V8 code cache of its built code in the user's cache folder: the first start writes it,
// later starts use it, and a damaged cache costs nothing but a recompile.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../bin/code-cache.js';
import { PROJECT_ROOT } from '../harness';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'kiedrop.js');
let home: string | undefined;

afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

/** Every cache file under `root`, with its contents. */
async function cacheFiles(root: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path, await readFile(path));
  }
  return found;
}

describe('the cache folder', () => {
  it('is XDG_CACHE_HOME/kiedrop on Linux, or ~/.cache/kiedrop without it', () => {
    expect(cacheRoot({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/ann')).toBe('/x/cache/kiedrop');
    expect(cacheRoot({ XDG_CACHE_HOME: ' ' }, 'linux', '/home/ann')).toBe('/home/ann/.cache/kiedrop');
    expect(cacheRoot({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Caches/KieDrop');
    expect(cacheRoot({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann')).toMatch(
      /AppData.Local.KieDrop.Cache$/,
    );
  });
});

describe.runIf(process.platform === 'linux')('kiedrop code cache', () => {
  it('is written by the first start and used, not rewritten, by the next, with the same answer', async () => {
    home = await mkdtemp(join(tmpdir(), 'kiedrop-code-cache-'));
    const env = { ...process.env, XDG_CACHE_HOME: home };
    const first = await run(process.execPath, [BIN, '--version'], { env });
    const written = await cacheFiles(join(home, 'kiedrop', 'code-cache'));
    expect([...written.keys()].some((path) => /kiedrop\.js\.[0-9a-f]{16}\.cache$/.test(path))).toBe(true);
    const mtimes = await Promise.all([...written.keys()].map(async (path) => (await stat(path)).mtimeMs));

    const second = await run(process.execPath, [BIN, '--version'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toMatch(/^kiedrop \d+\.\d+\.\d+\n$/);
    // Accepted by V8, so left as it was.
    const again = await cacheFiles(join(home, 'kiedrop', 'code-cache'));
    expect([...again.keys()]).toEqual([...written.keys()]);
    expect(await Promise.all([...again.keys()].map(async (path) => (await stat(path)).mtimeMs))).toEqual(
      mtimes,
    );
  });

  it('replaces a damaged cache, and the command answers as before', async () => {
    home = await mkdtemp(join(tmpdir(), 'kiedrop-code-cache-'));
    const env = { ...process.env, XDG_CACHE_HOME: home };
    const first = await run(process.execPath, [BIN, 'upload', '--help'], { env });
    const written = await cacheFiles(join(home, 'kiedrop', 'code-cache'));
    expect(written.size).toBeGreaterThan(0);
    const garbage = Buffer.from('not a V8 code cache');
    for (const path of written.keys()) await writeFile(path, garbage);

    const second = await run(process.execPath, [BIN, 'upload', '--help'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    const rewritten = await cacheFiles(join(home, 'kiedrop', 'code-cache'));
    expect([...rewritten.keys()]).toEqual([...written.keys()]);
    for (const contents of rewritten.values()) expect(contents.equals(garbage)).toBe(false);
  });
});
