// Two uploads under one explicit name must not race: while `upload --name report.pdf big.bin` is still
// sending (or waiting in the queue), `upload --name report.pdf small.txt` from another process is
// refused with a message naming the other upload — even with --overwrite — and the first one's link
// serves its own file. Real `kiedrop` processes share one database; uploads go through a throttle so
// the first is still sending when the second starts.
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../emulator/test-client';
import { startTestApp } from '../harness';
import { handlerFailure } from '../support/failures';
import { runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { writeFileIn, writeRandomFile } from '../support/temp-files';
import { useThrottledCli } from '../support/throttled-cli';

const SIZE = 12 * 1024 * 1024;
// Slow enough that the first upload is still sending however long the other commands take to start;
// the limit is lifted once they are done, so the first one then finishes at once.
const CRAWL_BYTES_PER_SECOND = 256 * 1024;

const t = useThrottledCli('kiedrop-hostile-collision-', 'KieDropRace', null);

beforeEach(() => {
  t.throttle.setRate(CRAWL_BYTES_PER_SECOND);
});

describe('a second upload under a name another upload is still sending to', () => {
  it('is refused, with or without --overwrite, and the first link serves the first file', async () => {
    const env = t.freshEnv();
    const big = await writeRandomFile(t.dir, 'big.bin', SIZE);
    const small = await writeFileIn(t.dir, 'small.txt', 'the small one\n');
    const first = startKiedrop(['upload', big.path, '--name', 'report.pdf', '--path', 'race'], env);
    await t.whenSending(first);

    const refused = (how: string): string =>
      `kiedrop: "race/report.pdf" is being uploaded right now by another upload (job j1: ${big.path}). ` +
      'Two uploads under one name would leave one link serving the other file. ' +
      `${how}, choose another --name, or cancel it with \`kiedrop queue --cancel j1\`. Nothing was uploaded.\n`;
    const second = await runKiedrop(['upload', small, '--name', 'report.pdf', '--path', 'race'], env);
    expect(second.stderr).toBe(refused('Wait until it is done and add --overwrite to replace it'));
    expect(second.stdout).toBe('');
    expect(second.code).toBe(1);
    const forced = await runKiedrop(
      ['upload', small, '--name', 'report.pdf', '--path', 'race', '--overwrite'],
      env,
    );
    expect(forced.stderr).toBe(refused('Wait until it is done and add --overwrite to replace it'));
    expect(forced.code).toBe(1);

    t.throttle.setRate(null);
    const done = await first.done;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const link = /^report\.pdf {2}(\S+) {2}expires /u.exec(done.stdout)?.[1];
    expect(link, done.stdout).toBeDefined();
    const served = Buffer.from(await (await fetch(link ?? '')).arrayBuffer());
    expect(sha256(served)).toBe(sha256(big.data));
    expect(t.sends()).toBe(1);
    const history = await runKiedrop(['history', '--json'], env);
    expect((JSON.parse(history.stdout) as { entries: unknown[] }).entries).toHaveLength(1);
  });
});

describe('a second upload under a name a killed upload left waiting', () => {
  it('is refused and says how to finish or cancel the waiting one', async () => {
    const env = t.freshEnv();
    const big = await writeRandomFile(t.dir, 'left.bin', SIZE);
    const small = await writeFileIn(t.dir, 'other.txt', 'another file\n');
    const first = startKiedrop(['upload', big.path, '--name', 'report.pdf', '--path', 'left'], env);
    await t.whenSending(first);
    first.child.kill('SIGKILL');
    await first.done;

    const second = await runKiedrop(['upload', small, '--name', 'report.pdf', '--path', 'left'], env);
    expect(second.stderr).toBe(
      'kiedrop: 1 unfinished upload from an earlier run is waiting: run `kiedrop queue --resume`.\n' +
        `kiedrop: "left/report.pdf" is waiting to be uploaded by another upload (job j1: ${big.path}). ` +
        'Two uploads under one name would leave one link serving the other file. ' +
        'Finish it with `kiedrop queue --resume`, choose another --name, or cancel it with ' +
        '`kiedrop queue --cancel j1`. Nothing was uploaded.\n',
    );
    expect(second.code).toBe(1);

    t.throttle.setRate(null);
    const resumed = await runKiedrop(['queue', '--resume'], env);
    expect(resumed.code).toBe(0);
    const link = /^report\.pdf {2}(\S+) {2}expires /u.exec(resumed.stdout)?.[1];
    const stored = t.emulator.storedFile(t.emulator.filePathFor('left', 'report.pdf'));
    expect(link, resumed.stdout).toBeDefined();
    expect(sha256(await readFile(stored ?? ''))).toBe(sha256(big.data));
  });
});

describe('the window, asked for a name another upload is waiting to send to', () => {
  it('refuses it, also when told to overwrite, naming the other upload', async () => {
    const app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef', emulator: t.emulator });
    try {
      const h = app.service.handlers;
      // Paused, so the first upload stays in the queue while the second is asked for.
      await h['queue:pause']();
      const first = await app.writeFile('first.txt', 'first');
      const second = await app.writeFile('second.txt', 'second');
      const [job] = await h['upload:files']([first], { uploadPath: 'window', fileName: 'notes.txt' });
      const expected = {
        kind: 'name-in-use',
        message:
          `"window/notes.txt" is waiting to be uploaded by another upload (job ${job?.id}: ${first}). ` +
          'Two uploads under one name would leave one link serving the other file; wait until it is done or cancel it, then try again.',
      };
      const options = { uploadPath: 'window', fileName: 'notes.txt' };
      expect(await handlerFailure(h['upload:files']([second], options))).toEqual(expected);
      expect(await handlerFailure(h['upload:files']([second], { ...options, overwrite: true }))).toEqual(
        expected,
      );
      expect((await h['jobs:list']()).map((j) => j.localPath)).toEqual([first]);

      await h['queue:resume']();
      const done = await app.waitForEvent('job', (j) => j.id === job?.id && j.status === 'done');
      const stored = app.emulator.storedFile(app.emulator.filePathFor('window', 'notes.txt'));
      expect(done.historyId).not.toBeNull();
      expect(await readFile(stored ?? '', 'utf8')).toBe('first');
    } finally {
      await app.close();
    }
  });
});
