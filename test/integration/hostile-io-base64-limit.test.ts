// A file just over the Base64 limit: "10.0 MB is over 10.0 MB" helps nobody, so when the rounded
// sizes look the same the message shows the exact byte counts.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const LIMIT = 10 * 1024 * 1024;

let emu: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await makeTempDir('kiedrop-hostile-b64-');
  env = cliEnv(emu, { dataDir: join(dir, 'data'), keychainService: `KieDropB64Limit-${process.pid}` });
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop upload --base64 over the limit', () => {
  it('shows exact bytes for a file one byte over, and sends nothing', async () => {
    const file = await writeFileIn(dir, 'edge.bin', Buffer.alloc(LIMIT + 1));
    const r = await runKiedrop(['upload', '--base64', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kiedrop: ${file} is 10,485,761 bytes; Base64 uploads take at most 10,485,760 bytes. ` +
        'Leave out --base64 to stream it instead.\n',
    );
    expect(emu.log).toHaveLength(0);
  });

  it('keeps megabytes when they already show the difference', async () => {
    const file = await writeFileIn(dir, 'big.bin', Buffer.alloc(12 * 1024 * 1024));
    const r = await runKiedrop(['upload', '--base64', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kiedrop: ${file} is 12.0 MB; Base64 uploads take at most 10.0 MB. Leave out --base64 to stream it instead.\n`,
    );
  });
});
