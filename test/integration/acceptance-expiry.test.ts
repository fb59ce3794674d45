// Acceptance: with the emulator's clock and the CLI's clock three days on, uploads show as expired, and
// renewing works both ways: from the unchanged local file, and — once the local file is gone — by having
// the server fetch its own still-live link.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const DAY = 24 * 60 * 60 * 1000;
const SHIFT = 3 * DAY + 60 * 60 * 1000; // three days and an hour

interface Entry {
  id: number;
  fileName: string;
  filePath: string;
  downloadUrl: string;
  status: string;
  renewOf: number | null;
  method: string;
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-acceptance-expiry-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropAcceptanceExpiry-${process.pid}`,
  });
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function history(args: string[], over: Record<string, string>): Promise<Entry[]> {
  const { code, stdout } = await runKiedrop(['history', '--json', ...args], { ...env, ...over });
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { entries: Entry[] }).entries;
}

describe('three days later', () => {
  it('lists the uploads as expired and renews them by both routes', { timeout: 60_000 }, async () => {
    const keep = join(dir, 'keep.bin');
    const keepData = randomBytes(50_000);
    await writeFile(keep, keepData);
    const lost = join(dir, 'lost.bin');
    await writeFile(lost, randomBytes(10_000));
    expect((await runKiedrop(['upload', keep, lost], env)).code).toBe(0);
    const now = {};
    expect((await history(['--status', 'active'], now)).map((e) => e.fileName).sort()).toEqual([
      'keep.bin',
      'lost.bin',
    ]);

    emulator.clock.advance(SHIFT);
    const later = { KIEDROP_NOW_OFFSET_MS: String(SHIFT) };
    const expired = await runKiedrop(['history', '--status', 'expired'], { ...env, ...later });
    expect(expired.code).toBe(0);
    expect(expired.stdout).toMatch(/^h\d+ +lost\.bin +9\.8 KB +expired 1 h ago +http:\S+\/lost\.bin$/mu);
    expect(expired.stdout).toMatch(/^h\d+ +keep\.bin +48\.8 KB +expired 1 h ago +http:\S+\/keep\.bin$/mu);
    expect(await history(['--status', 'active'], later)).toEqual([]);

    // Route 1: the local file is unchanged, so it is uploaded again.
    const oldKeep = (await history(['--search', 'keep.bin'], later))[0];
    const viaFile = await runKiedrop(['renew', String(oldKeep?.id)], { ...env, ...later });
    expect(viaFile.code).toBe(0);
    expect(viaFile.stdout).toContain(`re-uploaded from the local file ${keep}.`);
    expect(viaFile.stdout).toMatch(/keep\.bin {2}http:\S+ {2}expires .* \(in 3 d\)\n$/u);
    const [renewed] = await history(['--search', 'keep.bin', '--status', 'active'], later);
    expect(renewed).toMatchObject({ renewOf: oldKeep?.id, method: 'stream', status: 'active' });
    expect(sha256(await readFile(emulator.storedFile(renewed?.filePath ?? '') ?? ''))).toBe(sha256(keepData));

    // Route 2: a fresh upload whose local file is then deleted; its link still works, so the server fetches it.
    const fresh = join(dir, 'fresh.bin');
    const freshData = randomBytes(30_000);
    await writeFile(fresh, freshData);
    expect((await runKiedrop(['upload', fresh], { ...env, ...later })).code).toBe(0);
    await rm(fresh);
    const [oldFresh] = await history(['--search', 'fresh.bin'], later);
    const logMark = emulator.log.length;
    const viaLink = await runKiedrop(['renew', String(oldFresh?.id)], { ...env, ...later });
    expect(viaLink.code).toBe(0);
    expect(viaLink.stdout).toContain('asked the server to fetch the still-live link');
    const [refetched] = await history(['--search', 'fresh.bin', '--limit', '1'], later);
    expect(refetched).toMatchObject({ renewOf: oldFresh?.id, method: 'url', status: 'active' });
    expect(refetched?.downloadUrl).not.toBe(oldFresh?.downloadUrl);
    expect(sha256(await readFile(emulator.storedFile(refetched?.filePath ?? '') ?? ''))).toBe(
      sha256(freshData),
    );
    const since = emulator.log.slice(logMark).map((e) => `${e.path} ${e.status}`);
    expect(since).toContain('/api/file-url-upload 200');
    expect(since).not.toContain('/api/file-stream-upload 200');

    // Neither route is left for an expired link whose file is gone: a clear refusal, nothing queued.
    await rm(lost);
    const oldLost = (await history(['--search', 'lost.bin'], later))[0];
    const refused = await runKiedrop(['renew', String(oldLost?.id)], { ...env, ...later });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Cannot renew "lost\.bin" .* the link has expired\. Upload the file again instead\.\n$/u,
    );
    expect(JSON.parse((await runKiedrop(['queue', '--json'], env)).stdout)).toEqual({
      unfinished: [],
      failed: [],
    });
  });
});
