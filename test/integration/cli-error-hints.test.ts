// The built `kiedrop` words a failure's fix for the command line, by the failure's code: the flag or
// variable to check, never the desktop app's Settings, in the failure line and in `history --status failed`.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-hints-');
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a failed upload on the command line', () => {
  it('points at --base-url when the address leads nowhere, and so does the list of failed uploads', async () => {
    const port = await closedPort();
    const env = {
      ...cliEnv(emulator, {
        dataDir: join(dir, 'data-refused'),
        keychainService: `KieDropHints-${process.pid}`,
      }),
      KIEDROP_BASE_URL: `http://127.0.0.1:${port}`,
      KIEDROP_RETRY_MAX_ATTEMPTS: '1',
    };
    const file = await writeFileIn(dir, 'nowhere.txt', 'nowhere');
    const upload = await runKiedrop(['upload', file], env);
    expect(upload.code).toBe(1);
    expect(upload.stderr).toContain(
      `Could not connect to 127.0.0.1:${port}: connection refused. ` +
        'Check --base-url (or KIEDROP_BASE_URL) and that the server is running. (Gave up after 1 attempt.)',
    );
    expect(upload.stderr).not.toContain('Settings');

    const failed = await runKiedrop(['history', '--status', 'failed'], env);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('Check --base-url (or KIEDROP_BASE_URL)');
    expect(failed.stdout).not.toContain('Settings');
  });

  it('points at --base-url in what `share` says about a file it could not upload', async () => {
    const port = await closedPort();
    const env = {
      ...cliEnv(emulator, {
        dataDir: join(dir, 'data-share'),
        keychainService: `KieDropHints-${process.pid}`,
      }),
      KIEDROP_BASE_URL: `http://127.0.0.1:${port}`,
      KIEDROP_RETRY_MAX_ATTEMPTS: '1',
    };
    const file = await writeFileIn(dir, 'shared.txt', 'shared');
    const { code, stderr } = await runKiedrop(['share', file], env, {
      dropEnv: ['DISPLAY', 'WAYLAND_DISPLAY'],
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `Could not connect to 127.0.0.1:${port}: connection refused. Check --base-url (or KIEDROP_BASE_URL)`,
    );
    expect(stderr).not.toContain('Settings');
  });

  it('points at --base-url when the server there has no such endpoint', async () => {
    const env = {
      ...cliEnv(emulator, { dataDir: join(dir, 'data-404'), keychainService: `KieDropHints-${process.pid}` }),
      KIEDROP_BASE_URL: `${emulator.url}/not-the-api`,
    };
    const file = await writeFileIn(dir, 'astray.txt', 'astray');
    const { code, stderr } = await runKiedrop(['upload', file], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/has no such endpoint \(404\).*\. Check --base-url \(or KIEDROP_BASE_URL\)\./u);
    expect(stderr).not.toContain('Settings');
  });
});
