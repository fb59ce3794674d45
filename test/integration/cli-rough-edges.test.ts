// The command line's everyday rough edges, through the built `kiedrop` against the emulator: what the
// progress block shows on a narrow terminal, what a dead server looks like, ids that say what they
// name, folders and piped data as upload sources, copying links, and the closing count.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startThrottleProxy } from '../e2e/support/throttle-proxy';
import type { ThrottleProxy } from '../e2e/support/throttle-proxy';
import { STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { drawnLines, runInTerminal } from '../support/kiedrop-terminal';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { until } from '../support/wait-until';

let emulator: Emulator;
let throttle: ThrottleProxy;
let dir: string;
let env: Record<string, string>;
let runs = 0;

beforeAll(async () => {
  emulator = await startEmulator();
  // 256 KB/s: a 600 KB file is on the wire for a couple of seconds, long enough to be drawn.
  throttle = await startThrottleProxy(emulator.url, 256 * 1024);
  dir = await makeTempDir('kiedrop-cli-edges-');
});
afterAll(async () => {
  await throttle?.close();
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  // A data folder per test: one test's waiting jobs never show up in another's output.
  runs += 1;
  env = cliEnv(emulator, {
    dataDir: join(dir, `data-${runs}`),
    keychainService: `KieDropEdges-${process.pid}`,
  });
});
afterEach(() => {
  emulator.faults.clear();
});

const makeFile = (name: string, content: string | Buffer): Promise<string> => writeFileIn(dir, name, content);

interface JsonOutcome {
  jobId: number;
  historyId: number;
  downloadUrl: string;
}

describe('the progress block on a terminal', () => {
  it('keeps the file names and a whole total line at 60 columns', async () => {
    const long = await makeFile('holiday-photo-2026.jpg', Buffer.alloc(600 * 1024, 1));
    const short = await makeFile('b.bin', Buffer.alloc(500 * 1024, 2));
    const { code, raw } = await runInTerminal(
      ['upload', long, short, '--concurrency', '2'],
      { ...env, KIEDROP_BASE_URL: throttle.url },
      60,
    );
    expect(code, raw).toBe(0);
    const lines = drawnLines(raw);
    const block = lines.filter((l) => /\[[█░]+\]/u.test(l));
    // The block is redrawn in place, so none of its lines may wrap (the links printed above it may).
    for (const line of block) expect(line.length, line).toBeLessThan(60);
    const bars = block.filter((l) => !l.startsWith('Total'));
    expect(bars.length, raw).toBeGreaterThan(0);
    // Every bar line starts with its file's name (cut with "…" at worst, never left out).
    for (const line of bars) expect(line, line).toMatch(/^(holiday-photo-2026\.jpg|holiday-photo|b\.bin)/u);
    expect(bars.some((l) => l.startsWith('holiday-photo-2026.jpg'))).toBe(true);
    const totals = lines.filter((l) => l.startsWith('Total'));
    expect(totals.length, raw).toBeGreaterThan(0);
    for (const line of totals) {
      expect(line).toMatch(/^Total +\[[█░]+\] +\d+% +[0-2]\/2 done( {2}\S.*)?$/u);
      expect(line).not.toMatch(/…$/u);
    }
  });

  it('says the time left in seconds, never "about less than a minute"', async () => {
    // Bigger than what the sockets buffer, so the upload is paced by the link for a few seconds.
    const file = await makeFile('eta.bin', Buffer.alloc(8 * 1024 * 1024, 3));
    throttle.setRate(2 * 1024 * 1024);
    const { code, raw } = await runInTerminal(
      ['upload', file],
      { ...env, KIEDROP_BASE_URL: throttle.url },
      140,
    ).finally(() => throttle.setRate(256 * 1024));
    expect(code, raw).toBe(0);
    const totals = drawnLines(raw).filter((l) => l.startsWith('Total'));
    expect(
      totals.some((l) => /about \d+ s left$/u.test(l)),
      totals.join('\n'),
    ).toBe(true);
    expect(raw).not.toContain('less than a minute');
  });

  it('keeps the bars in line while files wait for the server ("processing")', async () => {
    const a = await makeFile('a.bin', 'a');
    const b = await makeFile('a-much-longer-name.bin', 'b');
    // The server answers 1.5 s after taking the bytes: both files sit in "processing" meanwhile.
    emulator.faults.add({ latencyMs: 1500, path: STREAM_UPLOAD_ROUTE, times: 2 });
    const { code, raw } = await runInTerminal(['upload', a, b, '--concurrency', '2'], env, 100);
    expect(code, raw).toBe(0);
    const lines = drawnLines(raw);
    const names = new Set(lines.filter((l) => l.endsWith('processing')).map((l) => l.split(' ')[0]));
    expect([...names].sort(), raw).toEqual(['a-much-longer-name.bin', 'a.bin']);
    // Drawn together, both bars start in the same column, as in a table.
    const pairs = lines.flatMap((l, i) => {
      const next = lines[i + 1] ?? '';
      return l.endsWith('processing') && next.endsWith('processing') ? [[l, next]] : [];
    });
    expect(pairs.length, raw).toBeGreaterThan(0);
    for (const [a, b] of pairs) expect(a?.indexOf('['), `${a}\n${b}`).toBe(b?.indexOf('['));
  });
});

describe('when the server cannot be reached', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('says which try is next, when, and why, in command-line terms', async () => {
    const port = await closedPort();
    const file = await makeFile('offline.txt', 'offline');
    // Long waits (up to 20 s, 40 s, 80 s) so the first of them is announced; the run is stopped then.
    const run = startKiedrop(['upload', file], {
      ...env,
      KIEDROP_BASE_URL: `http://127.0.0.1:${port}`,
      KIEDROP_RETRY_BASE_MS: '20000',
      KIEDROP_RETRY_MAX_ATTEMPTS: '4',
    });
    const line = await until(
      'a retry to be announced',
      () => /^kiedrop: .*offline\.txt: retry [2-4]\/4 in \d+ s: .*$/mu.exec(run.out.stderr)?.[0],
    );
    run.child.kill('SIGINT');
    await run.done;
    expect(line).toContain(`Could not connect to 127.0.0.1:${port}: connection refused`);
    expect(line).toContain('Check --base-url (or KIEDROP_BASE_URL)');
    expect(line).not.toContain('Settings');
  });

  it('ends with an error that points at --base-url, not at Settings', async () => {
    const port = await closedPort();
    const file = await makeFile('offline2.txt', 'offline');
    const { code, stderr } = await runKiedrop(['upload', file], {
      ...env,
      KIEDROP_BASE_URL: `http://127.0.0.1:${port}`,
      KIEDROP_RETRY_MAX_ATTEMPTS: '1',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('connection refused. Check --base-url (or KIEDROP_BASE_URL)');
    expect(stderr).not.toContain('Settings');
  });
});

describe('errors of commands that call the API directly', () => {
  it('name the flags to check, not Settings', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, stderr } = await runKiedrop(['credits', '--credits-url', `http://127.0.0.1:${port}`], env);
    expect(code).toBe(1);
    expect(stderr).toContain('connection refused. Check --base-url or --credits-url');
    expect(stderr).not.toContain('Settings');
  });
});

describe('the end of a batch', () => {
  it('lists the failures after the links and closes with a count', async () => {
    const one = await makeFile('sum-one.txt', 'one');
    const two = await makeFile('sum-two.txt', 'two');
    const missing = join(dir, 'sum-missing.txt');
    // The good files take a while, so the missing one fails long before their links are printed.
    emulator.faults.add({ latencyMs: 600, path: STREAM_UPLOAD_ROUTE, times: 2 });
    const { code, raw } = await runInTerminal(['upload', one, missing, two], env, 120);
    expect(code, raw).toBe(1);
    const lines = drawnLines(raw).filter((l) => !l.startsWith('Total') && !/\[[█░]+\]/u.test(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^sum-(one|two)\.txt +http:\S+ +expires /u);
    expect(lines[1]).toMatch(/^sum-(one|two)\.txt +http:\S+ +expires /u);
    expect(lines[2]).toBe(`kiedrop: File not found: ${missing}`);
    expect(lines[3]).toBe('kiedrop: 2 uploaded, 1 failed.');
  });
});

describe('ids', () => {
  it('prefixes job and entry ids, and takes either form where an id is asked for', async () => {
    const file = await makeFile('ids.txt', 'ids');
    const up = await runKiedrop(['upload', file, '--json'], env);
    const [done] = JSON.parse(up.stdout) as JsonOutcome[];
    const history = await runKiedrop(['history'], env);
    expect(history.stdout).toMatch(new RegExp(`^h${done?.historyId} +ids\\.txt `, 'mu'));

    // The entry named by the job that made it.
    const renewed = await runKiedrop(['renew', `j${done?.jobId}`], env);
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(renewed.stdout).toMatch(new RegExp(`^Renewed history entry h${done?.historyId} as h\\d+: `, 'u'));
    const deleted = await runKiedrop(['history', '--delete', `h${done?.historyId}`], env);
    expect(deleted.stdout).toMatch(
      new RegExp(`^Deleted history entry h${done?.historyId} \\(ids\\.txt\\)`, 'u'),
    );

    // Waiting jobs are listed as j…, and cancelled by that name.
    const waiting = await makeFile('ids-wait.txt', 'wait');
    await runKiedrop(['upload', waiting], { ...env, KIEDROP_API_KEY: 'rejected-key-0123456789' });
    const queue = await runKiedrop(['queue'], env);
    const job = /^(j\d+) +waiting +ids-wait\.txt/mu.exec(queue.stdout)?.[1];
    expect(job, queue.stdout).toBeDefined();
    const cancel = await runKiedrop(['queue', '--cancel', job ?? ''], env);
    expect(cancel.stdout).toBe(`Cancelled upload job ${job} (ids-wait.txt).\n`);
    const bad = await runKiedrop(['renew', 'x7'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('like h34');
  });
});

describe('kiedrop upload sources', () => {
  it('uploads the files in a folder, and those in its sub-folders with -r', async () => {
    await makeFile('album/one.txt', 'album one');
    await makeFile('album/.hidden', 'not shared');
    await makeFile('album/deeper/two.txt', 'album two');
    const folder = join(dir, 'album');
    const flat = await runKiedrop(['upload', folder, '--json'], env);
    expect(flat.code, flat.stderr).toBe(0);
    const flatLinks = (JSON.parse(flat.stdout) as JsonOutcome[]).map((o) => o.downloadUrl);
    expect(await Promise.all(flatLinks.map(async (u) => (await fetch(u)).text()))).toEqual(['album one']);

    const deep = await runKiedrop(['upload', '-r', folder, '--json'], env);
    expect(deep.code, deep.stderr).toBe(0);
    const deepLinks = (JSON.parse(deep.stdout) as JsonOutcome[]).map((o) => o.downloadUrl);
    expect(await Promise.all(deepLinks.map(async (u) => (await fetch(u)).text()))).toEqual([
      'album two',
      'album one',
    ]);
  });

  it('uploads what is piped in with `upload -`, under --name', async () => {
    const piped = await runKiedrop(['upload', '-', '--name', 'piped.txt', '--json'], env, {
      input: 'from a pipe\n',
    });
    expect(piped.code, piped.stderr).toBe(0);
    const [done] = JSON.parse(piped.stdout) as JsonOutcome[];
    expect(await (await fetch(done?.downloadUrl ?? '')).text()).toBe('from a pipe\n');

    const nameless = await runKiedrop(['upload', '-'], env, { input: 'x' });
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toMatch(/`upload -` uploads what is piped in.*needs --name/u);
  });

  it('copies all links with --copy, in the --format asked for', async () => {
    const bin = join(dir, 'clip-bin');
    const saved = join(dir, 'clipboard.txt');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'wl-copy'), `#!/bin/sh\ncat > '${saved}'\n`);
    await chmod(join(bin, 'wl-copy'), 0o755);
    const a = await makeFile('copy-a.png', 'not really a png');
    const b = await makeFile('copy-b.txt', 'b');
    const desktop = {
      WAYLAND_DISPLAY: 'wayland-test',
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    };
    const r = await runKiedrop(['upload', a, b, '--format', 'markdown'], { ...env, ...desktop });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('All 2 links copied to the clipboard (wl-copy).');
    const copied = (await readFile(saved, 'utf8')).split('\n');
    expect(copied[0]).toMatch(/^!\[copy-a\.png\]\(http:\/\/127\.0\.0\.1:\d+\/\S+copy-a\.png\)$/u);
    expect(copied[1]).toMatch(/^\[copy-b\.txt\]\(http:\/\/127\.0\.0\.1:\d+\/\S+copy-b\.txt\)$/u);

    await rm(saved);
    const plain = await runKiedrop(['upload', b, '--copy'], { ...env, ...desktop });
    expect(plain.stderr).toContain('The link copied to the clipboard (wl-copy).');
    expect(await readFile(saved, 'utf8')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\S+copy-b\.txt$/u);
  });

  it('counts links it copied as shared, so the app reminds of them before they expire', async () => {
    const bin = join(dir, 'clip-bin-shared');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'wl-copy'), '#!/bin/sh\ncat > /dev/null\n');
    await chmod(join(bin, 'wl-copy'), 0o755);
    const file = await makeFile('copied-for-reminder.txt', 'r');
    const kept = await makeFile('not-copied.txt', 'n');
    const desktop = {
      WAYLAND_DISPLAY: 'wayland-test',
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    };
    expect((await runKiedrop(['upload', file, '--copy'], { ...env, ...desktop })).code).toBe(0);
    expect((await runKiedrop(['upload', kept], { ...env, ...desktop })).code).toBe(0);
    const db = openDatabase(join(env['KIEDROP_DATA_DIR'] ?? '', 'kiedrop.db'));
    try {
      const shared = db.conn
        .prepare('SELECT h.file_name FROM link_shares s JOIN history h ON h.id = s.history_id')
        .raw()
        .all() as unknown[][];
      expect(shared.map((row) => row[0])).toEqual(['copied-for-reminder.txt']);
    } finally {
      db.close();
    }
  });
});

describe('limits shared with the app', () => {
  it('takes --concurrency from 1 to 10, as the app does', async () => {
    const file = await makeFile('conc.txt', 'c');
    const over = await runKiedrop(['upload', file, '--concurrency', '11'], env);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--concurrency must be a whole number from 1 to 10 (got "11")');
    const help = await runKiedrop(['upload', '--help'], env);
    expect(help.stdout).toMatch(/--concurrency N +Uploads sent at the same time, 1–10 /u);
  });
});

describe('work left from an earlier run', () => {
  it('is mentioned by upload, and not by history or export', async () => {
    const left = await makeFile('left.txt', 'left');
    await runKiedrop(['upload', left], { ...env, KIEDROP_API_KEY: 'rejected-key-0123456789' });
    const note = /unfinished upload from an earlier run/u;
    for (const args of [['history'], ['export'], ['credits']]) {
      const r = await runKiedrop(args, env);
      expect(r.stderr, args.join(' ')).not.toMatch(note);
    }
    const other = await makeFile('other.txt', 'other');
    const upload = await runKiedrop(['upload', other], env);
    expect(upload.stderr.match(/unfinished upload from an earlier run/gu)).toHaveLength(1);
  });
});
