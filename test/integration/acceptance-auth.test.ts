// Acceptance: the API key is revoked in the middle of a batch. The CLI stops with "API key rejected" and
// how to go on, loses no job (everything not uploaded is still queued), and after `kiedrop key set` with
// the new key, `kiedrop queue --resume` uploads the rest. The key lives in a real Secret Service: run with
// `sh scripts/with-keyring.sh npx vitest run test/integration/acceptance-auth.test.ts` (npm test does).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/main/core/secrets';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { answeredUploads } from '../support/emulator-records';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeRandomFiles } from '../support/temp-files';
import { until } from '../support/wait-until';

const SERVICE = `KieDropAcceptanceAuth-${process.pid}-${Date.now()}`;
const FILES = 40;
const OLD_KEY = 'old-key-0123456789-abcdef';
const NEW_KEY = 'new-key-0123456789-fedcba';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
const sources = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [OLD_KEY] });
  dir = await makeTempDir('kiedrop-acceptance-auth-');
  const files = await writeRandomFiles(join(dir, 'files'), FILES, {
    name: (i) => `auth-${String(i).padStart(2, '0')}.bin`,
    size: (i) => 2000 + i * 1500,
  });
  for (const { path, data } of files) sources.set(path, sha256(data));
  // No KIEDROP_API_KEY: the key comes from the keychain, as for a user who ran `kiedrop key set`.
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: SERVICE,
    apiKey: false,
    fastRetries: true,
  });
});

afterAll(async () => {
  await createKeychainStore({ service: SERVICE })
    .clearKey()
    .catch(() => false);
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('a key revoked mid-batch', () => {
  it(
    'pauses with the fix spelled out, loses nothing, and resumes after `kiedrop key set`',
    { timeout: 90_000 },
    async () => {
      expect((await runKiedrop(['key', 'set'], env, { input: `${OLD_KEY}\n` })).code).toBe(0);

      emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 40 });
      const files = [...sources.keys()];
      const run = startKiedrop(['upload', ...files, '--concurrency', '2', '--path', 'auth'], env);
      await until('10 uploads', () => answeredUploads(emulator) >= 10, { timeoutMs: 30_000, everyMs: 5 });
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

      const saved = await runKiedrop(['key', 'set'], env, { input: `${NEW_KEY}\n` });
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
