// Runs against a real Secret Service: `sh scripts/with-keyring.sh npx vitest run test/integration/keychain-store.test.ts`
// (a private D-Bus session with an unlocked gnome-keyring). Each test uses its own service name, so the
// user's real "KieDrop" entry is never read or written.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeychainStore, NO_SECRET_SERVICE_MESSAGE } from '../../src/main/core/secrets';

const run = promisify(execFile);
const REPO_ROOT = join(import.meta.dirname, '..', '..');
const KEY = 'kie-test-0123456789abcdef-f3a9';

let counter = 0;
const services: string[] = [];
function uniqueService(): string {
  const service = `KieDropTest-${process.pid}-${Date.now()}-${counter++}`;
  services.push(service);
  return service;
}

/** What the Secret Service itself holds, read with libsecret's own tool rather than our code. */
async function secretToolLookup(service: string, account = 'api-key'): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'username', account]);
    return stdout;
  } catch (err) {
    if ((err as { code?: unknown }).code === 1) return null;
    throw err;
  }
}

afterEach(async () => {
  for (const service of services.splice(0))
    await createKeychainStore({ service })
      .clearKey()
      .catch(() => false);
});

describe('keychain store with a real Secret Service', () => {
  it('reports the Secret Service as available', async () => {
    const status = await createKeychainStore({ service: uniqueService() }).status();
    expect(status, 'run this file through scripts/with-keyring.sh').toEqual({
      available: true,
      backend: 'Secret Service',
    });
  });

  it('saves, reads back and clears the key in the Secret Service itself', async () => {
    const service = uniqueService();
    const store = createKeychainStore({ service });
    expect(await store.getKey()).toBeNull();

    await store.setKey(`  ${KEY}\n`);
    expect(await store.getKey()).toBe(KEY);
    expect(await secretToolLookup(service)).toBe(KEY);

    expect(await store.clearKey()).toBe(true);
    expect(await store.getKey()).toBeNull();
    expect(await secretToolLookup(service)).toBeNull();
    expect(await store.clearKey()).toBe(false);
  });

  it('replaces an older key instead of keeping two', async () => {
    const service = uniqueService();
    const store = createKeychainStore({ service });
    await store.setKey('old-key-0000000000');
    await store.setKey(KEY);
    expect(await store.getKey()).toBe(KEY);
    expect(await secretToolLookup(service)).toBe(KEY);
  });

  it('keeps entries of different services apart', async () => {
    const a = createKeychainStore({ service: uniqueService() });
    const b = createKeychainStore({ service: uniqueService() });
    await a.setKey(KEY);
    expect(await b.getKey()).toBeNull();
  });

  it('refuses a key with whitespace inside and stores nothing', async () => {
    const service = uniqueService();
    const store = createKeychainStore({ service });
    await expect(store.setKey('abc def-0123456789')).rejects.toThrow(/spaces or line breaks/);
    await expect(store.setKey('   ')).rejects.toThrow(/empty/);
    expect(await store.getKey()).toBeNull();
    expect(await secretToolLookup(service)).toBeNull();
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('keychain store without a Secret Service', () => {
  let home: string | undefined;
  afterEach(async () => {
    if (home !== undefined) await rm(home, { recursive: true, force: true });
    home = undefined;
  });

  it('says it is unavailable, refuses to save, and writes the key nowhere', async () => {
    home = await mkdtemp(join(tmpdir(), 'kiedrop-nokeyring-'));
    const service = `KieDropTest-nosvc-${process.pid}-${Date.now()}`;
    // A child with no session bus at all: what a bare SSH login or a minimal desktop looks like.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_RUNTIME_DIR: home,
    };
    const script = `
      const { createKeychainStore } = await import('./src/main/core/secrets/index.ts');
      const { Entry } = await import('@napi-rs/keyring');
      const store = createKeychainStore({ service: ${JSON.stringify(service)} });
      const out = { status: await store.status() };
      try { await store.setKey(${JSON.stringify(KEY)}); out.set = 'saved'; }
      catch (e) { out.set = { name: e.name, kind: e.kind, message: e.message }; }
      try { out.get = await store.getKey(); } catch (e) { out.get = { kind: e.kind }; }
      // The silent fallback this module exists to avoid: the kernel keyring must not hold the key.
      try { out.kernel = new Entry(${JSON.stringify(service)}, 'api-key', { linux: { store: 'keyutils' } }).getPassword(); }
      catch { out.kernel = null; }
      console.log(JSON.stringify(out));
    `;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env,
    });
    const out = JSON.parse(stdout) as Record<string, unknown>;

    expect(out['status']).toEqual({ available: false, reason: NO_SECRET_SERVICE_MESSAGE });
    expect(out['set']).toEqual({
      name: 'KeychainError',
      kind: 'unavailable',
      message: NO_SECRET_SERVICE_MESSAGE,
    });
    expect(out['get']).toEqual({ kind: 'unavailable' });
    expect(out['kernel']).toBeNull();

    // No plain-text fallback: nothing under the temporary HOME mentions the key.
    for (const file of await listFiles(home)) {
      expect(await readFile(file, 'utf8'), file).not.toContain(KEY);
    }
  });
});
