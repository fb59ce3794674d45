// The API key through the handler table, against the emulator and the real keychain: checked before it
// is kept, never shown to the window, and never in a message.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_REJECTED_MESSAGE, NO_KEY_MESSAGE } from '../../src/main/core/app-service';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import { handlerFailure } from '../support/failures';

const run = promisify(execFile);
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const WRONG_KEY = 'kie-revoked-key-0000000000';
let app: TestApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('saving a key', () => {
  it('checks the key with the API, keeps it in the keychain, and tells the window only its hint', async () => {
    app = await startTestApp();
    const h = app.service.handlers;
    const key = app.emulator.apiKey;
    expect(await h['key:state']()).toEqual({
      hasKey: false,
      hint: null,
      source: null,
      keychain: { available: true },
      rejected: false,
    });
    const state = await h['key:save'](key, { sessionOnly: false });
    expect(state).toEqual({
      hasKey: true,
      hint: `…${key.slice(-4)}`,
      source: 'keychain',
      keychain: { available: true },
      rejected: false,
    });
    expect(await app.secrets.getKey()).toBe(key);
    expect(
      app.emulator.log.some((r) => r.path === '/api/v1/chat/credit' && r.authorization === 'valid'),
    ).toBe(true);
    await app.waitForEvent('key-state', (s) => s.hasKey);
    await app.waitForEvent('credits', (n) => n === 100);
    expect(JSON.stringify(app.events)).not.toContain(key);
  });

  it('refuses a key the API rejects and saves nothing', async () => {
    app = await startTestApp();
    const err = await handlerFailure(app.service.handlers['key:save'](WRONG_KEY, { sessionOnly: false }));
    expect(err).toEqual({ kind: 'auth', message: KEY_REJECTED_MESSAGE });
    expect(await app.secrets.getKey()).toBeNull();
    expect((await app.service.handlers['key:state']()).hasKey).toBe(false);
  });

  it('refuses text that cannot be a key before calling the API', async () => {
    app = await startTestApp();
    const err = await handlerFailure(app.service.handlers['key:save']('two words', { sessionOnly: false }));
    expect(err.kind).toBe('invalid-key');
    expect(err.message).toContain('spaces');
    expect(app.emulator.log).toEqual([]);
  });

  it('keeps a session-only key in memory: it wins while set and never reaches the keychain', async () => {
    const sessionKey = 'kie-session-key-1111111111';
    app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef' });
    app.emulator.setApiKeys([app.emulator.apiKey, sessionKey]);
    const state = await app.service.handlers['key:save'](sessionKey, { sessionOnly: true });
    expect(state).toMatchObject({ hasKey: true, source: 'session', hint: '…1111' });
    expect(await app.secrets.getKey()).toBe('kie-test-key-0123456789abcdef');
    // Only the session key works now, and uploads use it.
    app.emulator.setApiKeys([sessionKey]);
    const file = await app.writeFile('session.txt', 'sent with the session key');
    const [job] = await app.service.handlers['upload:files']([file], {});
    const [done] = await app.service.engine.queue.runUntilIdle();
    expect(done).toMatchObject({ id: job?.id, status: 'done' });
  });

  it('reports a KIEDROP_API_KEY key as source env; a key saved in the app takes over; clearing falls back', async () => {
    const envKey = 'kie-env-key-2222222222';
    const appKey = 'kie-app-key-3333333333';
    app = await startTestApp({ env: { KIEDROP_API_KEY: envKey } });
    app.emulator.setApiKeys([envKey, appKey]);
    const h = app.service.handlers;
    expect(await h['key:state']()).toMatchObject({ hasKey: true, source: 'env', hint: '…2222' });
    expect(await h['credits:get']()).toBe(100);
    expect(await h['key:save'](appKey, { sessionOnly: false })).toMatchObject({
      source: 'keychain',
      hint: '…3333',
    });
    expect(await h['key:clear']()).toMatchObject({ hasKey: true, source: 'env', hint: '…2222' });
    expect(await app.secrets.getKey()).toBeNull();
  });

  it('says there is no key when asked for credits without one', async () => {
    app = await startTestApp();
    expect(await handlerFailure(app.service.handlers['credits:get']())).toEqual({
      kind: 'no-key',
      message: NO_KEY_MESSAGE,
    });
  });
});

describe('a key the API stops accepting', () => {
  it('pauses uploads and marks the key rejected; saving a good key resumes them', async () => {
    app = await startTestApp({ savedKey: WRONG_KEY });
    const h = app.service.handlers;
    const file = await app.writeFile('waiting.txt', 'waits for a good key');
    const [job] = await h['upload:files']([file], {});
    await app.waitForEvent('queue-state', (s) => s?.reason === 'auth');
    await app.waitForEvent('key-state', (s) => s.rejected);
    expect(await h['key:state']()).toMatchObject({ hasKey: true, source: 'keychain', rejected: true });
    expect(await h['jobs:list']()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: job?.id, status: 'queued' })]),
    );

    const credits = await handlerFailure(h['credits:get']());
    expect(credits.kind).toBe('auth');
    expect(credits.message).not.toContain(WRONG_KEY);

    await h['key:save'](app.emulator.apiKey, { sessionOnly: false });
    await app.waitForEvent('job', (j) => j.id === job?.id && j.status === 'done');
    expect(await h['key:state']()).toMatchObject({ rejected: false });
    expect(JSON.stringify(app.events)).not.toContain(WRONG_KEY);
  });
});

describe('without a system keychain', () => {
  let home: string | undefined;
  afterEach(async () => {
    if (home !== undefined) await rm(home, { recursive: true, force: true });
    home = undefined;
  });

  it('refuses to save unless the user chooses this session only, then works from memory', async () => {
    home = await mkdtemp(join(tmpdir(), 'kiedrop-nokeychain-app-'));
    // A child with no session bus: the Secret Service cannot be reached at all.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: home,
      XDG_RUNTIME_DIR: home,
      TMPDIR: home,
    };
    const script = `
      const { startTestApp } = await import('./test/harness/test-app.ts');
      const app = await startTestApp();
      const h = app.service.handlers;
      const out = { state: await h['key:state']() };
      try { await h['key:save'](app.emulator.apiKey, { sessionOnly: false }); out.save = 'saved'; }
      catch (e) { out.save = { kind: e.kind, message: e.message }; }
      out.session = await h['key:save'](app.emulator.apiKey, { sessionOnly: true });
      out.credits = await h['credits:get']();
      const file = await app.writeFile('memory.txt', 'uploaded with a key held in memory');
      await h['upload:files']([file], {});
      out.jobs = (await app.service.engine.queue.runUntilIdle()).map((j) => j.status);
      await app.service.close();
      // Everything the app wrote: settings, database, its WAL files.
      const { readdir, readFile } = await import('node:fs/promises');
      const files = await readdir(app.dataDir, { recursive: true, withFileTypes: true });
      out.dataFiles = files.filter((f) => f.isFile()).map((f) => f.name).sort();
      out.leaks = [];
      for (const f of files.filter((f) => f.isFile())) {
        const text = await readFile(f.parentPath + '/' + f.name, 'latin1');
        if (text.includes(app.emulator.apiKey)) out.leaks.push(f.name);
      }
      console.log(JSON.stringify(out));
      await app.close();
    `;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(out['state']).toMatchObject({
      hasKey: false,
      keychain: { available: false, reason: expect.stringContaining('Secret Service') },
    });
    expect(out['save']).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('cannot store your API key'),
    });
    expect(out['session']).toMatchObject({ hasKey: true, source: 'session', keychain: { available: false } });
    expect(out['credits']).toBe(100);
    expect(out['jobs']).toEqual(['done']);
    // Nothing the app wrote holds the key: not the settings, not the database.
    expect(out['dataFiles']).toEqual(expect.arrayContaining(['kiedrop.db', 'settings.json']));
    expect(out['leaks']).toEqual([]);
    // Nor anything else under HOME (tsx's compile cache holds the emulator's own source, with its test key).
    for (const file of await listFiles(home)) {
      if (file.includes('/tsx-')) continue;
      expect(await readFile(file, 'latin1'), file).not.toContain('kie-test-key-0123456789abcdef');
    }
  }, 60_000);
});

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
