// Symbolic links in a watched folder: only what is really inside the folder uploads, and only once. A
// link back to the folder must not turn one photo into forty uploads, and a link that leads out of it
// (to ~/.ssh, say) must not publish what is out there — said once, not silently, not at every scan.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { NewWatchFolder, WatchFileError } from '../../src/main/core/watch';
import { answeredUploads } from '../support/emulator-records';
import type { KiedropProcess } from '../support/kiedrop-process';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-hostile-links-', { watch: { availabilityPollMs: 150 } });

// The files these tests put in place before watching are meant to go up: they ask for that.
const watching = (folder: Omit<NewWatchFolder, 'path'> = {}) =>
  fx.watchInbox({ quietMs: 200, existingFiles: 'upload', ...folder });

const names = (engine: Engine): string[] =>
  engine.history
    .list({ limit: 10_000 })
    .entries.map((e) => e.fileName)
    .sort();

/** A folder next to the watched one, with a private key in it, and links to both from inside. */
async function outsideWithLinks(): Promise<{ outside: string; dirLink: string; fileLink: string }> {
  const outside = join(fx.dir, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'id_rsa.txt'), 'PRIVATE KEY');
  const dirLink = join(fx.watched, 'linked');
  const fileLink = join(fx.watched, 'key.txt');
  await symlink(outside, dirLink);
  await symlink(join(outside, 'id_rsa.txt'), fileLink);
  return { outside, dirLink, fileLink };
}

const startCli = (args: string[]): KiedropProcess => fx.startCli(args, 'KieDropWatchHostileLinks');

const countOf = (text: string, needle: string): number => text.split(needle).length - 1;

describe('a link back into the watched folder', () => {
  it.each([
    ['events', false],
    ['polling', true],
  ])('uploads the file once, not once per loop level (%s)', async (_how, polling) => {
    await writeFile(join(fx.watched, 'photo.jpg'), 'one photo');
    await symlink('.', join(fx.watched, 'loop'));
    await mkdir(join(fx.watched, 'sub'));
    await symlink('..', join(fx.watched, 'sub', 'up'));
    const { engine } = await watching({ polling });
    await until('the photo upload', () => names(engine).includes('photo.jpg'));
    await writeFile(join(fx.watched, 'sub', 'later.txt'), 'later');
    await until('the later upload', () => names(engine).includes('later.txt'));
    await sleep(1000);
    expect(names(engine)).toEqual(['later.txt', 'photo.jpg']);
    expect(answeredUploads(fx.emulator)).toBe(2);
  });
});

describe('a link that leads out of the watched folder', () => {
  it('uploads nothing through it, not even files created there later, and says so once', async () => {
    const { outside, dirLink, fileLink } = await outsideWithLinks();
    await writeFile(join(fx.watched, 'photo.jpg'), 'inside');
    const { engine, watch } = fx.openPair();
    const errors: WatchFileError[] = [];
    watch.on('file-error', (e) => errors.push(e));
    await watch.start();
    const folder = await watch.addFolder({ path: fx.watched, quietMs: 200, existingFiles: 'upload' });
    await until('the folder to be watched', () => watch.get(folder.id)?.state === 'watching');
    await until('the photo upload', () => names(engine).includes('photo.jpg'));
    await writeFile(join(outside, 'created-later.txt'), 'also private');
    await writeFile(join(fx.watched, 'marker.txt'), 'after');
    await until('the marker upload', () => names(engine).includes('marker.txt'));
    await sleep(1000);
    expect(names(engine)).toEqual(['marker.txt', 'photo.jpg']);
    expect(answeredUploads(fx.emulator)).toBe(2);
    for (const link of [dirLink, fileLink]) {
      const said = errors.filter((e) => e.path === link);
      expect(said, `reports of ${link}`).toHaveLength(1);
      expect(said[0]?.message).toMatch(/outside the watched folder/);
      expect(said[0]?.message).toContain(outside);
    }
    expect(errors.filter((e) => e.path !== dirLink && e.path !== fileLink)).toEqual([]);
  });

  it('in `kiedrop watch`: one line per link naming it and where it leads, and no link to the key', async () => {
    const { outside, dirLink, fileLink } = await outsideWithLinks();
    await writeFile(join(fx.watched, 'photo.jpg'), 'inside');
    const cli = startCli(['watch', fx.watched, '--quiet', '0.2', '--upload-existing']);
    await until('the photo link', () => cli.out.stdout.includes('photo.jpg'));
    await writeFile(join(outside, 'created-later.txt'), 'also private');
    await writeFile(join(fx.watched, 'marker.txt'), 'after');
    await until('the marker link', () => cli.out.stdout.includes('marker.txt'));
    await sleep(1000);
    cli.child.kill('SIGINT');
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stdout).not.toMatch(/key\.txt|id_rsa|created-later/);
    expect(done.stderr).not.toMatch(/queued .*(id_rsa|created-later)/);
    for (const link of [dirLink, fileLink]) {
      const lines = done.stderr.split('\n').filter((l) => l.includes(link));
      expect(lines, `lines naming ${link}`).toHaveLength(1);
      expect(lines[0]).toMatch(/outside the watched folder/);
      expect(lines[0]).toContain(outside);
    }
    expect(countOf(done.stderr, 'not a regular file')).toBe(0);
    expect(done.stderr).toContain('stopped watching; 2 uploaded');
  });
});
