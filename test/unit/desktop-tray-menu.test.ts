// The tray icon's menu and tooltip as the user reads them, for the states the app can be in.
import { describe, expect, it } from 'vitest';
import { trayMenuTemplate, trayTitle, trayTooltip } from '../../src/main/tray-menu';
import type { RecentUpload, TrayMenuEntry, TrayMenuState } from '../../src/main/tray-menu';
import type { UploadActivity } from '../../src/shared/ipc-contract';

const idle: UploadActivity = {
  phase: 'idle',
  active: 0,
  done: 0,
  failed: 0,
  fraction: 0,
  pausedMessage: null,
  pausedReason: null,
};
const uploading: UploadActivity = { ...idle, phase: 'uploading', active: 3, done: 1, fraction: 0.4267 };

function state(patch: Partial<TrayMenuState> = {}): TrayMenuState {
  return {
    platform: 'linux',
    recent: [],
    copyFormatLabel: 'URL',
    watching: null,
    dropWindowVisible: true,
    activity: idle,
    availableUpdate: null,
    ...patch,
  };
}

function labels(entries: TrayMenuEntry[]): string[] {
  return entries.map((e) => (e.kind === 'separator' ? '---' : (e.label ?? '')));
}

function find(entries: TrayMenuEntry[], label: string): TrayMenuEntry {
  const found = entries.find((e) => e.label === label);
  if (!found) throw new Error(`no "${label}" in ${labels(entries).join(' | ')}`);
  return found;
}

const uploads = (n: number): RecentUpload[] =>
  Array.from({ length: n }, (_, i) => ({
    historyId: 100 - i,
    fileName: `shot-${i + 1}.png`,
    status: 'active',
  }));

describe('the tray menu', () => {
  it('offers every entry point, in order, when nothing is happening', () => {
    expect(labels(trayMenuTemplate(state()))).toEqual([
      'Open KieDrop',
      'Upload files…',
      'Upload clipboard',
      'Recent uploads',
      '---',
      'Show drop window',
      '---',
      'Quit KieDrop',
    ]);
    const menu = trayMenuTemplate(state());
    expect(find(menu, 'Upload clipboard').action).toEqual({ type: 'upload-clipboard' });
    expect(find(menu, 'Quit KieDrop').action).toEqual({ type: 'quit' });
  });

  it('lists the five newest uploads, each copying its own link, and names the copy format', () => {
    const recent = find(
      trayMenuTemplate(state({ recent: uploads(8), copyFormatLabel: 'Markdown' })),
      'Recent uploads',
    );
    const items = recent.submenu ?? [];
    expect(items[0]).toMatchObject({ label: 'Click to copy the link (Markdown)', enabled: false });
    const links = items.filter((i) => i.action?.type === 'copy-link');
    expect(links.map((i) => i.label)).toEqual([
      'shot-1.png',
      'shot-2.png',
      'shot-3.png',
      'shot-4.png',
      'shot-5.png',
    ]);
    expect(links.map((i) => i.action)).toEqual(
      [100, 99, 98, 97, 96].map((historyId) => ({ type: 'copy-link', historyId })),
    );
  });

  it('says there are no uploads yet instead of an empty submenu', () => {
    const recent = find(trayMenuTemplate(state()), 'Recent uploads');
    expect(recent.submenu).toEqual([{ kind: 'normal', label: 'No uploads yet', enabled: false }]);
  });

  it('greys out expired links, which would only hand out a dead address', () => {
    const recent = find(
      trayMenuTemplate(state({ recent: [{ historyId: 7, fileName: 'old.pdf', status: 'expired' }] })),
      'Recent uploads',
    );
    expect(recent.submenu?.at(-1)).toMatchObject({ label: 'old.pdf (expired)', enabled: false });
  });

  it('keeps a file name with "&" literal on Windows and Linux, where "&" would mark a keyboard mnemonic', () => {
    const recent = [{ historyId: 1, fileName: 'Q&A.docx', status: 'active' as const }];
    const shown = (platform: NodeJS.Platform) =>
      find(trayMenuTemplate(state({ platform, recent })), 'Recent uploads').submenu?.at(-1)?.label;
    expect(shown('win32')).toBe('Q&&A.docx');
    // Electron hands the label to the Linux tray (a StatusNotifierItem menu) with the same mnemonic rule.
    expect(shown('linux')).toBe('Q&&A.docx');
    expect(shown('darwin')).toBe('Q&A.docx');
  });

  it('offers pause or resume for watched folders only when there is a watch service', () => {
    expect(labels(trayMenuTemplate(state()))).not.toContain('Pause watching folders');
    const watching = trayMenuTemplate(state({ watching: { paused: false } }));
    expect(find(watching, 'Pause watching folders').action).toEqual({ type: 'pause-watching' });
    const paused = trayMenuTemplate(state({ watching: { paused: true } }));
    expect(find(paused, 'Resume watching folders').action).toEqual({ type: 'resume-watching' });
  });

  it('ticks "Show drop window" while the drop window is shown', () => {
    expect(find(trayMenuTemplate(state({ dropWindowVisible: true })), 'Show drop window')).toMatchObject({
      kind: 'checkbox',
      checked: true,
      action: { type: 'toggle-drop-window' },
    });
    expect(find(trayMenuTemplate(state({ dropWindowVisible: false })), 'Show drop window').checked).toBe(
      false,
    );
  });

  it('starts with a status line while uploading, without the percentage (the menu is not rebuilt per byte)', () => {
    const menu = trayMenuTemplate(state({ activity: uploading }));
    expect(menu[0]).toEqual({ kind: 'normal', label: 'Uploading 3 files', enabled: false });
    const later = trayMenuTemplate(state({ activity: { ...uploading, fraction: 0.9 } }));
    expect(later).toEqual(menu);
  });
});

describe('the tray tooltip and title', () => {
  it('is just the name when idle', () => {
    expect(trayTooltip(idle)).toBe('KieDrop');
    expect(trayTitle(idle)).toBe('');
  });

  it('shows how many files are uploading and how far, rounded down', () => {
    expect(trayTooltip(uploading)).toBe('KieDrop — uploading 3 files, 42 %');
    expect(trayTooltip({ ...uploading, active: 1 })).toBe('KieDrop — uploading 1 file, 42 %');
    expect(trayTitle(uploading)).toBe('42%');
  });

  it('says when uploads wait on a paused queue, and how a burst ended', () => {
    expect(trayTooltip({ ...uploading, phase: 'paused' })).toBe('KieDrop — paused, 3 files waiting');
    expect(trayTooltip({ ...idle, phase: 'done', done: 4 })).toBe('KieDrop — 4 uploaded');
    expect(trayTooltip({ ...idle, phase: 'failed', done: 3, failed: 1 })).toBe(
      'KieDrop — 1 of 4 uploads failed',
    );
  });
});

describe('the tray menu when a newer KieDrop is out', () => {
  it('names a newer version at the top, above the usual items, only when one is out', () => {
    expect(labels(trayMenuTemplate(state()))[0]).toBe('Open KieDrop');
    const menu = trayMenuTemplate(state({ availableUpdate: '1.4.0' }));
    expect(labels(menu).slice(0, 3)).toEqual(['KieDrop 1.4.0 is available…', '---', 'Open KieDrop']);
    expect(find(menu, 'KieDrop 1.4.0 is available…').action).toEqual({ type: 'open-update' });
  });
});
