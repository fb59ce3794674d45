// Acceptance: 500 files of mixed sizes through `kiedrop upload --concurrency 4` while the emulator fails
// a fifth of the requests with 500 and cuts a tenth of them off mid-body. Every file must end up in the
// history exactly once, and every stored file must be byte-for-byte its source.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeRandomFiles } from '../support/temp-files';

const KiB = 1024;
const FILES = 500;

/** Mostly small files, some empty, a few of 1–2 MiB: what a folder of screenshots and documents looks like. */
function sizeFor(i: number): number {
  if (i % 100 === 7) return 1024 * KiB + ((i * 7919) % (1024 * KiB));
  if (i % 50 === 0) return 0;
  return (i * 104_729) % (256 * KiB);
}

let emulator: Emulator;
let dir: string;
const sources = new Map<string, string>(); // path → sha256

beforeAll(async () => {
  emulator = await startEmulator({ seed: 20_261_122 });
  dir = await makeTempDir('kiedrop-acceptance-fault-');
  const files = await writeRandomFiles(join(dir, 'files'), FILES, {
    name: (i) => `file-${String(i).padStart(3, '0')}.bin`,
    size: sizeFor,
  });
  for (const { path, data } of files) sources.set(path, sha256(data));
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('500 files through a faulty server', () => {
  it(
    'end up in the history exactly once each, with the exact bytes stored',
    { timeout: 120_000 },
    async () => {
      // First match wins, so the second rate is conditional: overall 10 % resets and 20 % answers of 500.
      emulator.faults.add({
        path: '/api/file-stream-upload',
        resetAfterBytes: 16 * KiB,
        probability: 0.1,
        seed: 11,
      });
      emulator.faults.add({ path: '/api/file-stream-upload', status: 500, probability: 0.2 / 0.9, seed: 12 });
      const env = {
        ...cliEnv(emulator, {
          dataDir: join(dir, 'data'),
          keychainService: `KieDropAcceptanceFault-${process.pid}`,
          fastRetries: true,
        }),
        // With ~28 % of attempts failing, 30 attempts make giving up on a file a 1-in-10^16 event.
        KIEDROP_RETRY_MAX_ATTEMPTS: '30',
      };
      const files = [...sources.keys()];

      const upload = await runKiedrop(
        ['upload', ...files, '--concurrency', '4', '--path', 'fault', '--json'],
        env,
      );
      expect(upload.stderr).toBe('');
      expect(upload.code).toBe(0);
      const outcomes = JSON.parse(upload.stdout) as { file: string; status: string }[];
      expect(outcomes.map((o) => o.file)).toEqual(files);
      expect(outcomes.every((o) => o.status === 'done')).toBe(true);

      // The faults really happened: the files went through because of the retries, not around them.
      const statuses = emulator.log.map((e) => e.status);
      const resets = emulator.log.filter((e) => e.fault?.startsWith('resetAfterBytes')).length;
      expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(FILES * 0.1);
      expect(resets).toBeGreaterThan(FILES * 0.04);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(FILES);

      const history = await runKiedrop(['history', '--json', '--limit', '10000'], env);
      const { entries, total } = JSON.parse(history.stdout) as {
        entries: { localPath: string; filePath: string; jobId: number }[];
        total: number;
      };
      expect(total).toBe(FILES);
      expect(new Set(entries.map((e) => e.localPath))).toEqual(new Set(files));
      expect(new Set(entries.map((e) => e.jobId)).size).toBe(FILES);
      for (const entry of entries) {
        const stored = emulator.storedFile(entry.filePath);
        expect(stored, entry.filePath).toBeDefined();
        expect(sha256(await readFile(stored ?? '')), entry.localPath).toBe(sources.get(entry.localPath));
      }

      const queue = await runKiedrop(['queue', '--json'], env);
      expect(JSON.parse(queue.stdout)).toEqual({ unfinished: [], failed: [] });
    },
  );
});
