// Acceptance, bad input: a clear error and nothing lost. A file deleted while it waits in the queue fails
// with that reason while the others go on; a file changed while queued is sent as it is now, with a note;
// a server answering 200 with garbage fails that job with the raw answer kept; a locked database is one
// clear line, with nothing sent.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');
const LOCKED_LINE =
  'kiedrop: The KieDrop database is locked by another program; close other KieDrop windows or try again.\n';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startKiedrop(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<RunResult> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin?.end();
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const runKiedrop = (args: string[], env: Record<string, string>): Promise<RunResult> =>
  startKiedrop(args, env).done;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Outcome {
  file: string;
  status: string;
  filePath?: string;
  error?: { kind: string; message: string };
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-acceptance-bad-'));
  env = {
    KIEDROP_API_KEY: emulator.apiKey,
    KIEDROP_BASE_URL: emulator.url,
    KIEDROP_CREDITS_URL: emulator.url,
    KIEDROP_KEYCHAIN_SERVICE: `KieDropAcceptanceBad-${process.pid}`,
    KIEDROP_DATA_DIR: join(dir, 'data'),
    KIEDROP_RETRY_BASE_MS: '5',
  };
});
afterEach(async () => {
  emulator.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

async function makeFiles(names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      await writeFile(path, `original ${name}`);
      return path;
    }),
  );
}

describe('files that change under the queue', () => {
  it('fails a file deleted while queued with that reason, sends a changed one as it is now, and goes on', async () => {
    const files = await makeFiles(['a.txt', 'b.txt', 'c.txt', 'deleted.txt', 'changed.txt', 'f.txt']);
    // One at a time, each answer slow: the last files are still waiting while the first are sent.
    emulator.faults.add({ path: '/api/file-stream-upload', latencyMs: 300 });
    const before = emulator.log.length;
    const run = startKiedrop(['upload', ...files, '--concurrency', '1', '--json'], env);
    await until(() => emulator.log.slice(before).some((e) => e.status === 200), 20_000, 'the first upload');
    await rm(files[3] ?? '');
    await writeFile(files[4] ?? '', 'rewritten while it waited');
    const { code, stdout, stderr } = await run.done;

    expect(code).toBe(1);
    const outcomes = JSON.parse(stdout) as Outcome[];
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'failed', 'done', 'done']);
    expect(outcomes[3]?.error).toEqual({ kind: 'local-file', message: `File not found: ${files[3]}` });
    expect(await readFile(emulator.storedFile(outcomes[4]?.filePath ?? '') ?? '', 'utf8')).toBe(
      'rewritten while it waited',
    );
    expect(stderr.trimEnd().split('\n').sort()).toEqual(
      [
        `kiedrop: File not found: ${files[3]}`,
        `kiedrop: note: ${files[4]}: The file changed after it was queued; the newer content was uploaded.`,
      ].sort(),
    );
    const failed = await runKiedrop(['history', '--status', 'failed'], env);
    expect(failed.stdout).toMatch(/^\d+ +deleted\.txt +1 +File not found: /mu);
  });
});

describe('a server that answers 200 with a malformed body', () => {
  it('fails that job with the raw answer kept, uploads the rest, and does not crash', async () => {
    const files = await makeFiles(['first.txt', 'second.txt', 'third.txt']);
    const garbage = '<html><body>502 Bad Gateway from a proxy</body></html>';
    emulator.faults.add({ path: '/api/file-stream-upload', malformedBody: garbage, times: 1 });
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', ...files, '--concurrency', '1', '--json'],
      env,
    );
    expect(code).toBe(1);
    const outcomes = JSON.parse(stdout) as Outcome[];
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'done', 'done']);
    expect(outcomes[0]?.error?.kind).toBe('invalid-response');
    expect(outcomes[0]?.error?.message).toContain(garbage);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kiedrop: .*first\.txt: .*502 Bad Gateway from a proxy/u);
    expect(stderr).not.toMatch(/unexpected error/u);
    // Kept for later: the reason is in the failed list, and a retry (the proxy fixed) succeeds.
    const failed = await runKiedrop(['history', '--status', 'failed', '--json'], env);
    const { jobs } = JSON.parse(failed.stdout) as { jobs: { fileName: string; lastError: string }[] };
    expect(jobs.map((j) => j.fileName)).toEqual(['first.txt']);
    expect(jobs[0]?.lastError).toContain(garbage);
    expect((await runKiedrop(['queue', '--retry-failed'], env)).code).toBe(0);
  });
});

describe('a locked database', () => {
  it('gets one clear line and sends nothing; once released, all works', { timeout: 60_000 }, async () => {
    const [file] = await makeFiles(['locked.txt']);
    // Create the database, then hold it the way a stuck program would: an exclusive lock, never released.
    expect((await runKiedrop(['history'], env)).code).toBe(0);
    const holder = new Database(join(dir, 'data', 'kiedrop.db'));
    holder.exec('PRAGMA locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const listing = await runKiedrop(['history'], env);
      expect(listing).toEqual({ code: 1, stdout: '', stderr: LOCKED_LINE });
      const before = emulator.log.length;
      const upload = await runKiedrop(['upload', file ?? ''], env);
      expect(upload).toEqual({ code: 1, stdout: '', stderr: LOCKED_LINE });
      expect(emulator.log.length).toBe(before);
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    const upload = await runKiedrop(['upload', file ?? ''], env);
    expect(upload.code).toBe(0);
    expect(upload.stdout).toMatch(/^locked\.txt {2}http:/u);
  });
});
