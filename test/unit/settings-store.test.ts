// Settings on disk: validated on every change and on read; a damaged file gives the defaults and a
// notice, never a crash; the API key can never end up in the file.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsError, createSettingsStore, SETTINGS_FILE_NAME } from '../../src/main/core/settings';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { Settings } from '../../src/shared/settings';

let dir: string;
const file = () => join(dir, SETTINGS_FILE_NAME);
const onDisk = async (): Promise<Record<string, unknown>> => JSON.parse(await readFile(file(), 'utf8'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setError(patch: unknown): SettingsError {
  const store = createSettingsStore(dir);
  try {
    store.set(patch as Partial<Settings>);
  } catch (err) {
    if (err instanceof SettingsError) return err;
    throw err;
  }
  throw new Error('the change was accepted');
}

describe('reading and saving', () => {
  it('starts with the defaults and no notice when there is no file', () => {
    const store = createSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notice).toBeNull();
  });

  it('saves a change to settings.json, and a new store (next start) reads it back', async () => {
    createSettingsStore(dir).set({
      concurrency: 5,
      theme: 'dark',
      proxy: { mode: 'manual', url: 'http://proxy.local:3128' },
    });
    expect(await onDisk()).toMatchObject({ concurrency: 5, theme: 'dark' });
    const again = createSettingsStore(dir).get();
    expect(again).toEqual({
      ...DEFAULT_SETTINGS,
      concurrency: 5,
      theme: 'dark',
      proxy: { mode: 'manual', url: 'http://proxy.local:3128' },
    });
  });

  it('normalizes API hosts (no trailing slash)', () => {
    const saved = createSettingsStore(dir).set({ uploadBaseUrl: 'http://127.0.0.1:8787/' });
    expect(saved.uploadBaseUrl).toBe('http://127.0.0.1:8787');
  });

  it('tells listeners the new and previous settings, until they unsubscribe', () => {
    const store = createSettingsStore(dir);
    const seen: [number, number][] = [];
    const off = store.onChange((next, previous) => seen.push([next.concurrency, previous.concurrency]));
    store.set({ concurrency: 2 });
    off();
    store.set({ concurrency: 4 });
    expect(seen).toEqual([[2, 3]]);
  });
});

describe('refusing bad values', () => {
  it.each([
    [{ concurrency: 0 }, 'concurrency', 'whole number from 1 to 10'],
    [{ concurrency: 2.5 }, 'concurrency', 'whole number'],
    [{ expiringSoonHours: 100 }, 'expiringSoonHours', 'from 1 to 72'],
    [{ defaultUploadPath: 'a//b' }, 'defaultUploadPath', 'empty folder name'],
    [{ copyFormat: 'textile' }, 'copyFormat', 'url, markdown, html, bbcode or custom'],
    [{ customCopyTemplate: 'no placeholder' }, 'customCopyTemplate', 'must contain {url}'],
    [
      { creditsBaseUrl: 'not a url' },
      'creditsBaseUrl',
      'The credits host must be an http:// or https:// URL',
    ],
    [{ proxy: { mode: 'manual', url: 'ftp://x' } }, 'proxy.url', 'proxy URL must look like'],
    [{ language: 'fr' }, 'language', 'system, en or zh-CN'],
  ])('%j → an error naming %s, and nothing is saved', async (patch, field, words) => {
    const err = setError(patch);
    expect(err.kind).toBe('invalid-argument');
    expect(err.field).toBe(field);
    expect(err.message).toContain(field.split('.')[0]);
    expect(err.message).toContain(words);
    expect(createSettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('never takes an API key, and does not repeat it in the error', async () => {
    const err = setError({ apiKey: 'kie-live-0123456789abcdef' });
    expect(err.message).toContain('keychain');
    expect(err.message).not.toContain('kie-live-0123456789abcdef');
    await expect(readFile(file(), 'utf8').catch(() => '')).resolves.not.toContain('kie-live');
  });
});

describe('recovering from a bad file', () => {
  it('moves a damaged file aside, uses the defaults, and says where the old file went', async () => {
    await writeFile(file(), '{"concurrency": 5, "theme": "da');
    const store = createSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notice).toMatch(/damaged .*moved to .*settings\.json\.damaged-/);
    const names = await readdir(dir);
    const aside = names.find((n) => n.startsWith(`${SETTINGS_FILE_NAME}.damaged-`));
    expect(aside && (await readFile(join(dir, aside), 'utf8'))).toBe('{"concurrency": 5, "theme": "da');
    // And it keeps working: the next change is saved normally.
    store.set({ theme: 'light' });
    expect(createSettingsStore(dir).get().theme).toBe('light');
  });

  it('keeps the good values of a partly bad file, resets the bad ones by name, and drops a stray key', async () => {
    await writeFile(
      file(),
      JSON.stringify({
        concurrency: 99,
        theme: 'dark',
        language: 'klingon',
        apiKey: 'kie-live-0123456789abcdef',
        notifications: false,
      }),
    );
    const store = createSettingsStore(dir);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', notifications: false });
    expect(store.notice).toContain('concurrency, language');
    const disk = await onDisk();
    expect(disk).not.toHaveProperty('apiKey');
    expect(disk).toMatchObject({ theme: 'dark', concurrency: DEFAULT_SETTINGS.concurrency });
  });

  it('treats a file that is JSON but not an object as damaged', async () => {
    await writeFile(file(), '[1, 2, 3]');
    const store = createSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notice).toContain('damaged');
  });
});
