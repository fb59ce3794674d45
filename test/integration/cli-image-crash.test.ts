// A `kiedrop upload --optimize` killed with SIGKILL while it processes a large picture: `kiedrop queue
// --resume` processes it again from the untouched original, uploads it exactly once, and leaves no
// processed file behind in the data folder.
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_TEMP_FOLDER_NAME } from '../../src/main/core/images';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { answeredUploads, storedBytes } from '../support/emulator-records';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';
import { writeLargeNoisyPng } from '../support/test-images';
import { until } from '../support/wait-until';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
let picture: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-image-crash-');
  // 16 megapixels of noise: encoding it takes seconds, long enough to be killed in the middle.
  picture = await writeLargeNoisyPng(dir, 4000);
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropImageCrash-${process.pid}`,
    fastRetries: true,
  });
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const tempFolder = (): string => join(dir, 'data', IMAGE_TEMP_FOLDER_NAME);

describe('killed while optimising', () => {
  it('is resumed once, from the original, with no processed file left', { timeout: 120_000 }, async () => {
    const original = await readFile(picture);
    const run = startKiedrop(['upload', picture, '--optimize', '--path', 'crash'], env);
    // The temporary folder appears when processing starts (the upload only follows it).
    await until('processing started', () => existsSync(tempFolder()), { timeoutMs: 60_000, everyMs: 5 });
    run.child.kill('SIGKILL');
    await run.done;
    expect(run.child.signalCode).toBe('SIGKILL');
    // Killed mid-way: the job is still marked as being uploaded by the dead process.
    const left = JSON.parse((await runKiedrop(['queue', '--json'], env)).stdout) as { unfinished: unknown[] };
    expect(left.unfinished).toHaveLength(1);
    // Killed before anything was sent.
    expect(emulator.log.filter((e) => e.path.includes('upload'))).toEqual([]);

    const resumed = await runKiedrop(['queue', '--resume'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(answeredUploads(emulator), resumed.stdout + resumed.stderr).toBe(1);
    const history = await runKiedrop(['history', '--json'], env);
    const { entries } = JSON.parse(history.stdout) as { entries: { fileName: string; filePath: string }[] };
    expect(entries.map((e) => e.fileName)).toEqual(['large.webp']);
    const stored = await storedBytes(emulator, entries[0]?.filePath ?? '');
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 4000, 4000]);
    expect(await readdir(tempFolder())).toEqual([]);
    expect((await readFile(picture)).equals(original)).toBe(true);
  });
});
