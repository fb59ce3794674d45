// The shortcut field: keys pressed become Electron's accelerator, and an accelerator is shown the way the
// system writes it.
import { describe, expect, it } from 'vitest';
import { displayAccelerator, recordKeys } from '../../src/renderer/src/format/shortcut-keys';

const press = (
  code: string,
  key: string,
  mods: Partial<Record<'ctrl' | 'alt' | 'shift' | 'meta', boolean>>,
) => ({
  code,
  key,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  metaKey: mods.meta ?? false,
});

describe('displayAccelerator', () => {
  it('shows the default shortcut as ⌘⇧U on macOS and Ctrl+Shift+U elsewhere', () => {
    expect(displayAccelerator('CommandOrControl+Shift+U', 'darwin')).toBe('⌘⇧U');
    expect(displayAccelerator('CommandOrControl+Shift+U', 'linux')).toBe('Ctrl+Shift+U');
    expect(displayAccelerator('CommandOrControl+Shift+U', 'win32')).toBe('Ctrl+Shift+U');
  });

  it('puts modifiers in the system order, whatever order they were saved in', () => {
    expect(displayAccelerator('Shift+Alt+Control+Command+K', 'darwin')).toBe('⌘⌃⌥⇧K');
    expect(displayAccelerator('Shift+Alt+Ctrl+k', 'linux')).toBe('Ctrl+Alt+Shift+K');
    expect(displayAccelerator('Super+Alt+Up', 'win32')).toBe('Alt+Win+Up');
    expect(displayAccelerator('CmdOrCtrl+Up', 'darwin')).toBe('⌘↑');
    expect(displayAccelerator('', 'linux')).toBe('');
  });
});

describe('recordKeys', () => {
  it('turns Ctrl (⌘ on macOS) into the portable CommandOrControl, and the key into its name', () => {
    expect(recordKeys(press('KeyU', 'U', { ctrl: true, shift: true }), 'linux')).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Shift+U',
    });
    expect(recordKeys(press('KeyU', 'u', { meta: true, shift: true }), 'darwin')).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Shift+U',
    });
    // By the key's place: Shift+1 is "1", not "!".
    expect(recordKeys(press('Digit1', '!', { alt: true, shift: true }), 'linux')).toEqual({
      kind: 'shortcut',
      accelerator: 'Alt+Shift+1',
    });
  });

  it('waits while only modifiers are held, and refuses a key without Ctrl, Alt or ⌘', () => {
    expect(recordKeys(press('ControlLeft', 'Control', { ctrl: true }), 'linux')).toEqual({
      kind: 'partial',
      accelerator: 'CommandOrControl',
    });
    expect(recordKeys(press('KeyU', 'U', { shift: true }), 'linux')).toEqual({ kind: 'needs-modifier' });
    expect(recordKeys(press('KeyU', 'u', {}), 'linux')).toEqual({ kind: 'needs-modifier' });
  });
});
