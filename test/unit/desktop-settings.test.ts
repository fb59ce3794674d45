// The desktop settings: their defaults (the drop window starts off only on macOS, where the menu-bar
// icon takes drops), and the messages a bad value gets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsError, createSettingsStore } from '../../src/main/core/settings';
import { DEFAULT_SETTINGS, defaultSettingsFor } from '../../src/shared/settings';
import type { Settings } from '../../src/shared/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-desktop-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function refusal(patch: Partial<Settings>): string {
  try {
    createSettingsStore(dir).set(patch);
  } catch (err) {
    if (err instanceof SettingsError) return err.message;
    throw err;
  }
  throw new Error('the change was accepted');
}

describe('desktop defaults', () => {
  it('has Ctrl/Cmd+Shift+U for the clipboard, no sound, folders shared without sub-folders, asking above 100', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      clipboardShortcut: 'CommandOrControl+Shift+U',
      playSound: false,
      shareRecurseFolders: false,
      shareConfirmAbove: 100,
    });
  });

  it('shows the drop window on Windows and Linux and leaves it off on macOS', () => {
    expect(defaultSettingsFor('win32').dropWindow).toEqual({
      enabled: true,
      alwaysOnTop: true,
      x: null,
      y: null,
    });
    expect(defaultSettingsFor('linux').dropWindow.enabled).toBe(true);
    expect(defaultSettingsFor('darwin').dropWindow.enabled).toBe(false);
    // The shared defaults are not changed by asking for macOS's.
    expect(DEFAULT_SETTINGS.dropWindow.enabled).toBe(true);
  });

  it('starts a macOS store with the macOS defaults, and keeps what the user chose over them', () => {
    expect(
      createSettingsStore(dir, { defaults: defaultSettingsFor('darwin') }).get().dropWindow.enabled,
    ).toBe(false);
    createSettingsStore(dir, { defaults: defaultSettingsFor('darwin') }).set({
      dropWindow: { enabled: true, alwaysOnTop: false, x: 40, y: 60 },
    });
    expect(createSettingsStore(dir, { defaults: defaultSettingsFor('darwin') }).get().dropWindow).toEqual({
      enabled: true,
      alwaysOnTop: false,
      x: 40,
      y: 60,
    });
  });
});

describe('bad desktop settings', () => {
  it('refuses a shortcut that is not one, or that would swallow typing, with the reason', () => {
    expect(refusal({ clipboardShortcut: 'Ctrl+Shfit+U' })).toContain('"Shfit" is not a key name');
    expect(refusal({ clipboardShortcut: 'Shift+U' })).toContain('would take over normal typing');
  });

  it('accepts an empty shortcut as "off"', () => {
    expect(createSettingsStore(dir).set({ clipboardShortcut: '' }).clipboardShortcut).toBe('');
  });

  it('refuses a drop window position that is not whole pixels', () => {
    expect(refusal({ dropWindow: { enabled: true, alwaysOnTop: true, x: 10.5, y: 0 } })).toContain(
      'whole pixels',
    );
  });

  it('refuses a confirmation threshold below 1', () => {
    expect(refusal({ shareConfirmAbove: 0 })).toContain(
      '"Ask before sharing more than" must be a whole number',
    );
  });
});
