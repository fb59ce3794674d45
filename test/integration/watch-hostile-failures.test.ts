// `kiedrop watch` when files do not go out: an upload the service refuses (no credits, 402) and a file
// the user cannot read. Each is reported by name with its reason, the run ends non-zero with the count,
// and the file is tried again when it changes or at the next start — never silently dropped.
import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeredUploads, STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { cliEnv, startKiedrop } from '../support/kiedrop-process';
import type { KiedropProcess } from '../support/kiedrop-process';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-hostile-failures-');

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kiedrop.js');
/** Root reads every file whatever its mode; "cannot read" needs an ordinary user (Debian's nobody). */
const OTHER_USER = 65534;
const asRoot = process.getuid?.() === 0;

function env(): Record<string, string> {
  return cliEnv(fx.emulator, {
    dataDir: fx.dataDir,
    keychainService: `KieDropWatchHostileFailures-${process.pid}`,
    fastRetries: true,
  });
}

function track(running: KiedropProcess): KiedropProcess {
  fx.defer(async () => {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await running.done;
  });
  return running;
}

const startCli = (args: string[]): KiedropProcess => track(startKiedrop(args, env()));

/** `kiedrop …` as a user for whom mode 000 really means unreadable (root is not one). */
function startCliAsUser(args: string[]): KiedropProcess {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const command = asRoot
    ? [
        'setpriv',
        `--reuid=${OTHER_USER}`,
        `--regid=${OTHER_USER}`,
        '--clear-groups',
        process.execPath,
        BIN,
        ...args,
      ]
    : [process.execPath, BIN, ...args];
  const child = spawn(command[0] as string, command.slice(1), {
    env: { ...base, ...env(), HOME: fx.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...out }));
  });
  return track({ child, out, done } as unknown as KiedropProcess);
}

/** Gives the test's folder (and the database the CLI makes in it) to the other user. */
async function handOverToUser(): Promise<void> {
  if (!asRoot) return;
  for (const dir of [fx.dir, fx.watched]) await chown(dir, OTHER_USER, OTHER_USER);
}

const refusals = (): number => fx.emulator.log.filter((e) => e.status === 402).length;

describe('an upload the service refuses', () => {
  it('is reported by name and reason, counted at the end (exit 1), and sent again when it changes or at start', async () => {
    fx.emulator.faults.add({ path: STREAM_UPLOAD_ROUTE, status: 402 });
    const first = startCli(['watch', fx.watched, '--quiet', '0.2']);
    await until('watching to begin', () => first.out.stderr.includes(`watching ${fx.watched}`));
    await writeFile(join(fx.watched, 'a.txt'), 'first');
    await writeFile(join(fx.watched, 'b.txt'), 'second');
    for (const name of ['a.txt', 'b.txt']) {
      const line = new RegExp(`${join(fx.watched, name)} could not be uploaded: .*enough credits \\(402\\)`);
      await until(`the failure of ${name}`, () => line.test(first.out.stderr));
    }
    // Reported, not tried again and again while nothing changed.
    await sleep(1000);
    expect(refusals()).toBe(2);

    // Credits topped up; a.txt is saved again (a change): it goes now, b.txt waits for the next start.
    fx.emulator.faults.clear();
    const later = new Date(Date.now() + 5000);
    await utimes(join(fx.watched, 'a.txt'), later, later);
    await until('a.txt after its change', () => first.out.stdout.includes('a.txt'));
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('stopped watching; 1 uploaded, 1 failed (b.txt).');
    expect(stopped.stdout).not.toContain('b.txt');

    const second = startCli(['watch', fx.watched]);
    await until('b.txt sent again at start', () => second.out.stdout.includes('b.txt'));
    await sleep(500);
    second.child.kill('SIGINT');
    const again = await second.done;
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('stopped watching; 1 uploaded.');
    expect(again.stdout).not.toContain('a.txt');
    expect(answeredUploads(fx.emulator)).toBe(2);
  });
});

describe('a file the user cannot read', () => {
  it('is reported by name, counted at the end (exit 1), and uploaded once readable: when changed, or at start', async () => {
    await handOverToUser();
    await writeFile(join(fx.watched, 'ok.txt'), 'readable');
    await writeFile(join(fx.watched, 'secret.txt'), 'not yet', { mode: 0o000 });
    const first = startCliAsUser(['watch', fx.watched, '--quiet', '0.2', '--upload-existing']);
    await until('ok.txt', () => first.out.stdout.includes('ok.txt'), { timeoutMs: 30_000 });
    await until('secret.txt reported', () =>
      first.out.stderr.includes(`Cannot read ${join(fx.watched, 'secret.txt')}: permission denied`),
    );

    // One saved unreadable while watching, then made readable: that change brings it in.
    await writeFile(join(fx.watched, 'late.txt'), 'late', { mode: 0o000 });
    await until('late.txt reported', () =>
      first.out.stderr.includes(`Cannot read ${join(fx.watched, 'late.txt')}: permission denied`),
    );
    await chmod(join(fx.watched, 'late.txt'), 0o644);
    await until('late.txt once readable', () => first.out.stdout.includes('late.txt'));
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('stopped watching; 2 uploaded, 1 failed (secret.txt).');
    expect(stopped.stdout).not.toContain('secret.txt');

    await chmod(join(fx.watched, 'secret.txt'), 0o644);
    const second = startCliAsUser(['watch', fx.watched]);
    await until('secret.txt at the next start', () => second.out.stdout.includes('secret.txt'), {
      timeoutMs: 30_000,
    });
    await sleep(500);
    second.child.kill('SIGINT');
    const again = await second.done;
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('stopped watching; 1 uploaded.');
    expect(answeredUploads(fx.emulator)).toBe(3);
  });
});

describe('a folder the user cannot open', () => {
  it('is named, inside the watched folder or as the watched folder itself, instead of watching nothing', async () => {
    await handOverToUser();
    const locked = join(fx.watched, 'locked');
    await mkdir(locked);
    await writeFile(join(locked, 'inner.txt'), 'inside a locked folder');
    await chmod(locked, 0o000);
    await writeFile(join(fx.watched, 'ok.txt'), 'readable');
    const inside = startCliAsUser(['watch', fx.watched, '--quiet', '0.2', '--upload-existing']);
    await until('ok.txt', () => inside.out.stdout.includes('ok.txt'), { timeoutMs: 30_000 });
    await until('the locked folder reported', () =>
      inside.out.stderr.includes(`Cannot read ${locked}: permission denied`),
    );
    inside.child.kill('SIGINT');
    const stopped = await inside.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('stopped watching; 1 uploaded, 1 failed (locked).');

    const closed = join(fx.dir, 'closed');
    await mkdir(closed, { mode: 0o000 });
    await chmod(closed, 0o000);
    const itself = startCliAsUser(['watch', closed]);
    await until('the watched folder reported', () =>
      itself.out.stderr.includes(`Cannot read the folder ${closed}: permission denied`),
    );
    itself.child.kill('SIGINT');
    await itself.done;
  });
});
