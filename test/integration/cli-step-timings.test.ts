// KIEDROP_TEST_TIMINGS=1 (test-only, docs/cli.md) makes `kiedrop upload` say when each of its steps was
// reached, which is how the start-up bench tells where a one-file upload's time goes; without it, nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { PROJECT_ROOT } from '../harness';

const run = promisify(execFile);
let root: string;
let emulator: Emulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiedrop-step-timings-'));
  emulator = await startEmulator();
  env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_'))),
    KIEDROP_API_KEY: emulator.apiKey,
    KIEDROP_BASE_URL: emulator.url,
    KIEDROP_CREDITS_URL: emulator.url,
    KIEDROP_DATA_DIR: join(root, 'data'),
  };
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const upload = (file: string, extra: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [join(PROJECT_ROOT, 'bin', 'kiedrop.js'), 'upload', file, '--json'], {
    env: { ...env, ...extra },
  });

describe('KIEDROP_TEST_TIMINGS', () => {
  it('reports each step of an upload once, in order, and nothing when unset', async () => {
    const file = join(root, 'one.txt');
    await writeFile(file, 'timed\n');
    const timed = await upload(file, { KIEDROP_TEST_TIMINGS: '1' });
    const lines = timed.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const steps = JSON.parse(lines[0]!.replace(/^kiedrop-timings /, '')) as Record<string, number>;
    // Queuing and the start of sending may come in either order; the rest follow one another.
    expect(Object.keys(steps).sort()).toEqual(
      [
        'cli loaded',
        'command loaded',
        'database open',
        'queued',
        'sending',
        'recorded',
        'uploads finished',
        'links printed',
        'database closed',
        'exit',
      ].sort(),
    );
    expect(Object.keys(steps).at(0)).toBe('cli loaded');
    expect(Object.keys(steps).at(-1)).toBe('exit');
    expect(steps['recorded']).toBeLessThan(steps['links printed']!);
    const times = Object.values(steps);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const plain = await upload(file);
    expect(plain.stderr).toBe('');
    expect((JSON.parse(plain.stdout) as { status: string }[])[0]?.status).toBe('done');
  });
});
