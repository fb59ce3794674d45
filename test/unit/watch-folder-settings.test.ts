// Checking a watched folder's settings before they are saved: defaults, clear refusals, no double watching.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoOverlap, folderSettings, patchedSettings } from '../../src/main/core/watch/folder-settings';
import type { WatchFolder } from '../../src/main/core/watch/types';

const saved = (over: Partial<WatchFolder>): WatchFolder => ({
  id: 1,
  path: resolve('/data/shots'),
  uploadPath: 'kiedrop',
  include: [],
  exclude: [],
  recursive: true,
  enabled: true,
  uploadChanged: false,
  polling: false,
  quietMs: 2000,
  ignoreDotfiles: true,
  nameTemplate: '',
  pathTemplate: '',
  imageMode: 'settings',
  imageFormat: 'webp',
  imageQuality: 80,
  imageMaxSide: null,
  imageStrip: 'settings',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('folderSettings', () => {
  it('fills the documented defaults and makes the path absolute', () => {
    const s = folderSettings({ path: 'relative/dir' });
    expect(s).toEqual({
      path: resolve('relative/dir'),
      uploadPath: 'kiedrop',
      include: [],
      exclude: [],
      recursive: true,
      enabled: true,
      uploadChanged: false,
      polling: false,
      quietMs: 2000,
      ignoreDotfiles: true,
      nameTemplate: '',
      pathTemplate: '',
      imageMode: 'settings',
      imageFormat: 'webp',
      imageQuality: 80,
      imageMaxSide: null,
      imageStrip: 'settings',
    });
  });

  it('removes location and camera data from the start in a camera or screenshot folder, unless told not to', () => {
    expect(folderSettings({ path: '/media/card/DCIM/100CANON' }).imageStrip).toBe('always');
    expect(folderSettings({ path: '/home/li/Pictures/屏幕截图' }).imageStrip).toBe('always');
    expect(folderSettings({ path: '/home/li/Dropbox/Camera Uploads' }).imageStrip).toBe('always');
    expect(folderSettings({ path: '/home/li/Pictures/Screenshots', imageStrip: 'never' }).imageStrip).toBe(
      'never',
    );
    expect(folderSettings({ path: '/home/li/Documents' }).imageStrip).toBe('settings');
  });

  it("keeps a photo folder's data when the person turned removing off", () => {
    const shots = saved({ path: resolve('/home/li/Pictures/Screenshots'), imageStrip: 'never' });
    expect(patchedSettings(shots, { quietMs: 3000 }).imageStrip).toBe('never');
  });

  it('refuses picture choices out of range, saying what to choose', () => {
    expect(() => folderSettings({ path: '/x', imageQuality: 0 })).toThrow(
      'The picture quality must be a whole number from 1 to 100 (got 0).',
    );
    expect(() => folderSettings({ path: '/x', imageMaxSide: 1.5 })).toThrow(/longest side.*1 to 65535/);
    expect(() =>
      folderSettings({ path: '/x', imageFormat: 'gif' as unknown as WatchFolder['imageFormat'] }),
    ).toThrow('The picture format must be webp, avif, jpeg or keep (got "gif").');
  });

  it('refuses a misspelt naming template, naming it', () => {
    expect(() => folderSettings({ path: '/x', nameTemplate: '{fodler}.{ext}' })).toThrow(
      'The name template "{fodler}.{ext}" has an unknown variable {fodler}',
    );
  });

  it('refuses a bad upload path, a bad quiet period and an empty pattern, saying what to fix', () => {
    expect(() => folderSettings({ path: '/x', uploadPath: '/abs/' })).toThrow(
      /must not start or end with "\/"/,
    );
    expect(() => folderSettings({ path: '/x', quietMs: 5 })).toThrow(/quiet period.*100 to 600000.*got 5/);
    expect(() => folderSettings({ path: '/x', exclude: [''] })).toThrow(/empty exclude pattern/);
    expect(() => folderSettings({ path: '  ' })).toThrow(/No folder was given/);
  });

  it('keeps what was not patched and refuses to move the folder', () => {
    const current = saved({ include: ['*.png'], quietMs: 900 });
    expect(patchedSettings(current, { uploadChanged: true })).toMatchObject({
      include: ['*.png'],
      quietMs: 900,
      uploadChanged: true,
      path: current.path,
    });
    expect(() => patchedSettings(current, { path: '/elsewhere' } as never)).toThrow(
      /cannot be changed.*Remove it and add/,
    );
  });
});

describe('checkNoOverlap', () => {
  const existing = [saved({ id: 1, path: resolve('/data/shots'), recursive: true })];

  it('refuses the same folder twice, naming the one to edit', () => {
    expect(() => checkNoOverlap({ path: resolve('/data/shots'), recursive: false }, existing)).toThrow(
      /already watched \(folder #1\)/,
    );
  });

  it('refuses a folder inside one watched with its subfolders, and one that would contain it', () => {
    expect(() => checkNoOverlap({ path: resolve('/data/shots/2024'), recursive: false }, existing)).toThrow(
      /inside .*folder #1.*upload twice/,
    );
    expect(() => checkNoOverlap({ path: resolve('/data'), recursive: true }, existing)).toThrow(
      /Remove #1 first/,
    );
  });

  it('allows neighbours, a parent watched without subfolders, and the folder itself when editing it', () => {
    expect(() =>
      checkNoOverlap({ path: resolve('/data/shots-old'), recursive: true }, existing),
    ).not.toThrow();
    expect(() => checkNoOverlap({ path: resolve('/data'), recursive: false }, existing)).not.toThrow();
    expect(() =>
      checkNoOverlap({ path: resolve('/data/shots'), recursive: true }, existing, 1),
    ).not.toThrow();
  });
});
