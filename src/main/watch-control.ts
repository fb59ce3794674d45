// The tray's "Pause watching folders" item over the app's watch service: pausing all is for this session
// (each folder's own pause is saved), and the menu is rebuilt whenever the folders change.
import { toIpcError } from './core/app-service';
import type { WatchHost } from './core/app-service';
import type { ErrorParams } from '../shared/ipc-contract';
import type { WatchControl } from './tray';

export type WatchAction = 'pause' | 'resume';

/** What the window is told when pausing or resuming failed: the English words, and a code it translates. */
export function watchControlNotice(
  err: unknown,
  action: WatchAction,
): { message: string; code: string; params?: ErrorParams } {
  const { message, code, params } = toIpcError(err);
  // A known failure (the history locked, the disk full) says itself; anything else is named by what failed.
  if (code !== undefined && code !== 'internal') return { message, code, params };
  return { message, code: `watch.${action}-failed`, params: { reason: message } };
}

export function watchControl(
  watch: WatchHost,
  onError: (err: unknown, action: WatchAction) => void,
): WatchControl {
  return {
    get paused() {
      return watch.allPaused;
    },
    pauseAll: () => watch.pause().catch((err: unknown) => onError(err, 'pause')),
    resumeAll: () => watch.resume().catch((err: unknown) => onError(err, 'resume')),
    onChange: (listener) => watch.on('folders', () => listener()),
  };
}
