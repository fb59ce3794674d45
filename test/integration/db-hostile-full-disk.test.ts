// A full disk is a full disk: not "a disk or permission problem", not a damaged database. The real CLI
// runs against a data folder on a small tmpfs filled to the last byte, and must say the disk is full,
// keep the history as it was, and work again once space is freed.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKiedrop } from '../support/kiedrop-process';
import { EXPIRED_NAME, LIVE_NAME, seedHistory } from './db-hostile-seed';

const PAGE = 4096;

let top: string;
let disk: string;
let home: string;
let db: string;

function kiedrop(args: readonly string[]): ReturnType<typeof runKiedrop> {
  return runKiedrop(args, { HOME: home, KIEDROP_DATA_DIR: disk }, { dropEnv: ['DBUS_SESSION_BUS_ADDRESS'] });
}

/** Fills the disk with `name`, page by page, until the file system refuses another byte. */
async function fill(name: string): Promise<void> {
  const handle = await open(join(disk, name), 'w');
  const chunk = Buffer.alloc(PAGE, 0x42);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
}

async function historyNames(): Promise<string[]> {
  const r = await kiedrop(['history', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const { entries } = JSON.parse(r.stdout) as { entries: { fileName: string }[] };
  return entries.map((e) => e.fileName).sort();
}

beforeEach(async () => {
  top = await mkdtemp(join(tmpdir(), 'kiedrop-db-hostile-full-'));
  disk = join(top, 'disk');
  home = join(top, 'home');
  await mkdir(disk);
  await mkdir(home);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { encoding: 'utf8' });
  expect(mounted.status, `a real full disk needs a tmpfs mount (as root): ${mounted.stderr}`).toBe(0);
  db = join(disk, 'kiedrop.db');
  await seedHistory(db, top);
});

afterEach(async () => {
  spawnSync('umount', [disk], { stdio: 'ignore' });
  await rm(top, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('at start is reported as the full disk it is, and nothing is set aside or lost', async () => {
    const saved = await readFile(db);
    await fill('ballast.bin');

    const r = await kiedrop(['history']);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The disk holding ${disk} is full`);
    expect(r.stderr).not.toMatch(/permission|damaged|corrupt/i);
    expect(r.stdout).toBe('');
    expect(await readFile(db)).toEqual(saved);
    expect((await readdir(disk)).filter((n) => n.includes('corrupt'))).toEqual([]);

    await rm(join(disk, 'ballast.bin'));
    expect(await historyNames()).toEqual([EXPIRED_NAME, LIVE_NAME].sort());
  });

  it('while saving a change names the disk, and the change is made once space is freed', async () => {
    // Room for the database's shared-memory index (32 KiB, eight pages) but for no page of its
    // write-ahead log.
    await fill('ballast.bin');
    const ballast = join(disk, 'ballast.bin');
    await truncate(ballast, (await stat(ballast)).size - 8 * PAGE);

    const r = await kiedrop(['history', '--clear-expired']);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The disk holding ${disk} is full`);
    expect(r.stderr).not.toMatch(/permission|damaged|corrupt|Removed/i);
    expect(await historyNames()).toEqual([EXPIRED_NAME, LIVE_NAME].sort());

    await rm(join(disk, 'ballast.bin'));
    const cleared = await kiedrop(['history', '--clear-expired']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain('Removed 1 expired entry.');
    expect(await historyNames()).toEqual([LIVE_NAME]);
  });
});
