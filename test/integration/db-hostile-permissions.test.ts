// A database this user may not write (left behind by `sudo kiedrop`, or by a read-only run) is a
// permission problem, not damage: the real CLI, run as another user, must leave the file and its
// history where they are, say who owns what and how to fix it, and exit non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KiedropResult } from '../support/kiedrop-process';
import { EXPIRED_NAME, LIVE_NAME, seedHistory } from './db-hostile-seed';

const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin', 'kiedrop.js');
// The unprivileged account Debian calls "nobody"; the CLI runs as it through setpriv.
const USER_ID = 65534;
const USER_NAME = spawnSync('id', ['-nu', String(USER_ID)], { encoding: 'utf8' }).stdout.trim();

let top: string;
let data: string;
let home: string;
let db: string;

/** `kiedrop …` as USER_ID, with this data folder and nothing from the developer's own setup. */
function kiedropAsUser(args: readonly string[]): Promise<KiedropResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('KIEDROP_') && !k.startsWith('XDG_') && k !== 'DBUS_SESSION_BUS_ADDRESS',
    ),
  );
  const child = spawn(
    'setpriv',
    [`--reuid=${USER_ID}`, `--regid=${USER_ID}`, '--clear-groups', '--', process.execPath, BIN, ...args],
    { cwd: REPO, env: { ...base, HOME: home, KIEDROP_DATA_DIR: data }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Names, owners, modes and bytes of everything in the data folder. */
async function snapshot(): Promise<Record<string, { uid: number; mode: string; bytes: string }>> {
  const out: Record<string, { uid: number; mode: string; bytes: string }> = {};
  for (const name of (await readdir(data)).sort()) {
    const s = await stat(join(data, name));
    const bytes = (await readFile(join(data, name))).toString('base64');
    out[name] = { uid: s.uid, mode: (s.mode & 0o777).toString(8), bytes };
  }
  return out;
}

/** The names in the history, as `kiedrop history --json` lists them; the run must succeed. */
async function historyNames(): Promise<string[]> {
  const r = await kiedropAsUser(['history', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const { entries } = JSON.parse(r.stdout) as { entries: { fileName: string }[] };
  return entries.map((e) => e.fileName).sort();
}

beforeAll(() => {
  // Files that belong to another user can only be made by root.
  expect(process.getuid?.(), 'these tests run as root, to own files as another user').toBe(0);
});

beforeEach(async () => {
  top = await mkdtemp(join(tmpdir(), 'kiedrop-db-hostile-perm-'));
  await chmod(top, 0o755);
  data = join(top, 'data');
  home = join(top, 'home');
  await mkdir(data);
  await mkdir(home);
  // Reachable and writable for the other user: only the files inside say who may write them.
  await chmod(data, 0o777);
  await chmod(home, 0o777);
  db = join(data, 'kiedrop.db');
});

afterEach(async () => {
  await rm(top, { recursive: true, force: true });
});

describe('a database this user may not write', () => {
  it.each([
    ['0600, as `sudo kiedrop` leaves it with a private umask', 0o600],
    ['0644, readable but not writable', 0o644],
  ])(
    'is never set aside when root owns it with mode %s: it says who owns it and how to fix it',
    async (_label, mode) => {
      await seedHistory(db, top);
      await chmod(db, mode);
      const before = await snapshot();

      const r = await kiedropAsUser(['history']);

      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${db} belongs to root`);
      expect(r.stderr).toContain(`this user (${USER_NAME}, uid ${USER_ID})`);
      expect(r.stderr).toContain(`sudo chown ${USER_NAME} ${db}`);
      expect(r.stderr).not.toMatch(/corrupt|damaged|fresh one/i);
      expect(r.stdout).toBe('');
      // Untouched: not renamed, no fresh database, no companion files made by the other user.
      expect(await snapshot()).toEqual(before);

      // The fix it gives works, and the whole history is still there.
      await chown(db, USER_ID, USER_ID);
      expect(await historyNames()).toEqual([EXPIRED_NAME, LIVE_NAME].sort());
    },
  );

  it('names the -wal and -shm files that root left behind, and keeps what only the -wal holds', async () => {
    // A `sudo kiedrop` run that was killed: its last commit is only in the -wal. The user then took
    // back the database file alone.
    await seedHistory(db, top, true);
    await chown(db, USER_ID, USER_ID);
    expect((await readdir(data)).sort()).toEqual(['kiedrop.db', 'kiedrop.db-shm', 'kiedrop.db-wal']);
    const before = await snapshot();

    const r = await kiedropAsUser(['history']);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${db}-wal`);
    expect(r.stderr).toContain(`${db}-shm`);
    expect(r.stderr).toMatch(/belong to root/);
    expect(r.stderr).toContain(`sudo chown ${USER_NAME} ${db}-wal ${db}-shm`);
    expect(r.stderr).not.toMatch(/corrupt|damaged|fresh one/i);
    expect(await snapshot()).toEqual(before);

    await chown(`${db}-wal`, USER_ID, USER_ID);
    await chown(`${db}-shm`, USER_ID, USER_ID);
    expect(await historyNames()).toEqual([EXPIRED_NAME, LIVE_NAME].sort());
  });

  it('names the data folder when this user may not create files in it', async () => {
    await seedHistory(db, top);
    await chown(db, USER_ID, USER_ID);
    await chmod(data, 0o755);
    const before = await snapshot();

    const r = await kiedropAsUser(['history']);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${data} belongs to root`);
    expect(r.stderr).toContain(`sudo chown ${USER_NAME} ${data}`);
    expect(await snapshot()).toEqual(before);

    await chown(data, USER_ID, USER_ID);
    expect(await historyNames()).toEqual([EXPIRED_NAME, LIVE_NAME].sort());
  });
});

describe('a read-only database of this user', () => {
  it('is refused with the chmod that fixes it, and leaves no -shm that blocks writing later', async () => {
    await seedHistory(db, top);
    await chown(db, USER_ID, USER_ID);
    await chmod(db, 0o444);

    const r = await kiedropAsUser(['history']);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${db} is read-only (mode 0444)`);
    expect(r.stderr).toContain(`chmod u+rw ${db}`);
    expect((await readdir(data)).sort()).toEqual(['kiedrop.db']);

    // Writable again, it takes writes at once.
    await chmod(db, 0o644);
    const cleared = await kiedropAsUser(['history', '--clear-expired']);
    expect(cleared.stderr).toBe('');
    expect(cleared.stdout).toContain('Removed 1 expired entry.');
    expect(await historyNames()).toEqual([LIVE_NAME]);
  });

  it('repairs a read-only -shm and -wal an earlier read-only run left, so writes work again', async () => {
    await seedHistory(db, top);
    await chown(db, USER_ID, USER_ID);
    await chmod(db, 0o444);
    // What a read-only open (earlier KieDrop versions, or the sqlite3 shell) leaves: SQLite gives its
    // -wal and -shm the database file's mode.
    const reader = spawnSync(
      'setpriv',
      [
        `--reuid=${USER_ID}`,
        `--regid=${USER_ID}`,
        '--clear-groups',
        '--',
        process.execPath,
        '-e',
        "const c = new (require('libsql'))(process.argv[1]); c.exec('SELECT count(*) FROM history');",
        db,
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(reader.status, reader.stderr).toBe(0);
    expect(((await stat(`${db}-shm`)).mode & 0o777).toString(8)).toBe('444');
    await chmod(db, 0o644);

    const cleared = await kiedropAsUser(['history', '--clear-expired']);

    expect(cleared.stderr).toBe('');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain('Removed 1 expired entry.');
    expect(await historyNames()).toEqual([LIVE_NAME]);
  });
});
