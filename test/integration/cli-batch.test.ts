// A batch of thousands of files through the built `kiedrop` binary, against the emulator: the whole batch
// finishes, every file is uploaded exactly once, and each gets its printed link and its history entry.
// The job runner used to ask the database about every unfinished job twice a second, so a batch this
// size spent its time polling and a larger one never finished.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const FILES = 2000;

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
let files: string[];

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-batch-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliBatchTest-${process.pid}`,
  });
  files = Array.from({ length: FILES }, (_, i) => join(dir, `f-${String(i).padStart(4, '0')}.bin`));
  // Each file's bytes are its own, so a link serving the wrong file cannot pass.
  for (let i = 0; i < FILES; i += 200) {
    await Promise.all(
      files.slice(i, i + 200).map((f) => writeFile(f, Buffer.concat([Buffer.from(f), randomBytes(512)]))),
    );
  }
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe(`kiedrop upload of ${FILES.toLocaleString('en')} files`, () => {
  it('finishes with each file uploaded exactly once, its link printed and in the history', async () => {
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', ...files, '--concurrency', '4', '--path', 'batch'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);

    // One line per file: its name, its link, its expiry.
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(FILES);
    const links = new Map<string, string>();
    for (const line of lines) {
      const match = /^(\S+)\s+(http\S+)\s+expires /u.exec(line);
      expect(match, line).not.toBeNull();
      links.set(match?.[1] ?? '', match?.[2] ?? '');
    }
    expect([...links.keys()].sort()).toEqual(files.map((f) => basename(f)));
    expect(new Set(links.values()).size).toBe(FILES);

    // The server received exactly one upload per file, and each link's file holds that file's bytes.
    const uploads = emulator.log.slice(before).filter((r) => r.path === '/api/file-stream-upload');
    expect(uploads).toHaveLength(FILES);
    expect(uploads.every((r) => r.status === 200)).toBe(true);
    for (const file of files) {
      const filePath = /\/files\/(.+)$/u.exec(links.get(basename(file)) ?? '')?.[1] ?? '';
      const stored = emulator.storedFile(decodeURIComponent(filePath));
      expect(stored, file).toBeDefined();
      expect((await readFile(stored ?? '')).equals(await readFile(file)), file).toBe(true);
    }

    const history = await runKiedrop(['history', '--json', '--limit', '1'], env);
    const { entries, total } = JSON.parse(history.stdout) as {
      entries: { downloadUrl: string; localPath: string }[];
      total: number;
    };
    expect(total).toBe(FILES);
    expect(links.get(basename(entries[0]?.localPath ?? ''))).toBe(entries[0]?.downloadUrl);
  }, 40_000);
});
