// A database file that is garbage, truncated or damaged inside never stops the app: it is set aside
// under a timestamped name (never deleted), a fresh one is created, and `recovered` says so. A file this
// user may not read is not damaged: it stays where it is and the error says whose it is.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import type { NewHistoryEntry } from '../../src/main/core/history/index';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DB_MODULE = pathToFileURL(join(REPO, 'src/main/core/db/index.ts')).href;
const DAY = 24 * 60 * 60 * 1000;
// Local time, as the file name uses it: 2025-06-01 12:34:56.
const WHEN = new Date(2025, 5, 1, 12, 34, 56);
const ASIDE = 'kiedrop.db.corrupt-20250601-123456';

let dir: string;
let file: string;
const opened: KieDropDb[] = [];

function open(opts: Parameters<typeof openDatabase>[1] = {}): KieDropDb {
  const db = openDatabase(file, { now: () => WHEN, ...opts });
  opened.push(db);
  return db;
}

function entry(i: number): NewHistoryEntry {
  const uploadedAt = Date.UTC(2025, 5, 1) + i * 1000;
  return {
    jobId: null,
    localPath: `/files/f${i}.png`,
    localMtimeMs: uploadedAt,
    size: 1000 + i,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `f${i}.png`,
    filePath: `kiedrop/x${i}/f${i}.png`,
    downloadUrl: `https://files.example.test/kiedrop/x${i}/f${i}.png`,
    mimeType: 'image/png',
    uploadedAt: new Date(uploadedAt).toISOString(),
    expiresAt: new Date(uploadedAt + 3 * DAY).toISOString(),
    renewOf: null,
  };
}

/** A real database holding `n` history entries, closed cleanly (everything in the main file). */
function makeDatabase(n: number): void {
  const db = openDatabase(file);
  const store = new HistoryStore(db);
  db.transaction(() => {
    for (let i = 0; i < n; i++) store.insert(entry(i));
  });
  db.close();
}

/** Breaks the b-tree page header of a table's or index's root page; the file header and schema stay readable. */
function breakIndex(name: string): void {
  const probe = openDatabase(file);
  const rootPage = Number(
    (probe.conn.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').raw().get(name) as unknown[])[0],
  );
  const pageSize = Number((probe.conn.prepare('PRAGMA page_size').raw().get() as unknown[])[0]);
  probe.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, (rootPage - 1) * pageSize);
  closeSync(fd);
}

function lastCheck(db: KieDropDb): number {
  return Number(
    (
      db.conn.prepare("SELECT value FROM meta WHERE key = 'last_integrity_check_at'").raw().get() as unknown[]
    )[0],
  );
}

/** The fresh database works: it records and finds an upload. */
function expectUsable(db: KieDropDb): void {
  const store = new HistoryStore(db);
  expect(store.count()).toBe(0);
  const added = store.insert(entry(1));
  expect(store.get(added.id)?.fileName).toBe('f1.png');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-db-recovery-'));
  file = join(dir, 'kiedrop.db');
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('corrupt database on open', () => {
  it('sets a file of garbage bytes aside with a timestamp and starts fresh', async () => {
    const garbage = Buffer.alloc(10_000, 0x5a);
    await writeFile(file, garbage);

    const db = open();
    expect(db.recovered).toEqual({
      movedTo: join(dir, ASIDE),
      reason: expect.stringContaining('not a SQLite database'),
    });
    expect(await readFile(join(dir, ASIDE))).toEqual(garbage);
    expectUsable(db);
  });

  it('sets a truncated database aside with its bytes intact', async () => {
    makeDatabase(300);
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2 / 4096) * 4096);
    const damaged = await readFile(file);

    const db = open();
    expect(db.recovered?.movedTo).toBe(join(dir, ASIDE));
    expect(db.recovered?.reason).toMatch(/damaged|integrity/);
    expect(await readFile(join(dir, ASIDE))).toEqual(damaged);
    expectUsable(db);
  });

  it('sets aside a file whose earlier background check found damage, once the damage is confirmed', async () => {
    makeDatabase(300);
    breakIndex('history');
    const damaged = await readFile(file);

    // The daily check runs in the background; the first page does not wait for it.
    const first = open({ integrityCheckIntervalMs: 0, integrityCheckDelayMs: 0 });
    expect(first.recovered).toBeNull();
    expect(await first.integrityCheck).toMatchObject({ status: 'failed', code: 'database-damaged' });
    first.close();

    const db = open();
    expect(db.recovered?.movedTo).toBe(join(dir, ASIDE));
    expect(db.recovered?.reason).toMatch(/integrity check|damaged/);
    expect(await readFile(join(dir, ASIDE))).toEqual(damaged);
    expect(existsSync(`${file}.damaged`)).toBe(false);
    expectUsable(db);
  });

  it('never overwrites an earlier set-aside file from the same second', async () => {
    await writeFile(file, Buffer.alloc(5000, 0x11));
    open().close();
    opened.length = 0;
    await writeFile(file, Buffer.alloc(5000, 0x22));
    await rm(`${file}-wal`, { force: true });
    await rm(`${file}-shm`, { force: true });

    const db = open();
    expect(db.recovered?.movedTo).toBe(join(dir, `${ASIDE}-2`));
    expect((await readFile(join(dir, ASIDE)))[0]).toBe(0x11);
    expect((await readFile(join(dir, `${ASIDE}-2`)))[0]).toBe(0x22);
  });

  it('checks a file fully at most once a day, in the background, and records when it last passed', async () => {
    const created = WHEN.getTime();
    const db0 = openDatabase(file, { now: () => WHEN });
    new HistoryStore(db0).insert(entry(1));
    // A new file is sound by definition: that counts as its first check.
    expect(lastCheck(db0)).toBe(created);
    expect(await db0.integrityCheck).toEqual({ status: 'not-due' });
    db0.close();

    const at = (hours: number) => ({
      now: () => new Date(created + hours * 60 * 60 * 1000),
      integrityCheckDelayMs: 0,
    });
    const sameDay = open(at(1));
    expect(await sameDay.integrityCheck).toEqual({ status: 'not-due' });
    sameDay.close();

    const nextDay = open(at(25));
    expect(await nextDay.integrityCheck).toMatchObject({ status: 'passed' });
    expect(lastCheck(nextDay)).toBe(created + 25 * 60 * 60 * 1000);
    nextDay.close();

    // Damage within the day is left for the next day's check to find.
    breakIndex('history');
    const laterThatDay = open(at(30));
    expect(laterThatDay.recovered).toBeNull();
    expect(await laterThatDay.integrityCheck).toEqual({ status: 'not-due' });
    laterThatDay.close();
    const dayAfter = open(at(50));
    expect(dayAfter.recovered).toBeNull();
    expect(await dayAfter.integrityCheck).toMatchObject({ status: 'failed' });
  });

  it('leaves a healthy database alone', () => {
    makeDatabase(10);
    const db = open();
    expect(db.recovered).toBeNull();
    expect(new HistoryStore(db).count()).toBe(10);
  });
});

describe('unreadable database on open', () => {
  // Root reads any file, so the opener runs as an unprivileged user when the tests run as root.
  const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  async function openInChild(target: string): Promise<{
    recovered?: KieDropDb['recovered'];
    error?: { name: string; kind: string; message: string };
  }> {
    const script = join(dir, 'open-db.ts');
    await writeFile(
      script,
      `import { openDatabase } from ${JSON.stringify(DB_MODULE)};
try {
  const db = openDatabase(process.argv[2]!);
  console.log(JSON.stringify({ recovered: db.recovered }));
  db.close();
} catch (err) {
  const e = err as { name: string; kind: string; message: string };
  console.log(JSON.stringify({ error: { name: e.name, kind: e.kind, message: e.message } }));
}
`,
    );
    await chmod(script, 0o644);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, target], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      ...asOther,
    });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Awaited<
      ReturnType<typeof openInChild>
    >;
  }

  it('leaves an unreadable file and its -wal and -shm in place, and says whose they are', async () => {
    await chmod(dir, 0o755);
    const folder = join(dir, 'data');
    await mkdir(folder);
    await chmod(folder, 0o777);
    const target = join(folder, 'kiedrop.db');
    const files = [
      ['', 'private bytes'],
      ['-wal', 'its wal'],
      ['-shm', 'its shm'],
    ] as const;
    for (const [suffix, text] of files) {
      await writeFile(target + suffix, text);
      await chmod(target + suffix, 0o000);
    }

    const result = await openInChild(target);
    expect(result.recovered).toBeUndefined();
    expect(result.error?.name).toBe('DatabaseError');
    expect(result.error?.kind).toBe('readonly');
    expect(result.error?.message).toContain(`${target}, ${target}-wal and ${target}-shm belong to root`);
    // Nothing was renamed, and no fresh file took its place.
    expect((await readdir(folder)).sort()).toEqual(['kiedrop.db', 'kiedrop.db-shm', 'kiedrop.db-wal']);
    for (const [suffix, text] of files) {
      await chmod(target + suffix, 0o600);
      expect(await readFile(target + suffix, 'utf8')).toBe(text);
    }
  });

  it('explains what to do when neither the file nor its folder may be written', async () => {
    await chmod(dir, 0o755);
    const folder = join(dir, 'data');
    await mkdir(folder);
    const target = join(folder, 'kiedrop.db');
    await writeFile(target, 'private bytes');
    await chmod(target, 0o000);
    await chmod(folder, 0o555);

    const result = await openInChild(target);
    expect(result.recovered).toBeUndefined();
    expect(result.error?.name).toBe('DatabaseError');
    expect(result.error?.kind).toBe('readonly');
    expect(result.error?.message).toContain(`${target} and ${folder} belong to root`);
    expect(result.error?.message).toMatch(/Run `sudo chown \S+ \S+kiedrop\.db \S+data`/);
    await chmod(folder, 0o755);
    expect(await readdir(folder)).toEqual(['kiedrop.db']);
  });
});
