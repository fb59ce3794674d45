// `kiedrop watch` as a person runs it: a real process watching a real folder, uploading to the emulator,
// stopped with Ctrl-C (SIGINT); then `--list` and `--remove` on the folder it saved.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');

interface Running {
  child: ChildProcessWithoutNullStreams;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

let emu: Emulator;
let dir: string;
let watched: string;
let env: Record<string, string>;
const running: Running[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function start(args: string[]): Running {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  child.stdin.end();
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const run = { child, out, exited };
  running.push(run);
  return run;
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = start(args);
  const code = await r.exited;
  return { code, ...r.out };
}

const serverUploads = (): number =>
  emu.log.filter((e) => e.path === '/api/file-stream-upload' && e.status === 200).length;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.log.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-watch-cli-'));
  watched = join(dir, 'inbox');
  await mkdir(watched);
  env = {
    KIEDROP_API_KEY: emu.apiKey,
    KIEDROP_BASE_URL: emu.url,
    KIEDROP_CREDITS_URL: emu.url,
    KIEDROP_KEYCHAIN_SERVICE: `KieDropWatchCliTest-${process.pid}`,
    KIEDROP_DATA_DIR: join(dir, 'data'),
    KIEDROP_RETRY_BASE_MS: '5',
  };
});
afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await r.exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop watch', () => {
  it('uploads files that appear, prints their links, stops cleanly on Ctrl-C, and remembers them', async () => {
    const first = start([
      'watch',
      watched,
      '--path',
      'shots',
      '--quiet-ms',
      '300',
      '--include',
      '*.txt,*.png',
    ]);
    await until('watching to begin', () => first.out.stderr.includes(`watching ${watched}`));
    expect(first.out.stderr).toContain('Saved folder #1');
    await writeFile(join(watched, 'a.txt'), 'hello');
    await writeFile(join(watched, 'skip.doc'), 'not included');
    await until('the link line', () => /a\.txt\s+http:\/\/127\.0\.0\.1:\d+\/\S+/.test(first.out.stdout));
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.out.stderr).toContain('stopped watching; 1 uploaded');
    expect(first.out.stdout).not.toContain('skip.doc');

    // Started again: the saved folder and its ledger are reused, so a.txt is not sent twice.
    const second = start(['watch', watched]);
    await until('watching to begin again', () => second.out.stderr.includes(`watching ${watched}`));
    expect(second.out.stderr).toContain('Using saved folder #1');
    await writeFile(join(watched, 'b.png'), 'png bytes');
    await until('the second link', () => second.out.stdout.includes('b.png'));
    await sleep(800);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.out.stdout).not.toContain('a.txt');
    expect(serverUploads()).toBe(2);
  });

  it('lists the saved folders with their settings, and removes one by id', async () => {
    const watcher = start(['watch', watched, '--path', 'shots', '--no-recursive', '--quiet-ms', '300']);
    await until('watching to begin', () => watcher.out.stderr.includes(`watching ${watched}`));
    await writeFile(join(watched, 'a.txt'), 'hello');
    await until('the upload', () => watcher.out.stdout.includes('a.txt'));
    watcher.child.kill('SIGINT');
    await watcher.exited;

    const listed = await run(['watch', '--list', '--json']);
    expect(listed.code).toBe(0);
    const folders = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatchObject({
      id: 1,
      path: watched,
      uploadPath: 'shots',
      recursive: false,
      quietMs: 300,
    });
    expect(folders[0]?.['lastUploadAt']).toEqual(expect.any(Number));

    const table = await run(['watch', '--list']);
    expect(table.stdout).toMatch(/ID\s+STATE\s+UPLOAD PATH/);
    expect(table.stdout).toContain('top level only');

    const removed = await run(['watch', '--remove', '1']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Stopped watching #1 (${watched})`);
    expect((await run(['watch', '--list'])).stdout).toContain('No folders are watched');
    const again = await run(['watch', '--remove', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no watched folder #1');
  });

  it('refuses a folder that does not exist and a bad option value, saying why', async () => {
    const missing = await run(['watch', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Folder not found');
    const bad = await run(['watch', watched, '--quiet-ms', '5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--quiet-ms must be a whole number from 100 to 600000/);
  });
});
