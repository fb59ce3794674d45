// The user's settings in settings.json beside the database (conf writes it atomically). Read once at
// start and kept in memory: a file damaged later cannot crash a running app, and a bad file at start
// gives the defaults plus a notice instead of an error.
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';
import { SettingsError } from './settings-error';
import { describeSettingsIssues } from './settings-issues';
import { SETTING_NAMES, settingsPatchSchema, settingsSchema, settingsShape } from './settings-schema';

export const SETTINGS_CONFIG_NAME = 'settings';
export const SETTINGS_FILE_NAME = `${SETTINGS_CONFIG_NAME}.json`;

export type SettingsListener = (next: Settings, previous: Settings) => void;

/** One problem with the settings file: the English words (CLI, logs), and a stable code with params
 * the window says in the person's language. */
export interface SettingsNotice {
  message: string;
  code: string;
  params: Record<string, string>;
}

export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  /** Validates the change, saves it, and returns the full settings. Throws SettingsError. */
  set(patch: Partial<Settings>): Settings;
  /** Returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void;
  /** What went wrong reading the file at start (the defaults were used for what was unusable), or null. */
  readonly notice: string | null;
  /** The same, one entry per problem, each with its code. */
  readonly notices: readonly SettingsNotice[];
}

interface Loaded {
  settings: Settings;
  notice: SettingsNotice | null;
  /** The file holds something that must not stay there (bad values, unknown keys). */
  rewrite: boolean;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function loadFile(file: string, defaults: Settings): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: structuredClone(defaults), notice: null, rewrite: false };
    const reason = errorText(err);
    return {
      settings: structuredClone(defaults),
      notice: {
        message: `The settings file ${file} could not be read (${reason}), so the default settings are in use. Check the file's permissions.`,
        code: 'settings.unreadable',
        params: { file, reason },
      },
      rewrite: false,
    };
  }
  let raw: unknown;
  let problem = 'not a settings object';
  try {
    raw = JSON.parse(text);
  } catch {
    problem = 'not valid JSON';
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    // Keep the damaged file for the user rather than overwriting it on the next change.
    const movedTo = `${file}.damaged-${stamp(new Date())}`;
    let where = `it was moved to ${movedTo}`;
    let coded: Omit<SettingsNotice, 'message'> = { code: 'settings.damaged', params: { movedTo } };
    try {
      renameSync(file, movedTo);
    } catch (err) {
      where = `it could not be moved aside (${errorText(err)}) and will be replaced on the next change`;
      coded = { code: 'settings.damaged-kept', params: { file, reason: errorText(err) } };
    }
    return {
      settings: structuredClone(defaults),
      notice: {
        message: `The settings file was damaged (${problem}); ${where}. The default settings are in use.`,
        ...coded,
      },
      rewrite: false,
    };
  }
  return salvage(raw as Record<string, unknown>, defaults);
}

// Field by field, so one bad value costs only that value.
function salvage(raw: Record<string, unknown>, defaults: Settings): Loaded {
  const settings: Record<string, unknown> = { ...structuredClone(defaults) };
  const reset: string[] = [];
  for (const name of SETTING_NAMES) {
    if (!(name in raw)) continue;
    const parsed = settingsShape[name].safeParse(raw[name]);
    if (parsed.success) settings[name] = parsed.data;
    else reset.push(name);
  }
  const unknown = Object.keys(raw).filter((k) => !(SETTING_NAMES as string[]).includes(k));
  const notice: SettingsNotice | null =
    reset.length > 0
      ? {
          message: `Some settings had values KieDrop cannot use and were reset to their defaults: ${reset.join(', ')}.`,
          code: 'settings.reset',
          params: { names: reset.join(', ') },
        }
      : null;
  return {
    settings: settings as unknown as Settings,
    notice,
    rewrite: reset.length > 0 || unknown.length > 0,
  };
}

export interface SettingsStoreOptions {
  /** What a missing or unusable setting falls back to; see defaultSettingsFor(platform). */
  defaults?: Settings;
}

export function createSettingsStore(dataDir: string, options: SettingsStoreOptions = {}): SettingsStore {
  const file = join(dataDir, SETTINGS_FILE_NAME);
  const loaded = loadFile(file, options.defaults ?? DEFAULT_SETTINGS);
  const notices: SettingsNotice[] = loaded.notice ? [loaded.notice] : [];
  let current = settingsSchema.parse(loaded.settings);
  let conf: Conf<Settings> | null = null;
  try {
    conf = new Conf<Settings>({
      cwd: dataDir,
      configName: SETTINGS_CONFIG_NAME,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
    // Drops stray fields (a key pasted into the file by hand must not stay there) and bad values.
    if (loaded.rewrite) conf.store = current;
  } catch (err) {
    const reason = errorText(err);
    notices.push({
      message: `The settings file ${file} cannot be used (${reason}); changes will last only until KieDrop quits.`,
      code: 'settings.not-saved',
      params: { file, reason },
    });
    conf = null;
  }
  const listeners = new Set<SettingsListener>();

  return {
    file,
    get notice() {
      return notices.length === 0 ? null : notices.map((n) => n.message).join(' ');
    },
    get notices() {
      return notices;
    },
    get: () => structuredClone(current),
    set(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const [first, ...rest] = describeSettingsIssues(parsed.error.issues);
        const message = [first, ...rest].map((i) => i?.message).join(' ');
        throw new SettingsError('invalid-argument', message, first?.field ?? null);
      }
      const previous = current;
      const next = settingsSchema.parse({ ...current, ...parsed.data });
      if (conf !== null) {
        try {
          conf.store = next;
        } catch (err) {
          throw new SettingsError(
            'write-failed',
            `The settings could not be saved to ${file} (${errorText(err)}). Check that the disk is not full and the folder is writable.`,
            null,
            { cause: err },
          );
        }
      }
      current = next;
      for (const listener of [...listeners]) listener(structuredClone(next), structuredClone(previous));
      return structuredClone(next);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
