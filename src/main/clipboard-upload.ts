// "Upload clipboard" from the tray and the global shortcut: the same handler the window calls. Its
// batch ends with one notification; when there was nothing to upload (an empty clipboard, plain
// text), that is said in a notification too, since there is no window to show it in.
import type { AppService, NotifyAdapter } from './core/app-service';

/** A second press this soon after the first is the same wish, not a second upload of the same thing. */
const REPEAT_GUARD_MS = 1000;

export function createClipboardUploader(
  getService: () => AppService | null,
  notifier: NotifyAdapter,
): () => void {
  let lastPress = 0;
  return () => {
    const service = getService();
    const now = Date.now();
    if (service === null || now - lastPress < REPEAT_GUARD_MS) return;
    lastPress = now;
    Promise.resolve()
      .then(() => service.handlers['clipboard:upload']())
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        notifier.notify({ title: 'Nothing uploaded from the clipboard', body: message });
      });
  };
}
