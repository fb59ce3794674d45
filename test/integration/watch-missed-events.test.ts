// A watched folder whose OS events get lost (a burst into a huge folder, a full kernel queue) must still
// upload every file: the periodic rescan finds what the events missed. Events are dropped here with the
// watch service's test hook, so nothing but the rescan can find the files. Also: rescans repeat nothing
// (no second upload, no second notice), and a folder that hits the system's watch limit is polled, says
// so with the fix, and still uploads.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import type { WatchFileError } from '../../src/main/core/watch';
import { answeredUploads } from '../support/emulator-records';
import { cliEnv } from '../support/kiedrop-process';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-missed-', {
  engine: { concurrency: 8, retry: { baseDelayMs: 20, maxDelayMs: 200 } },
  watch: { availabilityPollMs: 150 },
});

const names = (engine: Engine): string[] =>
  engine.history
    .list({ limit: 10_000 })
    .entries.map((e) => e.localPath ?? '')
    .sort();

async function writeBatches(dir: string, prefix: string, count: number, batch: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths = Array.from({ length: count }, (_, i) =>
    join(dir, `${prefix}-${String(i).padStart(3, '0')}.txt`),
  );
  for (let i = 0; i < paths.length; i += batch) {
    await Promise.all(paths.slice(i, i + batch).map((p) => writeFile(p, `content of ${p}`)));
  }
  return paths;
}

describe('a watched folder that misses events', () => {
  it('still uploads every file, each once, after the rescan: in the folder and in a new subfolder', async () => {
    await writeBatches(fx.watched, 'before', 20, 20);
    let dropped = 0;
    let dropping = false;
    const { engine, watch } = await fx.watchInbox(
      { quietMs: 200, existingFiles: 'upload' },
      {
        watch: {
          rescanMs: 300,
          dropEvent: () => {
            if (!dropping) return false;
            dropped++;
            return true;
          },
        },
      },
    );
    await until('the 20 files already there', () => names(engine).length >= 20);
    // From now on the OS's events never reach the watcher, as when they are lost under load.
    dropping = true;
    const later = [
      ...(await writeBatches(fx.watched, 'later', 60, 20)),
      ...(await writeBatches(join(fx.watched, 'new-folder', 'deeper'), 'nested', 20, 10)),
    ];
    await until('every file uploaded', () => names(engine).length >= 100, { timeoutMs: 60_000 });
    await sleep(1200);
    expect(dropped).toBeGreaterThan(0);
    const uploaded = names(engine);
    expect(uploaded).toHaveLength(100);
    expect(uploaded.filter((p) => later.includes(p))).toHaveLength(80);
    expect(answeredUploads(fx.emulator)).toBe(100);
    expect(watch.list()[0]).toMatchObject({ state: 'watching', waiting: 0, notice: null });
  }, 90_000);

  it('repeats nothing at each rescan: no second upload and no second notice for a link, a pipe or a refused name', async () => {
    const { engine, watch } = await fx.watchInbox({ quietMs: 200 }, { watch: { rescanMs: 100 } });
    const errors: WatchFileError[] = [];
    watch.on('file-error', (e) => errors.push(e));
    execFileSync('mkfifo', [join(fx.watched, 'pipe.bin')]);
    await writeFile(join(fx.dir, 'outside.txt'), 'outside');
    await symlink(join(fx.dir, 'outside.txt'), join(fx.watched, 'link.txt'));
    await writeFile(join(fx.watched, 'line\nbreak.txt'), 'refused by name');
    await writeFile(join(fx.watched, 'fine.txt'), 'fine');
    await until('the good file', () => names(engine).length >= 1);
    await until('three problems reported', () => new Set(errors.map((e) => e.path)).size >= 3);
    // Dozens of rescans.
    await sleep(2500);
    expect(names(engine)).toEqual([join(fx.watched, 'fine.txt')]);
    expect(answeredUploads(fx.emulator)).toBe(1);
    const perPath = new Map<string, number>();
    for (const e of errors) perPath.set(e.path, (perPath.get(e.path) ?? 0) + 1);
    expect([...perPath.values()]).toEqual([1, 1, 1]);
  }, 30_000);
});

/**
 * `kiedrop watch` in a user namespace whose inotify watch limit is 2 (a per-namespace setting the
 * process may lower for itself): the OS refuses the third folder watch with ENOSPC, exactly as it does
 * when a desktop's editors and sync clients have used up the user's watches.
 */
function startCliWithWatchLimit(args: string[], limit: number) {
  const env = cliEnv(fx.emulator, {
    dataDir: fx.dataDir,
    keychainService: `KieDropWatchLimit-${process.pid}`,
  });
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'kiedrop.js');
  const child = spawn(
    'unshare',
    [
      '--user',
      '--map-root-user',
      'sh',
      '-c',
      `echo ${limit} > /proc/sys/user/max_inotify_watches && exec "$0" "$@"`,
      process.execPath,
      bin,
      ...args,
    ],
    { env: { ...base, ...env } },
  );
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  fx.defer(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await done;
  });
  return { child, out, done };
}

describe("the system's watch limit", () => {
  it('makes `kiedrop watch` say so with the fix, poll the folder instead, and still upload', async () => {
    for (const sub of ['a', 'b', 'c', 'd']) await mkdir(join(fx.watched, sub, 'inner'), { recursive: true });
    const cli = startCliWithWatchLimit(['watch', fx.watched, '--quiet', '0.2'], 2);
    await until('the limit notice', () => cli.out.stderr.includes('fs.inotify.max_user_watches'), {
      timeoutMs: 20_000,
    });
    expect(cli.out.stderr).toContain('sudo sysctl fs.inotify.max_user_watches=524288');
    expect(cli.out.stderr).toContain('polling');
    // Deep in a folder the OS would not watch: only polling can find it.
    await writeFile(join(fx.watched, 'd', 'inner', 'deep.txt'), 'found by polling');
    await until('the upload', () => cli.out.stdout.includes('deep.txt'), { timeoutMs: 20_000 });
    cli.child.kill('SIGINT');
    expect(await cli.done).toBe(0);
    expect(cli.out.stderr).toContain('stopped watching; 1 uploaded');
    expect(answeredUploads(fx.emulator)).toBe(1);
  }, 40_000);
});
