// Checking the "Upload clipboard" shortcut typed in Settings, and changing it without losing it.
import { describe, expect, it } from 'vitest';
import { parseAccelerator, rebindShortcut } from '../../src/main/core/clipboard';
import type { ShortcutRegistry } from '../../src/main/core/clipboard';

function message(input: string): string {
  const r = parseAccelerator(input);
  return r.ok ? '' : r.message;
}

describe('parseAccelerator', () => {
  it('accepts the default and normalizes spelling and case', () => {
    expect(parseAccelerator('CommandOrControl+Shift+U')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Shift+U',
      modifiers: ['CommandOrControl', 'Shift'],
      key: 'U',
    });
    const r = parseAccelerator(' cmdorctrl + alt + f5 ');
    expect(r.ok && r.accelerator).toBe('CommandOrControl+Alt+F5');
    const named = parseAccelerator('ctrl+shift+pageup');
    expect(named.ok && named.accelerator).toBe('Control+Shift+PageUp');
    const option = parseAccelerator('Option+Cmd+Space');
    expect(option.ok && option.accelerator).toBe('Alt+Command+Space');
  });

  it('accepts keys that never type text on their own', () => {
    expect(parseAccelerator('F9').ok).toBe(true);
    expect(parseAccelerator('PrintScreen').ok).toBe(true);
    expect(parseAccelerator('Shift+MediaPlayPause').ok).toBe(true);
  });

  it('refuses input with a reason a person can act on', () => {
    expect(message('')).toMatch(/Type a shortcut/);
    expect(message('Ctrl+Shift+')).toMatch(/write the \+ key as "Plus"/);
    expect(message('Ctrl+Shft+U')).toMatch(/"Shft" is not a key name/);
    expect(message('Ctrl+Shift')).toMatch(/only modifiers; add a key, e\.g\. Control\+Shift\+U/);
    expect(message('Ctrl+U+I')).toMatch(/one key after its modifiers/);
    expect(message('Ctrl+Ctrl+U')).toMatch(/"Control" appears twice/);
    expect(message('U+Ctrl')).toMatch(/Put modifiers before the key/);
    expect(message('F25')).toMatch(/not a key name/);
  });

  it('refuses shortcuts that would swallow normal typing in every app', () => {
    expect(message('U')).toMatch(/take over normal typing/);
    expect(message('Shift+U')).toMatch(/take over normal typing/);
  });

  it('accepts the + key written as Plus', () => {
    const r = parseAccelerator('CmdOrCtrl+Plus');
    expect(r.ok && r.accelerator).toBe('CommandOrControl+Plus');
  });
});

// Electron's globalShortcut cannot run in plain Node, so this in-memory stand-in plays the OS:
// `taken` are keys another app holds. What is under test is rebindShortcut's ordering logic.
function registry(taken: string[] = []): ShortcutRegistry & { active: Set<string> } {
  const active = new Set<string>();
  return {
    active,
    register(acc) {
      if (taken.includes(acc)) return false;
      active.add(acc);
      return true;
    },
    unregister(acc) {
      active.delete(acc);
    },
    isRegistered: (acc) => active.has(acc),
  };
}

describe('rebindShortcut', () => {
  it('moves to the new shortcut and releases the old one', () => {
    const reg = registry();
    reg.register('CommandOrControl+Shift+U');
    expect(rebindShortcut(reg, 'CommandOrControl+Shift+U', 'ctrl+alt+u')).toEqual({
      ok: true,
      active: 'Control+Alt+U',
    });
    expect([...reg.active]).toEqual(['Control+Alt+U']);
  });

  it('keeps the old shortcut when another app already owns the new one, and says so', () => {
    const reg = registry(['Control+Alt+K']);
    reg.register('CommandOrControl+Shift+U');
    const r = rebindShortcut(reg, 'CommandOrControl+Shift+U', 'Control+Alt+K');
    expect(r).toEqual({
      ok: false,
      active: 'CommandOrControl+Shift+U',
      message:
        'Control+Alt+K is already used by another app (or by the system), so it could not be set. CommandOrControl+Shift+U still works.',
    });
    expect([...reg.active]).toEqual(['CommandOrControl+Shift+U']);
  });

  it('keeps the old shortcut when the new one is not valid', () => {
    const reg = registry();
    reg.register('CommandOrControl+Shift+U');
    const r = rebindShortcut(reg, 'CommandOrControl+Shift+U', 'Ctrl+Nope');
    expect(r.ok).toBe(false);
    expect(r.active).toBe('CommandOrControl+Shift+U');
    expect([...reg.active]).toEqual(['CommandOrControl+Shift+U']);
  });

  it('the same keys spelled differently change nothing', () => {
    const reg = registry();
    reg.register('CommandOrControl+Shift+U');
    expect(rebindShortcut(reg, 'CommandOrControl+Shift+U', 'cmdorctrl+shift+u')).toEqual({
      ok: true,
      active: 'CommandOrControl+Shift+U',
    });
    expect([...reg.active]).toEqual(['CommandOrControl+Shift+U']);
  });

  it('an empty value turns the shortcut off; setting one from none works', () => {
    const reg = registry();
    reg.register('CommandOrControl+Shift+U');
    expect(rebindShortcut(reg, 'CommandOrControl+Shift+U', '')).toEqual({ ok: true, active: null });
    expect(reg.active.size).toBe(0);
    expect(rebindShortcut(reg, null, 'Alt+F2')).toEqual({ ok: true, active: 'Alt+F2' });
  });
});
