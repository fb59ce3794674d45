// `kiedrop history`, `export`, `queue` and `renew` as a user runs them: real processes, the real emulator
// over loopback, and the real SQLite file in a temp data folder shared by every command of a test.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const DAY = 24 * 60 * 60 * 1000;

interface Entry {
  id: number;
  fileName: string;
  downloadUrl: string;
  filePath: string;
  status: string;
  renewOf: number | null;
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  // A fresh data folder per test: each starts with an empty history and queue.
  dir = await makeTempDir('kiedrop-cli-history-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliHistoryTest-${process.pid}`,
    fastRetries: true,
  });
});
afterEach(async () => {
  emulator.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

async function uploadFiles(names: string[], extra: string[] = []): Promise<string[]> {
  const paths = await Promise.all(names.map((name) => writeFileIn(dir, name, `content of ${name}\n`)));
  const { code, stderr } = await runKiedrop(['upload', ...paths, ...extra], env);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return paths;
}

async function historyJson(
  args: string[] = [],
  over: Record<string, string> = {},
): Promise<{ entries: Entry[]; total: number }> {
  const { code, stdout } = await runKiedrop(['history', '--json', ...args], { ...env, ...over });
  expect(code).toBe(0);
  return JSON.parse(stdout) as { entries: Entry[]; total: number };
}

describe('kiedrop history', () => {
  it('lists uploads newest first in a table, with links and time left', async () => {
    await uploadFiles(['alpha.txt']);
    await uploadFiles(['beta.txt']);
    const { code, stdout } = await runKiedrop(['history'], env);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +SIZE +EXPIRES +LINK$/u);
    expect(lines[1]).toMatch(
      /^h2 +beta\.txt +20 B +in 3 d +http:\/\/127\.0\.0\.1:\d+\/files\/kieai\/\d+\/kiedrop\/\w+\/beta\.txt$/u,
    );
    expect(lines[2]).toMatch(/^h1 +alpha\.txt +21 B +in 3 d +http:/u);
    expect(lines).toHaveLength(3);
  });

  it('searches by name or link, and pages with --limit and --offset', async () => {
    await uploadFiles(['invoice-1.pdf', 'invoice-2.pdf', 'photo.png', 'invoice-3.pdf']);
    const found = await historyJson(['--search', 'invoice']);
    expect(found.total).toBe(3);
    expect(found.entries.map((e) => e.fileName).sort()).toEqual([
      'invoice-1.pdf',
      'invoice-2.pdf',
      'invoice-3.pdf',
    ]);
    const byLink = await historyJson(['--search', found.entries[0]?.downloadUrl ?? '']);
    expect(byLink.entries.map((e) => e.id)).toEqual([found.entries[0]?.id]);

    const page = await runKiedrop(['history', '--limit', '2', '--offset', '1'], env);
    expect(page.stdout).toContain('Showing entries 2–3 of 4; next page: --offset 3.');
    expect(page.stdout.split('\n').filter((l) => /^h\d+ /u.test(l))).toHaveLength(2);
    const none = await runKiedrop(['history', '--search', 'nothing-like-this'], env);
    expect(none.stdout).toBe('No history entries match.\n');
  });

  it('filters by expiry with the clock moved on', async () => {
    await uploadFiles(['soon.txt']);
    // 2 h before the 3-day expiry: "expiring"; after it: "expired".
    const nearly = { KIEDROP_NOW_OFFSET_MS: String(3 * DAY - 2 * 60 * 60 * 1000) };
    expect((await historyJson(['--status', 'expiring'], nearly)).total).toBe(1);
    expect((await historyJson(['--status', 'active'], nearly)).total).toBe(0);
    const table = await runKiedrop(['history'], { ...env, ...nearly });
    expect(table.stdout).toMatch(/soon\.txt +\d+ B +in 2 h \(soon\)/u);
    const later = { KIEDROP_NOW_OFFSET_MS: String(3 * DAY + 60 * 60 * 1000) };
    expect((await historyJson(['--status', 'expired'], later)).total).toBe(1);
    const expired = await runKiedrop(['history', '--status', 'expired'], { ...env, ...later });
    expect(expired.stdout).toMatch(/soon\.txt +\d+ B +expired 1 h ago +http/u);
  });

  it('deletes one entry and clears the expired ones', async () => {
    await uploadFiles(['keep.txt', 'drop.txt']);
    const { entries } = await historyJson();
    const drop = entries.find((e) => e.fileName === 'drop.txt');
    const deleted = await runKiedrop(['history', '--delete', String(drop?.id)], env);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(
      `Deleted history entry h${drop?.id} (drop.txt). The file stays on the server until its link expires.\n`,
    );
    expect((await historyJson()).entries.map((e) => e.fileName)).toEqual(['keep.txt']);
    const again = await runKiedrop(['history', '--delete', String(drop?.id)], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^kiedrop: There is no history entry h\d+; `kiedrop history` lists/u);

    const later = { ...env, KIEDROP_NOW_OFFSET_MS: String(4 * DAY) };
    const cleared = await runKiedrop(['history', '--clear-expired'], later);
    expect(cleared.stdout).toBe('Removed 1 expired entry.\n');
    expect((await historyJson()).total).toBe(0);
  });

  it('refuses a bad status or mixed actions with exit 2', async () => {
    const bad = await runKiedrop(['history', '--status', 'old'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'kiedrop: --status must be one of all, active, expiring, expired, failed (got "old") (see `kiedrop history --help`)\n',
    );
    const mixed = await runKiedrop(['history', '--delete', '3', '--search', 'x'], env);
    expect(mixed.code).toBe(2);
  });
});

describe('kiedrop export', () => {
  it('writes JSON to stdout and CSV to a file, entry for entry', async () => {
    await uploadFiles(['one.txt', 'two,with comma.txt']);
    const json = await runKiedrop(['export'], env);
    expect(json.code).toBe(0);
    const exported = JSON.parse(json.stdout) as Entry[];
    expect(exported.map((e) => e.fileName).sort()).toEqual(['one.txt', 'two,with comma.txt']);

    const out = join(dir, 'history.csv');
    const csv = await runKiedrop(['export', '--format', 'csv', '--output', out], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toBe(`Exported 2 entries as CSV to ${out}.\n`);
    const text = await readFile(out, 'utf8');
    const rows = text.trimEnd().split(/\r?\n/u);
    expect(rows[0]).toMatch(/^id,fileName,downloadUrl,/u);
    expect(rows).toHaveLength(3);
    expect(text).toContain('"two,with comma.txt"');
  });

  it('refuses an unknown format', async () => {
    const { code, stderr } = await runKiedrop(['export', '--format', 'xml'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kiedrop: --format must be one of json, csv \(got "xml"\)/u);
  });
});

describe('kiedrop queue', () => {
  it('lists waiting jobs, cancels one, then the rest', async () => {
    const wrong = { ...env, KIEDROP_API_KEY: 'rejected-key-0123456789' };
    const files = ['w1.txt', 'w2.txt', 'w3.txt'].map((n) => join(dir, n));
    for (const f of files) await writeFile(f, f);
    const paused = await runKiedrop(['upload', ...files], wrong);
    expect(paused.code).toBe(1);

    const listed = await runKiedrop(['queue'], env);
    expect(listed.stdout).toMatch(/^JOB +STATE +NAME +TRIES +FROM \/ REASON$/mu);
    expect(listed.stdout.match(/^j\d+ +waiting +w\d\.txt/gmu)).toHaveLength(3);
    expect(listed.stdout).toContain('3 uploads are waiting: run `kiedrop queue --resume` to finish them.');

    const { unfinished } = JSON.parse((await runKiedrop(['queue', '--json'], env)).stdout) as {
      unfinished: { id: number; fileName: string }[];
    };
    const first = unfinished[0];
    const cancel = await runKiedrop(['queue', '--cancel', String(first?.id)], env);
    expect(cancel.stdout).toBe(`Cancelled upload job j${first?.id} (${first?.fileName}).\n`);
    const twice = await runKiedrop(['queue', '--cancel', String(first?.id)], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('is cancelled, so there is nothing to cancel');

    const all = await runKiedrop(['queue', '--cancel-all'], env);
    expect(all.stdout).toBe('Cancelled 2 unfinished uploads.\n');
    const before = emulator.log.length;
    const resume = await runKiedrop(['queue', '--resume'], env);
    expect(resume.stdout).toBe('Nothing to resume: there are no unfinished uploads.\n');
    expect(emulator.log.length).toBe(before);
    expect((await runKiedrop(['queue'], env)).stdout).toBe(
      'The queue is empty: no unfinished or failed uploads.\n',
    );
  });

  it('retries failed uploads on request and records them', async () => {
    const file = join(dir, 'stubborn.txt');
    await writeFile(file, 'stubborn');
    emulator.faults.add({ status: 503, times: 2 });
    const failed = await runKiedrop(['upload', file], { ...env, KIEDROP_RETRY_MAX_ATTEMPTS: '2' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/stubborn\.txt.*Gave up after 2 attempts/u);
    const listed = await runKiedrop(['history', '--status', 'failed'], env);
    expect(listed.stdout).toMatch(/^j\d+ +stubborn\.txt +2 +.*Gave up after 2 attempts/mu);

    const retried = await runKiedrop(['queue', '--retry-failed'], env);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(/^stubborn\.txt +http:\S+\/stubborn\.txt +expires /u);
    const { entries } = await historyJson();
    expect(entries.map((e) => e.fileName)).toEqual(['stubborn.txt']);
    expect((await runKiedrop(['history', '--status', 'failed'], env)).stdout).toBe('No failed uploads.\n');
  });
});

describe('kiedrop renew', () => {
  it('makes a fresh link from the unchanged local file, pointing back to the old entry', async () => {
    await uploadFiles(['renew-me.txt']);
    const [old] = (await historyJson()).entries;
    const { code, stdout } = await runKiedrop(['renew', String(old?.id)], env);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Renewed history entry h${old?.id} as h${(old?.id ?? 0) + 1}: re-uploaded from the local file ${join(dir, 'renew-me.txt')}.`,
    );
    expect(lines[1]).toMatch(/^renew-me\.txt {2}http:\S+ {2}expires .* \(in 3 d\)$/u);
    const [fresh] = (await historyJson()).entries;
    expect(fresh).toMatchObject({ renewOf: old?.id, fileName: 'renew-me.txt' });
    expect(fresh?.downloadUrl).not.toBe(old?.downloadUrl);
  });

  it('explains when an entry cannot be renewed, and refuses a non-number', async () => {
    const [path] = await uploadFiles(['gone.txt']);
    await rm(path ?? '');
    const [entry] = (await historyJson()).entries;
    const late = { ...env, KIEDROP_NOW_OFFSET_MS: String(4 * DAY) };
    const { code, stderr } = await runKiedrop(['renew', String(entry?.id)], late);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `kiedrop: Cannot renew "gone.txt" (history entry h${entry?.id}): the local file is gone or changed and the link has expired. Upload the file again instead.\n`,
    );
    const missing = await runKiedrop(['renew', '999'], env);
    expect(missing.stderr).toMatch(/There is no history entry h999/u);
    const word = await runKiedrop(['renew', 'latest'], env);
    expect(word.code).toBe(2);
  });
});

describe('database trouble', () => {
  it('sets a damaged database aside with a one-line warning and carries on', async () => {
    const dataDir = join(dir, 'data');
    await uploadFiles(['before.txt']);
    await writeFile(join(dataDir, 'kiedrop.db'), 'this is not a database '.repeat(200));
    await rm(join(dataDir, 'kiedrop.db-wal'), { force: true });
    await rm(join(dataDir, 'kiedrop.db-shm'), { force: true });
    const { code, stdout, stderr } = await runKiedrop(['history'], env);
    expect(code).toBe(0);
    expect(stdout).toBe('No uploads in the history yet.\n');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^kiedrop: warning: the database could not be used because .+; it was moved to .*kiedrop\.db\.corrupt-\S+ and a fresh one was started\.$/u,
    );
    const movedTo = /moved to (.+) and a fresh one/u.exec(lines[0] ?? '')?.[1] ?? '';
    expect((await readFile(movedTo, 'utf8')).startsWith('this is not a database')).toBe(true);
  });
});
