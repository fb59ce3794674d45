// `kiedrop key …` and uploads with the key from the keychain, through a real Secret Service. Run with
// `sh scripts/with-keyring.sh npx vitest run test/integration/cli-keychain.test.ts`.
// KIEDROP_KEYCHAIN_SERVICE points the CLI at a throw-away entry, so the user's real key is never touched.
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore, keyHint, NO_SECRET_SERVICE_MESSAGE } from '../../src/main/core/secrets';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const SERVICE = `KieDropCliKeyTest-${process.pid}-${Date.now()}`;
/** With the session bus out of reach, no Secret Service can be found. */
const NO_BUS = { dropEnv: ['DBUS_SESSION_BUS_ADDRESS'] };

/** Reads the entry with libsecret's own tool, to prove the key really sits in the Secret Service. */
async function inSecretService(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('secret-tool', [
      'lookup',
      'service',
      SERVICE,
      'username',
      'api-key',
    ]);
    return stdout;
  } catch (err) {
    if ((err as { code?: unknown }).code === 1) return null;
    throw err;
  }
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-key-');
  // No KIEDROP_API_KEY: the key under test is the one in the keychain.
  env = cliEnv(emulator, { dataDir: join(dir, 'data'), keychainService: SERVICE, apiKey: false });
});

afterAll(async () => {
  await createKeychainStore({ service: SERVICE })
    .clearKey()
    .catch(() => false);
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

// These steps build on each other, like a user's first session: no key, a wrong key, the right key, use it.
describe('key set → key test → upload → key clear', () => {
  it('asks for a key when none is stored (exit 2)', async () => {
    const { code, stdout, stderr } = await runKiedrop(['credits'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('kiedrop: No API key. Run `kiedrop key set` (or set KIEDROP_API_KEY).\n');
  });

  it('refuses a key the API rejects, and saves nothing', async () => {
    const wrong = 'not-the-right-key-0123456789';
    const { code, stderr, stdout } = await runKiedrop(['key', 'set'], env, { input: `${wrong}\n` });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('kiedrop: That key was rejected by the API; nothing was saved.\n');
    expect(await inSecretService()).toBeNull();
  });

  it('refuses a key with a space inside before asking the API', async () => {
    const before = emulator.log.length;
    const { code, stderr } = await runKiedrop(['key', 'set'], env, { input: 'two words-0123456789\n' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^kiedrop: The API key contains spaces or line breaks/u);
    expect(emulator.log.length).toBe(before);
    expect(await inSecretService()).toBeNull();
  });

  it('checks a piped-in key with the API and saves it in the Secret Service', async () => {
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(['key', 'set'], env, { input: `${emulator.apiKey}\n` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`API key saved in the system keychain (${keyHint(emulator.apiKey)}).\n`);
    expect(emulator.log.slice(before).map((e) => e.path)).toEqual(['/api/v1/chat/credit']);
    expect(await inSecretService()).toBe(emulator.apiKey);
  });

  it('tests the stored key with the credits call', async () => {
    emulator.setCredits(100);
    const { code, stdout } = await runKiedrop(['key', 'test'], env);
    expect(code).toBe(0);
    expect(stdout).toBe(`Key ${keyHint(emulator.apiKey)} works: 100 credits left.\n`);
    expect(stdout).not.toContain(emulator.apiKey);
  });

  it('uploads with the stored key and no KIEDROP_API_KEY', async () => {
    const bytes = Buffer.from('uploaded with the keychain key\n'.repeat(500));
    const file = join(dir, 'keychain.txt');
    await writeFile(file, bytes);
    const { code, stdout } = await runKiedrop(['upload', file, '--path', 'keyflow'], env);
    expect(code).toBe(0);
    const filePath =
      /^keychain\.txt {2}http:\/\/\S+\/files\/(kieai\/\d+\/keyflow\/\w+\/keychain\.txt) {2}expires /u.exec(
        stdout,
      )?.[1];
    expect(filePath, stdout).toBeDefined();
    expect(sha256(await readFile(emulator.storedFile(filePath ?? '') ?? ''))).toBe(sha256(bytes));
  });

  it('lets KIEDROP_API_KEY win over the stored key, without storing it', async () => {
    const envKey = 'env-only-key-0123456789-abcd';
    const { code, stderr } = await runKiedrop(['key', 'test'], { ...env, KIEDROP_API_KEY: envKey });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^kiedrop: Key …abcd \(from KIEDROP_API_KEY\) was rejected by the API/u);
    expect(stderr).not.toContain(envKey);
    expect(await inSecretService()).toBe(emulator.apiKey);
  });

  it('saves without asking the API when given --no-verify', async () => {
    const unchecked = 'unchecked-key-0123456789-wxyz';
    const before = emulator.log.length;
    const set = await runKiedrop(['key', 'set', '--no-verify'], env, { input: unchecked });
    expect(set.code).toBe(0);
    expect(emulator.log.length).toBe(before);
    expect(await inSecretService()).toBe(unchecked);
    const test = await runKiedrop(['key', 'test'], env);
    expect(test.code).toBe(1);
    expect(test.stderr).toBe(
      'kiedrop: Key …wxyz was rejected by the API (401). Run `kiedrop key set` with a current key.\n',
    );
  });

  it('removes the key, and says so when there is none', async () => {
    const first = await runKiedrop(['key', 'clear'], env);
    expect(first).toMatchObject({ code: 0, stdout: 'API key removed from the system keychain.\n' });
    expect(await inSecretService()).toBeNull();
    const second = await runKiedrop(['key', 'clear'], env);
    expect(second).toMatchObject({ code: 0, stdout: 'No API key was stored.\n' });
  });
});

describe('without a Secret Service', () => {
  let home: string;
  let bare: Record<string, string>;
  beforeAll(async () => {
    home = await makeTempDir('kiedrop-cli-nokeyring-');
    // No session bus reachable: the situation on a bare SSH login or a minimal desktop.
    bare = {
      ...env,
      HOME: home,
      XDG_RUNTIME_DIR: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
    };
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('refuses `key set` plainly, before sending or saving the key anywhere', async () => {
    const key = emulator.apiKey;
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(['key', 'set'], bare, { ...NO_BUS, input: `${key}\n` });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`kiedrop: ${NO_SECRET_SERVICE_MESSAGE}\n`);
    expect(emulator.log.length).toBe(before);
    const files = await readdir(home, { recursive: true, withFileTypes: true });
    for (const f of files.filter((e) => e.isFile())) {
      expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toContain(key);
    }
  });

  it('explains why there is no key, and works with KIEDROP_API_KEY instead', async () => {
    const noKey = await runKiedrop(['credits'], bare, NO_BUS);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toBe(`kiedrop: No API key. ${NO_SECRET_SERVICE_MESSAGE}\n`);
    const withEnv = await runKiedrop(['credits'], { ...bare, KIEDROP_API_KEY: emulator.apiKey }, NO_BUS);
    expect(withEnv.code).toBe(0);
    expect(withEnv.stdout).toMatch(/^\d+ credits left\.\n$/u);
  });
});
