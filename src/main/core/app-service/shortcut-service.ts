// The "Upload clipboard" global shortcut: registered at start from the settings, and changed only
// through set(), which takes the new keys before letting go of the old ones (see rebindShortcut). The
// OS registry comes in as an adapter: Electron's globalShortcut in the app, none in tests and the CLI.
import { parseAccelerator, rebindShortcut } from '../clipboard';
import type { ShortcutRegistry } from '../clipboard';
import type { SettingsStore } from '../settings';
import type { ShortcutState } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';

export interface ShortcutService {
  state(): ShortcutState;
  /** Registers the saved shortcut; a failure is reported in the state (and returned), not thrown. */
  start(): ShortcutState;
  /** Changes (or with '' turns off) the shortcut and saves it. Throws IpcFailure when it cannot. */
  set(accelerator: string): ShortcutState;
  /** Lets go of the shortcut (on quit). */
  stop(): void;
}

const UNAVAILABLE = 'Global shortcuts are not available here.';

/** The code and params of a state's problem, so the window says it in the person's language. */
export function shortcutProblemCode(
  state: ShortcutState,
): { code: string; params?: { accelerator: string } } | null {
  if (state.message === null) return null;
  return state.message === UNAVAILABLE
    ? { code: 'shortcut.unavailable' }
    : { code: 'shortcut.taken', params: { accelerator: state.accelerator } };
}

function takenMessage(accelerator: string): string {
  return `${accelerator} is taken by another app (or by the system), so the Upload clipboard shortcut is off. Choose another one in Settings.`;
}

export function createShortcutService(
  registry: ShortcutRegistry | null,
  settings: Pick<SettingsStore, 'get' | 'set'>,
): ShortcutService {
  let active: string | null = null;
  let problem: string | null = null;

  function state(): ShortcutState {
    const accelerator = settings.get().clipboardShortcut;
    if (accelerator === '') return { accelerator, active: false, message: null };
    const base =
      registry === null
        ? { accelerator, active: false, message: UNAVAILABLE }
        : { accelerator, active: active !== null, message: active !== null ? null : problem };
    const problemCode = shortcutProblemCode(base);
    return problemCode === null ? base : { ...base, problem: problemCode };
  }

  return {
    state,
    start() {
      const saved = settings.get().clipboardShortcut;
      if (registry === null || saved === '' || active !== null) return state();
      const result = rebindShortcut(registry, null, saved);
      active = result.active;
      problem = result.ok ? null : takenMessage(saved);
      return state();
    },
    set(next) {
      const wanted = next.trim();
      if (wanted !== '') {
        const parsed = parseAccelerator(wanted);
        if (!parsed.ok) throw new IpcFailure('invalid-argument', parsed.message);
      }
      if (registry !== null) {
        const result = rebindShortcut(registry, active, wanted);
        if (!result.ok) {
          // The old shortcut (if any) still works; the setting keeps naming it.
          throw new IpcFailure('shortcut-taken', result.message, {
            code: active === null ? 'shortcut.refused-none-kept' : 'shortcut.refused',
            params: { accelerator: canonicalOf(wanted), ...(active === null ? {} : { kept: active }) },
          });
        }
        active = result.active;
        problem = null;
      }
      // Saved as registered (canonical spelling), or as typed when there is no registry to ask.
      settings.set({
        clipboardShortcut: registry !== null && active !== null ? active : canonicalOf(wanted),
      });
      return state();
    },
    stop() {
      if (registry !== null && active !== null) registry.unregister(active);
      active = null;
    },
  };
}

function canonicalOf(accelerator: string): string {
  if (accelerator === '') return '';
  const parsed = parseAccelerator(accelerator);
  return parsed.ok ? parsed.accelerator : accelerator;
}
