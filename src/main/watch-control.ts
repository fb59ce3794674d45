// The tray's "Pause watching folders" item over the app's watch service: pausing all is for this session
// (each folder's own pause is saved), and the menu is rebuilt whenever the folders change.
import type { WatchHost } from './core/app-service';
import type { WatchControl } from './tray';

export function watchControl(watch: WatchHost, onError: (message: string) => void): WatchControl {
  const report = (err: unknown): void => onError(err instanceof Error ? err.message : String(err));
  return {
    get paused() {
      return watch.allPaused;
    },
    pauseAll: () => watch.pause().catch(report),
    resumeAll: () => watch.resume().catch(report),
    onChange: (listener) => watch.on('folders', () => listener()),
  };
}
