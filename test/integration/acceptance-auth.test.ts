// Acceptance: the API key is revoked in the middle of a batch. The CLI stops with "API key rejected" and
// how to go on, loses no job (everything not uploaded is still queued), and after `kiedrop key set` with
// the new key, `kiedrop queue --resume` uploads the rest. The key lives in a real Secret Service: run with
// `sh scripts/with-keyring.sh npx vitest run test/integration/acceptance-auth.test.ts` (npm test does).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/main/core/secrets';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');
const SERVICE = `KieDropAcceptanceAuth-${process.pid}-${Date.now()}`;
const FILES = 40;
const OLD_KEY = 'old-key-0123456789-abcdef';
const NEW_KEY = 'new-key-0123456789-fedcba';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startKiedrop(
  args: string[],
  env: Record<string, string>,
  input = '',
): { child: ChildProcess; done: Promise<RunResult> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin?.end(input);
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const runKiedrop = (args: string[], env: Record<string, string>, input = ''): Promise<RunResult> =>
  startKiedrop(args, env, input).done;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
const sources = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [OLD_KEY] });
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-acceptance-auth-'));
  await mkdir(join(dir, 'files'));
  for (let i = 0; i < FILES; i++) {
    const data = randomBytes(2000 + i * 1500);
    const path = join(dir, 'files', `auth-${String(i).padStart(2, '0')}.bin`);
    await writeFile(path, data);
    sources.set(path, sha256(data));
  }
  // No KIEDROP_API_KEY: the key comes from the keychain, as for a user who ran `kiedrop key set`.
  env = {
    KIEDROP_BASE_URL: emulator.url,
    KIEDROP_CREDITS_URL: emulator.url,
    KIEDROP_KEYCHAIN_SERVICE: SERVICE,
    KIEDROP_DATA_DIR: join(dir, 'data'),
    KIEDROP_RETRY_BASE_MS: '5',
  };
});

afterAll(async () => {
  await createKeychainStore({ service: SERVICE })
    .clearKey()
    .catch(() => false);
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a key revoked mid-batch', () => {
  it(
    'pauses with the fix spelled out, loses nothing, and resumes after `kiedrop key set`',
    { timeout: 90_000 },
    async () => {
      expect((await runKiedrop(['key', 'set'], env, `${OLD_KEY}\n`)).code).toBe(0);

      emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 40 });
      const files = [...sources.keys()];
      const run = startKiedrop(['upload', ...files, '--concurrency', '2', '--path', 'auth'], env);
      const answered = (): number =>
        emulator.log.filter((e) => e.path === '/api/file-stream-upload' && e.status === 200).length;
      await until(() => answered() >= 10, 30_000, '10 uploads');
      emulator.setApiKeys([NEW_KEY]);
      const paused = await run.done;
      emulator.faults.clear();

      const { stdout: historyOut } = await runKiedrop(['history', '--json', '--limit', '1000'], env);
      const uploaded = (JSON.parse(historyOut) as { total: number }).total;
      expect(uploaded).toBeGreaterThanOrEqual(10);
      expect(uploaded).toBeLessThan(FILES);
      const waiting = FILES - uploaded;

      expect(paused.code).toBe(1);
      expect(paused.stdout.trimEnd().split('\n')).toHaveLength(uploaded);
      expect(paused.stderr).toBe(
        `kiedrop: API key rejected — run \`kiedrop key set\` with a current key; ${waiting} uploads are waiting ` +
          'and will resume with `kiedrop queue --resume`.\n',
      );
      const listed = JSON.parse((await runKiedrop(['queue', '--json'], env)).stdout) as {
        unfinished: { status: string }[];
        failed: unknown[];
      };
      expect(listed.unfinished.filter((j) => j.status === 'queued')).toHaveLength(waiting);
      expect(listed.failed).toEqual([]);

      // The old key is still saved: resuming now pauses again without losing anything.
      const tooEarly = await runKiedrop(['queue', '--resume'], env);
      expect(tooEarly.code).toBe(1);
      expect(tooEarly.stderr).toContain(
        `API key rejected — run \`kiedrop key set\` with a current key; ${waiting} uploads`,
      );

      const saved = await runKiedrop(['key', 'set'], env, `${NEW_KEY}\n`);
      expect(saved.code).toBe(0);
      const resumed = await runKiedrop(['queue', '--resume'], env);
      expect(resumed.stderr).toBe(`kiedrop: finishing ${waiting} uploads…\n`);
      expect(resumed.code).toBe(0);

      const { stdout } = await runKiedrop(['history', '--json', '--limit', '1000'], env);
      const { entries } = JSON.parse(stdout) as { entries: { localPath: string; filePath: string }[] };
      expect(entries).toHaveLength(FILES);
      expect(new Set(entries.map((e) => e.localPath))).toEqual(new Set(files));
      for (const entry of entries) {
        expect(sha256(await readFile(emulator.storedFile(entry.filePath) ?? ''))).toBe(
          sources.get(entry.localPath),
        );
      }
    },
  );
});
