// Acceptance: 500 files of mixed sizes through `kiedrop upload --concurrency 4` while the emulator fails
// a fifth of the requests with 500 and cuts a tenth of them off mid-body. Every file must end up in the
// history exactly once, and every stored file must be byte-for-byte its source.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');
const KiB = 1024;
const FILES = 500;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runKiedrop(args: string[], env: Record<string, string>): Promise<RunResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

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
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-acceptance-fault-'));
  await mkdir(join(dir, 'files'));
  for (let i = 0; i < FILES; i++) {
    const data = randomBytes(sizeFor(i));
    const path = join(dir, 'files', `file-${String(i).padStart(3, '0')}.bin`);
    await writeFile(path, data);
    sources.set(path, sha256(data));
  }
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
        KIEDROP_API_KEY: emulator.apiKey,
        KIEDROP_BASE_URL: emulator.url,
        KIEDROP_CREDITS_URL: emulator.url,
        KIEDROP_KEYCHAIN_SERVICE: `KieDropAcceptanceFault-${process.pid}`,
        KIEDROP_DATA_DIR: join(dir, 'data'),
        KIEDROP_RETRY_BASE_MS: '5',
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
