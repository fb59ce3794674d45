// `kiedrop save ID [--output PATH]` as a user runs it: a real process, the emulator's download links, and
// files in a temp folder. The bytes saved are the bytes the link serves; nothing is left behind on refusal.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const DAY = 24 * 60 * 60 * 1000;

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-save-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliSaveTest-${process.pid}`,
  });
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop save', () => {
  it('writes the bytes the link serves to --output, refuses to replace a file, and refuses a dead link', async () => {
    const data = randomBytes(30_000);
    const source = join(dir, 'report.bin');
    await writeFile(source, data);
    const up = await runKiedrop(['upload', source, '--json'], env);
    expect(up.code).toBe(0);
    const [entry] = JSON.parse(up.stdout) as { historyId: number }[];
    const id = `h${entry?.historyId}`;

    const out = join(dir, 'saved', 'copy.bin');
    await mkdir(join(dir, 'saved'));
    const saved = await runKiedrop(['save', id, '--output', out], env);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(`Saved ${id} report.bin (30000 bytes) to ${out}\n`);
    expect(await readFile(out)).toEqual(data);

    // A folder as --output: saved inside it under the entry's name, and --json says where.
    const json = await runKiedrop(['save', id, '-o', join(dir, 'saved'), '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      fileName: 'report.bin',
      path: join(dir, 'saved', 'report.bin'),
      size: 30_000,
    });

    // The same place again: the existing file is left alone.
    const again = await runKiedrop(['save', id, '--output', out], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Not saved: ${out} already exists. Choose another place with --output.`);

    // Three days on, the link is gone. Before the CLI's clock says so, the host's 404 is the reason;
    // after, the expiry is. Either way nothing is written.
    emulator.clock.advance(3 * DAY + 1000);
    const gone = await runKiedrop(['save', id, '--output', join(dir, 'saved', 'gone.bin')], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(
      `Not saved: ${id} report.bin could not be downloaded: the link no longer works (HTTP 404): the file is gone.`,
    );
    const late = await runKiedrop(['save', id, '--output', join(dir, 'saved', 'late.bin')], {
      ...env,
      KIEDROP_NOW_OFFSET_MS: String(3 * DAY + 1000),
    });
    expect(late.code).toBe(1);
    expect(late.stderr).toContain(`Not saved: the link of ${id} report.bin has expired.`);
    expect((await readdir(join(dir, 'saved'))).sort()).toEqual(['copy.bin', 'report.bin']);
  });
});
