// The tray's update entries as the user reads them: "Download and restart" under the notice where the
// build can update itself, progress while it downloads, "Restart to update" once it is here, and the
// reason when it failed. Where the build cannot, only the notice with its release page link.
import { describe, expect, it } from 'vitest';
import { trayMenuTemplate } from '../../src/main/tray-menu';
import type { TrayMenuEntry, TrayMenuState } from '../../src/main/tray-menu';
import type { InPlaceUpdateState } from '../../src/shared/desktop';

function menu(
  inPlaceUpdate: InPlaceUpdateState | undefined,
  language: 'en' | 'zh-CN' = 'en',
): TrayMenuEntry[] {
  const state: TrayMenuState = {
    platform: 'linux',
    recent: [],
    copyFormatLabel: 'URL',
    watching: null,
    dropWindowVisible: false,
    activity: {
      phase: 'idle',
      active: 0,
      done: 0,
      failed: 0,
      fraction: 0,
      pausedMessage: null,
      pausedReason: null,
    },
    availableUpdate: '9.1.0',
    inPlaceUpdate,
    language,
  };
  return trayMenuTemplate(state);
}

/** The entries between the top and the first separator: the update block. */
function updateBlock(entries: TrayMenuEntry[]): { label: string; enabled: boolean; action?: string }[] {
  const end = entries.findIndex((e) => e.kind === 'separator');
  return entries.slice(0, end).map((e) => ({
    label: e.label ?? '',
    enabled: e.enabled !== false,
    ...(e.action ? { action: e.action.type } : {}),
  }));
}

describe('tray update entries', () => {
  it('keeps only the release page link where the build cannot update itself', () => {
    const expected = [{ label: 'KieDrop 9.1.0 is available…', enabled: true, action: 'open-update' }];
    expect(updateBlock(menu(undefined))).toEqual(expected);
    expect(updateBlock(menu({ phase: 'unsupported' }))).toEqual(expected);
  });

  it('offers Download and restart, then shows progress, then Restart to update', () => {
    expect(updateBlock(menu({ phase: 'idle' }))[1]).toEqual({
      label: 'Download and restart',
      enabled: true,
      action: 'download-update',
    });
    expect(updateBlock(menu({ phase: 'downloading', version: null, percent: 0 }))[1]).toEqual({
      label: 'Looking for the update…',
      enabled: false,
    });
    expect(updateBlock(menu({ phase: 'downloading', version: '9.1.0', percent: 47 }))[1]).toEqual({
      label: 'Downloading KieDrop 9.1.0… 40 %',
      enabled: false,
    });
    expect(updateBlock(menu({ phase: 'downloaded', version: '9.1.0' }))[1]).toEqual({
      label: 'Restart to update',
      enabled: true,
      action: 'restart-to-update',
    });
  });

  it('says why the download failed and offers it again', () => {
    expect(updateBlock(menu({ phase: 'failed', problem: 'offline', detail: 'x' })).slice(1)).toEqual([
      { label: 'Could not download the update: this computer is offline', enabled: false },
      { label: 'Download and restart', enabled: true, action: 'download-update' },
    ]);
    expect(
      updateBlock(menu({ phase: 'failed', problem: 'download', detail: 'sha512 checksum mismatch' }))[1],
    ).toEqual({ label: 'Could not download the update: sha512 checksum mismatch', enabled: false });
    expect(
      updateBlock(menu({ phase: 'failed', problem: 'install', detail: 'permission denied' }))[1],
    ).toEqual({ label: 'Could not install the update: permission denied', enabled: false });
  });

  it('shortens a long reason to fit a menu', () => {
    const detail = `sha512 checksum mismatch, expected ${'A'.repeat(88)}, got ${'B'.repeat(88)}`;
    const label = updateBlock(menu({ phase: 'failed', problem: 'download', detail }))[1]?.label ?? '';
    expect(label.startsWith('Could not download the update: sha512 checksum mismatch, expected AAAA')).toBe(
      true,
    );
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBe('Could not download the update: '.length + 80);
  });

  it('reads in Chinese', () => {
    expect(updateBlock(menu({ phase: 'idle' }, 'zh-CN'))[1]?.label).toBe('下载并重启');
    expect(updateBlock(menu({ phase: 'failed', problem: 'offline', detail: '' }, 'zh-CN'))[1]?.label).toBe(
      '无法下载更新：这台电脑未联网',
    );
  });
});
