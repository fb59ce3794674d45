// `kiedrop upload *.txt | head -1`: the reader of stdout goes away after the first link. The uploads
// must not die half-way with a stack trace: they go on, and stderr says in one line what happened.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop, startKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const FILES = 20;

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await makeTempDir('kiedrop-hostile-epipe-');
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe('stdout closed early', () => {
  it('upload | head -1 finishes every upload and says so on stderr, without a stack trace', async () => {
    const env = cliEnv(emu, { dataDir: join(dir, 'data'), keychainService: `KieDropEpipe-${process.pid}` });
    const files: string[] = [];
    for (let i = 0; i < FILES; i++) files.push(await writeFileIn(dir, `f${i}.txt`, `file ${i}`));
    // Each upload takes a moment, so the reader is gone long before the last link is printed.
    emu.faults.add({ path: '/api/file-stream-upload', latencyMs: 40 });
    const before = emu.log.filter((e) => e.status === 200).length;

    const run = startKiedrop(['upload', '--concurrency', '2', ...files], env);
    // What `head -1` does: read up to the first line, then close the pipe.
    run.child.stdout.on('data', () => {
      if (run.out.stdout.includes('\n')) run.child.stdout.destroy();
    });
    const { code, stderr } = await run.done;
    emu.faults.clear();

    expect(stderr).not.toMatch(/\n\s+at |Error:|EPIPE.*\n.*EPIPE/su);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `kiedrop: output closed early (EPIPE); the uploads went on: ${FILES} uploaded. Their links are in \`kiedrop history\`.`,
    ]);
    expect(code).toBe(0);
    expect(emu.log.filter((e) => e.status === 200).length - before).toBe(FILES);

    const history = await runKiedrop(['history', '--json'], env);
    expect((JSON.parse(history.stdout) as { total: number }).total).toBe(FILES);
    const queue = await runKiedrop(['queue', '--json'], env);
    expect(queue.stdout).not.toMatch(/"status": "(queued|uploading)"/u);
  });
});
