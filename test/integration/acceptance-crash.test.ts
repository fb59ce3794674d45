// Acceptance: a `kiedrop upload` of 200 files is killed with SIGKILL part-way. A later plain upload says
// that work is waiting (and leaves it alone); `kiedrop queue --resume` then finishes the batch: all 200 in
// the history exactly once, none lost, each stored file identical to its source.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { answeredUploads } from '../support/emulator-records';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeRandomFiles } from '../support/temp-files';
import { until } from '../support/wait-until';

const FILES = 200;

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
const sources = new Map<string, string>(); // path → sha256

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-acceptance-crash-');
  const files = await writeRandomFiles(join(dir, 'files'), FILES, {
    name: (i) => `crash-${String(i).padStart(3, '0')}.bin`,
    size: (i) => 1000 + ((i * 7_919) % 120_000),
  });
  for (const { path, data } of files) sources.set(path, sha256(data));
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropAcceptanceCrash-${process.pid}`,
    fastRetries: true,
  });
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
      await until('60 answered uploads', () => answeredUploads(emulator) >= 60, {
        timeoutMs: 60_000,
        everyMs: 5,
      });
      run.child.kill('SIGKILL');
      await run.done;
      expect(run.child.signalCode).toBe('SIGKILL');
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
