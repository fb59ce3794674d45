// `kiedrop watch` as a person runs it: a real process watching a real folder, uploading to the emulator,
// stopped with Ctrl-C (SIGINT); then `--list` and `--remove` on the folder it saved.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeredUploads } from '../support/emulator-records';
import type { KiedropProcess, KiedropResult } from '../support/kiedrop-process';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-cli-');

const start = (args: string[]): KiedropProcess => fx.startCli(args, 'KieDropWatchCliTest');

const run = (args: string[]): Promise<KiedropResult> => start(args).done;

const serverUploads = (): number => answeredUploads(fx.emulator);

describe('kiedrop watch', () => {
  it('uploads files that appear, prints their links, stops cleanly on Ctrl-C, and remembers them', async () => {
    const first = start([
      'watch',
      fx.watched,
      '--path',
      'shots',
      '--quiet',
      '0.3',
      '--include',
      '*.txt,*.png',
    ]);
    await until('watching to begin', () => first.out.stderr.includes(`watching ${fx.watched}`));
    expect(first.out.stderr).toContain('Saved folder #1');
    await writeFile(join(fx.watched, 'a.txt'), 'hello');
    await writeFile(join(fx.watched, 'skip.doc'), 'not included');
    await until('the link line', () => /a\.txt\s+http:\/\/127\.0\.0\.1:\d+\/\S+/.test(first.out.stdout));
    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(0);
    expect(first.out.stderr).toContain('stopped watching; 1 uploaded');
    expect(first.out.stdout).not.toContain('skip.doc');

    // Started again: the saved folder and its ledger are reused, so a.txt is not sent twice.
    const second = start(['watch', fx.watched]);
    await until('watching to begin again', () => second.out.stderr.includes(`watching ${fx.watched}`));
    expect(second.out.stderr).toContain('Using saved folder #1');
    await writeFile(join(fx.watched, 'b.png'), 'png bytes');
    await until('the second link', () => second.out.stdout.includes('b.png'));
    await sleep(800);
    second.child.kill('SIGINT');
    expect((await second.done).code).toBe(0);
    expect(second.out.stdout).not.toContain('a.txt');
    expect(serverUploads()).toBe(2);
  });

  it('lists the saved folders with their settings, and removes one by id', async () => {
    const watcher = start(['watch', fx.watched, '--path', 'shots', '--no-recursive', '--quiet', '0.3']);
    await until('watching to begin', () => watcher.out.stderr.includes(`watching ${fx.watched}`));
    await writeFile(join(fx.watched, 'a.txt'), 'hello');
    await until('the upload', () => watcher.out.stdout.includes('a.txt'));
    watcher.child.kill('SIGINT');
    await watcher.done;

    const listed = await run(['watch', '--list', '--json']);
    expect(listed.code).toBe(0);
    const folders = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatchObject({
      id: 1,
      path: fx.watched,
      uploadPath: 'shots',
      recursive: false,
      quietMs: 300,
    });
    expect(folders[0]?.['lastUploadAt']).toEqual(expect.any(Number));

    const table = await run(['watch', '--list']);
    expect(table.stdout).toMatch(/ID\s+STATE\s+UPLOAD PATH/);
    expect(table.stdout).toContain('top level only');

    const removed = await run(['watch', '--remove', '1']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Stopped watching #1 (${fx.watched})`);
    expect((await run(['watch', '--list'])).stdout).toContain('No folders are watched');
    const again = await run(['watch', '--remove', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no watched folder #1');
  });

  it('refuses a folder that does not exist and a bad option value, saying why', async () => {
    const missing = await run(['watch', join(fx.dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Folder not found');
    const bad = await run(['watch', fx.watched, '--quiet', '0.05']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--quiet must be a number of seconds from 0.1 to 600 (got "0.05")');
  });

  it('refuses the old --quiet-ms, naming the new flag in seconds, and saves nothing', async () => {
    const old = await run(['watch', fx.watched, '--quiet-ms', '500']);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('--quiet-ms was replaced by --quiet, in seconds: --quiet 0.5');
    expect((await run(['watch', '--list'])).stdout).toContain('No folders are watched');
  });

  it('takes the quiet period in seconds: says "quiet 1.5 s" and waits that long before uploading', async () => {
    const watcher = start(['watch', fx.watched, '--quiet', '1.5']);
    await until('watching to begin', () => watcher.out.stderr.includes(`watching ${fx.watched}`));
    expect(watcher.out.stderr).toContain('quiet 1.5 s');
    await writeFile(join(fx.watched, 'settled.txt'), 'written once');
    const written = Date.now();
    await until('the link line', () => watcher.out.stdout.includes('settled.txt'));
    expect(Date.now() - written).toBeGreaterThanOrEqual(1500);
    watcher.child.kill('SIGINT');
    await watcher.done;
    expect((await run(['watch', '--list'])).stdout).toContain('quiet 1.5 s');
  });

  it('leaves the files already in a new folder alone, and sends them only with --upload-existing', async () => {
    await writeFile(join(fx.watched, 'old.txt'), 'was here before');
    const watcher = start(['watch', fx.watched, '--quiet', '0.3']);
    await until('watching to begin', () => watcher.out.stderr.includes(`watching ${fx.watched}`));
    expect(watcher.out.stderr).toContain('1 file already in it left alone');
    expect(watcher.out.stderr).toContain('--upload-existing');
    await writeFile(join(fx.watched, 'new.txt'), 'arrived later');
    await until('the new link', () => watcher.out.stdout.includes('new.txt'));
    watcher.child.kill('SIGINT');
    await watcher.done;
    expect(watcher.out.stdout).not.toContain('old.txt');
    expect(serverUploads()).toBe(1);

    // Removed and added again, asking for the files already there: both go out.
    expect((await run(['watch', '--remove', '1'])).code).toBe(0);
    const again = start(['watch', fx.watched, '--quiet', '0.3', '--upload-existing']);
    await until(
      'both links',
      () => again.out.stdout.includes('old.txt') && again.out.stdout.includes('new.txt'),
    );
    again.child.kill('SIGINT');
    await again.done;
    expect(again.out.stderr).toContain('uploading the files already in it too');
  });
});
