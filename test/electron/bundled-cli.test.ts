// The `kiedrop` command the installed app carries, on the real Electron runtime: `electron <app> --cli --
// …` runs the command line tool and exits with its code, with no window (on Linux with no display at all:
// the wrappers pass --ozone-platform=headless, as here). Needs the runtime: `npm run test:electron` only.
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
let emulator: Emulator;
let root: string;

beforeAll(async () => {
  emulator = await startEmulator();
  root = await mkdtemp(join(tmpdir(), 'kiedrop-bundled-cli-'));
});
afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

function kiedrop(args: string[]) {
  const electronPath = process.env['KIEDROP_ELECTRON_PATH'];
  if (!electronPath)
    throw new Error('KIEDROP_ELECTRON_PATH is not set: run these through `npm run test:electron`.');
  const headless = process.platform === 'linux' ? ['--ozone-platform=headless'] : [];
  return run(electronPath, [PROJECT_ROOT, '--cli', ...headless, '--', ...args], {
    env: {
      ...process.env,
      DISPLAY: '',
      KIEDROP_DATA_DIR: join(root, 'data'),
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
    },
  });
}

describe('KieDrop --cli', () => {
  it('prints the version and exits 0', async () => {
    const { stdout } = await kiedrop(['--version']);
    expect(stdout).toBe('kiedrop 0.1.0\n');
  });

  it('uploads a file and prints its link', async () => {
    const file = join(root, 'from-electron.txt');
    await writeFile(file, 'sent by the command line inside the app');
    const { stdout } = await kiedrop(['upload', file]);
    expect(stdout).toMatch(/^from-electron\.txt\s+http:\/\/127\.0\.0\.1:\d+\/\S+/);
  });

  it('exits with the tool’s code for a usage error', async () => {
    const failure = await kiedrop(['uplod']).then(
      () => null,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('did you mean "upload"');
  });
});
