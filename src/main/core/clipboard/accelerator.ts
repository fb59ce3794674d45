// Checks a global shortcut typed in Settings against Electron's accelerator grammar
// ("CommandOrControl+Shift+U"), so a typo is refused with a reason instead of silently not working.

export type ModifierName =
  'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super' | 'Meta';

const MODIFIERS: Readonly<Record<string, ModifierName>> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Meta',
};

// Canonical spellings of Electron's named keys; lookup is case-insensitive like Electron's.
const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
] as const;
const NAMED = new Map<string, string>(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));

// Single characters Electron accepts as keys ("+" itself must be written Plus).
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

/** Keys that make sense alone as a global shortcut: pressing them never types text. */
function standsAlone(key: string): boolean {
  return (
    /^F([1-9]|1\d|2[0-4])$/.test(key) ||
    key.startsWith('Media') ||
    key.startsWith('Volume') ||
    key === 'PrintScreen'
  );
}

export type AcceleratorCheck =
  { ok: true; accelerator: string; modifiers: ModifierName[]; key: string } | { ok: false; message: string };

function normalizeKey(token: string): string | null {
  if (token.length === 1) {
    if (/[a-z0-9]/i.test(token)) return token.toUpperCase();
    return PUNCTUATION.has(token) ? token : null;
  }
  const fn = /^f(\d{1,2})$/i.exec(token);
  if (fn) {
    const n = Number(fn[1]);
    return n >= 1 && n <= 24 ? `F${n}` : null;
  }
  return NAMED.get(token.toLowerCase()) ?? null;
}

export function parseAccelerator(input: string): AcceleratorCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Type a shortcut such as CommandOrControl+Shift+U.' };
  const tokens = text.split('+').map((t) => t.trim());
  if (tokens.some((t) => t === '')) {
    return {
      ok: false,
      message: `"${text}" has an empty part; write the + key as "Plus", e.g. Ctrl+Shift+Plus.`,
    };
  }

  const modifiers: ModifierName[] = [];
  let key: string | null = null;
  for (const token of tokens) {
    const modifier = MODIFIERS[token.toLowerCase()];
    if (modifier !== undefined) {
      if (key !== null)
        return { ok: false, message: `Put modifiers before the key: "${token}" comes after "${key}".` };
      if (modifiers.includes(modifier))
        return { ok: false, message: `"${modifier}" appears twice in "${text}".` };
      modifiers.push(modifier);
      continue;
    }
    const normalized = normalizeKey(token);
    if (normalized === null) {
      return {
        ok: false,
        message: `"${token}" is not a key name. Use a letter, digit, F1–F24, or a name such as Space, Enter, Up or PrintScreen.`,
      };
    }
    if (key !== null)
      return {
        ok: false,
        message: `A shortcut has one key after its modifiers, but "${text}" has "${key}" and "${normalized}".`,
      };
    key = normalized;
  }
  if (key === null)
    return {
      ok: false,
      message: `"${text}" has only modifiers; add a key, e.g. ${[...modifiers, 'U'].join('+')}.`,
    };

  // A global shortcut fires in every app: a bare letter (or Shift+letter) would swallow typing.
  const typing = modifiers.length === 0 || modifiers.every((m) => m === 'Shift');
  if (typing && !standsAlone(key)) {
    return {
      ok: false,
      message: `"${text}" would take over normal typing in every app. Add Ctrl, Alt or Command (e.g. CommandOrControl+Shift+${key}).`,
    };
  }
  return { ok: true, accelerator: [...modifiers, key].join('+'), modifiers, key };
}
