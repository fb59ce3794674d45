// Acceptance: a `kiedrop upload` of 200 files is killed with SIGKILL part-way. A later plain upload says
// that work is waiting (and leaves it alone); `kiedrop queue --resume` then finishes the batch: all 200 in
// the history exactly once, none lost, each stored file identical to its source.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');
const FILES = 200;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startKiedrop(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<RunResult> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin?.end();
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const runKiedrop = (args: string[], env: Record<string, string>): Promise<RunResult> =>
  startKiedrop(args, env).done;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const uploadsAnswered = (emulator: Emulator): number =>
  emulator.log.filter((e) => e.path === '/api/file-stream-upload' && e.status === 200).length;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
const sources = new Map<string, string>(); // path → sha256

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-acceptance-crash-'));
  await mkdir(join(dir, 'files'));
  for (let i = 0; i < FILES; i++) {
    const data = randomBytes(1000 + ((i * 7_919) % 120_000));
    const path = join(dir, 'files', `crash-${String(i).padStart(3, '0')}.bin`);
    await writeFile(path, data);
    sources.set(path, sha256(data));
  }
  env = {
    KIEDROP_API_KEY: emulator.apiKey,
    KIEDROP_BASE_URL: emulator.url,
    KIEDROP_CREDITS_URL: emulator.url,
    KIEDROP_KEYCHAIN_SERVICE: `KieDropAcceptanceCrash-${process.pid}`,
    KIEDROP_DATA_DIR: join(dir, 'data'),
    KIEDROP_RETRY_BASE_MS: '5',
  };
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

interface Entry {
  localPath: string;
  filePath: string;
  jobId: number;
}

async function historyEntries(): Promise<Entry[]> {
  const { stdout } = await runKiedrop(['history', '--json', '--limit', '10000'], env);
  return (JSON.parse(stdout) as { entries: Entry[] }).entries;
}

describe('a batch killed mid-way', () => {
  it(
    'is finished by `kiedrop queue --resume`: every file once, none lost',
    { timeout: 120_000 },
    async () => {
      // Slow answers keep the batch running long enough to kill it in the middle.
      emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 25 });
      const files = [...sources.keys()];
      const run = startKiedrop(['upload', ...files, '--concurrency', '4', '--path', 'crash'], env);
      await until(() => uploadsAnswered(emulator) >= 60, 60_000, '60 answered uploads');
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      emulator.faults.clear();

      const before = await historyEntries();
      expect(before.length).toBeGreaterThanOrEqual(55);
      expect(before.length).toBeLessThan(FILES);
      const waiting = FILES - before.length;

      // A new upload mentions the waiting work once, and does not quietly take it over.
      const extra = join(dir, 'unrelated.txt');
      await writeFile(extra, 'unrelated');
      const other = await runKiedrop(['upload', extra, '--path', 'other'], env);
      expect(other.code).toBe(0);
      expect(other.stderr).toBe(
        `kiedrop: ${waiting} unfinished uploads from an earlier run are waiting: run \`kiedrop queue --resume\`.\n`,
      );
      expect((await historyEntries()).filter((e) => sources.has(e.localPath))).toHaveLength(before.length);

      const listed = await runKiedrop(['queue', '--json'], env);
      const queue = JSON.parse(listed.stdout) as { unfinished: { status: string }[]; failed: unknown[] };
      expect(queue.unfinished).toHaveLength(waiting);
      expect(queue.unfinished.every((j) => j.status === 'queued')).toBe(true);
      expect(queue.failed).toEqual([]);

      const resumed = await runKiedrop(['queue', '--resume', '--concurrency', '4'], env);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toBe(`kiedrop: finishing ${waiting} uploads…\n`);
      expect(resumed.stdout.trimEnd().split('\n')).toHaveLength(waiting);

      const after = (await historyEntries()).filter((e) => sources.has(e.localPath));
      expect(after).toHaveLength(FILES);
      expect(new Set(after.map((e) => e.localPath))).toEqual(new Set(files));
      for (const entry of after) {
        const stored = emulator.storedFile(entry.filePath);
        expect(stored, entry.filePath).toBeDefined();
        expect(sha256(await readFile(stored ?? '')), entry.localPath).toBe(sources.get(entry.localPath));
      }
      const empty = await runKiedrop(['queue', '--json'], env);
      expect(JSON.parse(empty.stdout)).toEqual({ unfinished: [], failed: [] });
    },
  );
});
