// A process that is paused (Ctrl-Z, SIGSTOP) for longer than its lease, or whose wall clock jumps forward
// (suspend and resume, an NTP step), must not take its own upload for an abandoned one: exactly one send,
// one history entry, exit 0. Real `kiedrop` processes upload through a throttle so each upload is still
// going when the process is stopped or its clock jumps.
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../emulator/test-client';
import { STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { writeRandomFile } from '../support/temp-files';
import { sleep, until } from '../support/wait-until';
import { useThrottledCli } from '../support/throttled-cli';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE_MODULE = fileURLToPath(new URL('../../src/main/core/engine/index.ts', import.meta.url));
const SIZE = 12 * 1024 * 1024;
// About three seconds per upload once the socket buffers are full.
const BYTES_PER_SECOND = 4 * 1024 * 1024;
// Renewed every 1.5 s, while the queue looks for abandoned jobs every second: after a pause the
// look comes first, as it does with the real 60 s lease.
const LEASE_MS = 4500;

const t = useThrottledCli('kiedrop-hostile-lease-', 'KieDropLease', BYTES_PER_SECOND);

/** Exactly one request reached the server, it carried the whole file, and the link serves the file. */
async function expectOneFullSend(env: Record<string, string>, data: Buffer): Promise<void> {
  const uploads = t.emulator.log.filter((e) => e.path === STREAM_UPLOAD_ROUTE);
  expect(uploads.map((e) => e.status)).toEqual([200]);
  expect(uploads[0]?.bodyBytes).toBe(uploads[0]?.contentLength);
  const history = await runKiedrop(['history', '--json'], env);
  const { entries } = JSON.parse(history.stdout) as { entries: { filePath: string }[] };
  expect(entries).toHaveLength(1);
  const stored = t.emulator.storedFile(entries[0]?.filePath ?? '');
  expect(stored).toBeDefined();
  expect(sha256(await readFile(stored ?? ''))).toBe(sha256(data));
}

describe('a process paused for longer than its lease', () => {
  it('resumes its own upload after SIGCONT: one send, exit 0', { timeout: 45_000 }, async () => {
    const env = { ...t.freshEnv(), KIEDROP_LEASE_MS: String(LEASE_MS) };
    const file = await writeRandomFile(t.dir, 'paused.bin', SIZE);
    const run = startKiedrop(['upload', file.path], env);
    await t.whenSending(run);
    run.child.kill('SIGSTOP');
    try {
      await sleep(LEASE_MS + 1000);
    } finally {
      run.child.kill('SIGCONT');
    }
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^paused\.bin {2}http:\/\/\S+\/paused\.bin {2}expires /u);
    expect(t.sends()).toBe(1);
    await expectOneFullSend(env, file.data);
  });
});

/** libfaketime's preload path as the `faketime` wrapper sets it ('/usr/$LIB/…', expanded by the loader). */
function fakeTimeLibrary(): string {
  try {
    return execFileSync('faketime', ['-m', '-f', '+0', 'sh', '-c', 'printf %s "$LD_PRELOAD"'], {
      encoding: 'utf8',
    });
  } catch (err) {
    throw new Error('this test needs the `faketime` command (Debian package "faketime")', { cause: err });
  }
}

describe('a wall clock that jumps forward mid-upload', () => {
  it('does not make the process recover its own upload: one send, exit 0', { timeout: 45_000 }, async () => {
    // The offset is read from this file on every clock read, so it can change while the process runs;
    // the monotonic clock is left alone, as a real clock step leaves it.
    const offsetFile = join(t.dir, 'faketime-offset');
    await writeFile(offsetFile, '+0\n');
    const env = {
      ...t.freshEnv(),
      LD_PRELOAD: fakeTimeLibrary(),
      FAKETIME_TIMESTAMP_FILE: offsetFile,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    };
    const file = await writeRandomFile(t.dir, 'jumped.bin', SIZE);
    const run = startKiedrop(['upload', file.path], env, { dropEnv: ['FAKETIME'] });
    await t.whenSending(run);
    await writeFile(offsetFile, '+10m\n');
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(t.sends()).toBe(1);
    // The history read runs on the real clock: the link made "10 minutes from now" is still live.
    const { LD_PRELOAD: _preload, ...plain } = env;
    await expectOneFullSend(plain, file.data);
  });
});

describe('a pause longer than the stall timeout', () => {
  it(
    'is not taken for a stalled connection: the upload carries on, one send',
    { timeout: 45_000 },
    async () => {
      // The engine on its own (the CLI has no stall setting): stalls are judged after 1.5 s here.
      const script = join(t.dir, 'paused-engine.mts');
      await writeFile(
        script,
        `import { openEngine } from ${JSON.stringify(ENGINE_MODULE)};
const [dataDir, url, key, file] = process.argv.slice(2);
const engine = openEngine({
  dataDir, endpoints: { uploadBaseUrl: url, creditsBaseUrl: url }, getApiKey: async () => key,
  stallTimeoutMs: 1500, retry: { baseDelayMs: 5 },
});
await engine.queue.enqueueFiles([file], { source: 'cli', uploadPath: 'paused', batchId: 'b' });
const [job] = await engine.queue.runUntilIdle({ batchId: 'b' });
await engine.close();
process.stdout.write(JSON.stringify(job));
`,
      );
      const file = await writeRandomFile(t.dir, 'stalled.bin', SIZE);
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          script,
          join(t.dir, 'data-stalled-engine'),
          t.throttle.url,
          t.emulator.apiKey,
          file.path,
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const out = { stdout: '', stderr: '' };
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await until(
        `the upload to start (stderr so far: ${out.stderr})`,
        () =>
          t.emulator.log.some((e) => e.path === STREAM_UPLOAD_ROUTE && e.bodyBytes > 0) ||
          child.exitCode !== null,
        { everyMs: 5 },
      );
      child.kill('SIGSTOP');
      try {
        await sleep(3500);
      } finally {
        child.kill('SIGCONT');
      }
      expect(await exited, out.stderr).toBe(0);
      const job = JSON.parse(out.stdout) as { status: string; attempts: number; lastError: string | null };
      expect(job).toMatchObject({ status: 'done', attempts: 1 });
      expect(t.sends()).toBe(1);
      const uploads = t.emulator.log.filter((e) => e.path === STREAM_UPLOAD_ROUTE);
      expect(uploads.map((e) => [e.status, e.bodyBytes === e.contentLength])).toEqual([[200, true]]);
    },
  );
});
