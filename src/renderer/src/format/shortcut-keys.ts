// The shortcut field records the keys pressed instead of asking for Electron's spelling, and shows a
// shortcut with the system's symbols and names: ⌘⇧U on macOS, Ctrl+Shift+U elsewhere.

export interface PressedKeys {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'OS', 'AltGraph', 'Hyper', 'Super']);

/** Electron's name for the key of a key press (by its place on the keyboard, so Shift+1 is "1"), or null. */
function keyName(e: PressedKeys): string | null {
  const { code } = e;
  let m = /^Key([A-Z])$/u.exec(code);
  if (m) return m[1] ?? null;
  m = /^(?:Digit|Numpad)(\d)$/u.exec(code);
  if (m) return code.startsWith('Numpad') ? `num${m[1]}` : (m[1] ?? null);
  if (/^F(?:[1-9]|1\d|2[0-4])$/u.test(code)) return code;
  const named: Record<string, string> = {
    Space: 'Space',
    Enter: 'Enter',
    Tab: 'Tab',
    Backspace: 'Backspace',
    Delete: 'Delete',
    Insert: 'Insert',
    Home: 'Home',
    End: 'End',
    PageUp: 'PageUp',
    PageDown: 'PageDown',
    ArrowUp: 'Up',
    ArrowDown: 'Down',
    ArrowLeft: 'Left',
    ArrowRight: 'Right',
    Minus: '-',
    Equal: '=',
    BracketLeft: '[',
    BracketRight: ']',
    Backslash: '\\',
    Semicolon: ';',
    Quote: "'",
    Comma: ',',
    Period: '.',
    Slash: '/',
    Backquote: '`',
  };
  return named[code] ?? null;
}

export type Recorded =
  | { kind: 'shortcut'; accelerator: string }
  /** Only modifiers so far: show them while the person holds them. */
  | { kind: 'partial'; accelerator: string }
  /** A key without Ctrl, Alt or ⌘: it would take that key from every other app. */
  | { kind: 'needs-modifier' }
  | { kind: 'ignored' };

/** The accelerator for a key press, as Electron reads it, on this platform. */
export function recordKeys(e: PressedKeys, platform: string): Recorded {
  const mac = platform === 'darwin';
  const mods: string[] = [];
  // The app's own spelling for the main modifier, so a shortcut saved on one system works on the other.
  if (mac ? e.metaKey : e.ctrlKey) mods.push('CommandOrControl');
  if (mac && e.ctrlKey) mods.push('Control');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey) mods.push('Shift');
  if (!mac && e.metaKey) mods.push('Super');
  if (MODIFIER_KEYS.has(e.key))
    return mods.length > 0 ? { kind: 'partial', accelerator: mods.join('+') } : { kind: 'ignored' };
  const key = keyName(e);
  if (key === null) return { kind: 'ignored' };
  const strong = mods.some((m) => m !== 'Shift');
  if (!strong) return { kind: 'needs-modifier' };
  return { kind: 'shortcut', accelerator: [...mods, key].join('+') };
}

const MAC_SYMBOLS: Record<string, string> = {
  commandorcontrol: '⌘',
  cmdorctrl: '⌘',
  command: '⌘',
  cmd: '⌘',
  super: '⌘',
  meta: '⌘',
  control: '⌃',
  ctrl: '⌃',
  alt: '⌥',
  option: '⌥',
  altgr: '⌥',
  shift: '⇧',
};
/** ⌘ first, as the product writes its shortcuts (⌘⇧U), then Control, Option, Shift. */
const MAC_ORDER = ['⌘', '⌃', '⌥', '⇧'];

const OTHER_NAMES: Record<string, string> = {
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  command: 'Super',
  cmd: 'Super',
  super: 'Super',
  meta: 'Super',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
};
const OTHER_ORDER = ['Ctrl', 'Alt', 'AltGr', 'Shift', 'Super'];

const MAC_KEYS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  enter: '↩',
  return: '↩',
  backspace: '⌫',
  delete: '⌦',
  tab: '⇥',
  space: 'Space',
};

/** "CommandOrControl+Shift+U" → "⌘⇧U" on macOS, "Ctrl+Shift+U" elsewhere ("Super" is "Win" on Windows). */
export function displayAccelerator(accelerator: string, platform: string): string {
  if (accelerator.trim() === '') return '';
  const parts = accelerator.split('+').filter((p) => p !== '');
  // "Plus" and a trailing "+" both mean the + key.
  const rawKey = accelerator.endsWith('++') ? '+' : (parts.pop() ?? '');
  const key = rawKey.length === 1 ? rawKey.toUpperCase() : rawKey;
  if (platform === 'darwin') {
    const symbols = parts.map((p) => MAC_SYMBOLS[p.toLowerCase()] ?? p);
    const ordered = [...new Set(symbols)].sort((a, b) => MAC_ORDER.indexOf(a) - MAC_ORDER.indexOf(b));
    return `${ordered.join('')}${MAC_KEYS[key.toLowerCase()] ?? key}`;
  }
  const names = parts.map((p) => {
    const name = OTHER_NAMES[p.toLowerCase()] ?? p;
    return name === 'Super' && platform === 'win32' ? 'Win' : name;
  });
  const order = (n: string) => {
    const i = OTHER_ORDER.indexOf(n === 'Win' ? 'Super' : n);
    return i === -1 ? OTHER_ORDER.length : i;
  };
  const ordered = [...new Set(names)].sort((a, b) => order(a) - order(b));
  return [...ordered, key].join('+');
}
