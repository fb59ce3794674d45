// `kiedrop upload --plain`, as Typora's "Custom Command" uploader runs it: stdout holds only the
// links, one a line, in the order the files were given, whatever order the uploads finish in.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-plain-');
  env = cliEnv(emulator, { dataDir: join(dir, 'data'), keychainService: `KieDropPlainTest-${process.pid}` });
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('kiedrop upload --plain', () => {
  it('prints only the links, in the order given, each serving its own file', async () => {
    // The big one first: it finishes last, yet its link comes first.
    const big = await writeFileIn(dir, 'big.png', Buffer.alloc(3 * 1024 * 1024, 7));
    const small = await writeFileIn(dir, 'small.png', 'tiny');
    const { code, stdout, stderr } = await runKiedrop(['upload', '--plain', big, small], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    const links = lines.slice(0, -1);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(/^https?:\/\/\S+$/);
    expect(links[0]).toContain('big.png');
    expect(links[1]).toContain('small.png');
    expect(await fetch(links[1] ?? '').then((r) => r.text())).toBe('tiny');
  });

  it('refuses --plain with --json', async () => {
    const file = await writeFileIn(dir, 'a.txt', 'a');
    const { code, stdout, stderr } = await runKiedrop(['upload', '--plain', '--json', file], env);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('--plain and --json cannot be used together');
  });
});
