// The system clipboard, as the app service's ClipboardAdapter. Electron's clipboard is asynchronous
// (W3C style), so "Upload clipboard" reads a snapshot first; writes are fire-and-forget with a log line,
// since the core's batch copies links where nobody can wait for the OS.
import { clipboard } from 'electron';
import type { ClipboardAdapter } from './core/app-service';
import { snapshotClipboard } from './clipboard-snapshot';

export const electronClipboard: ClipboardAdapter = {
  writeText(text) {
    clipboard.writeText(text).catch((err: unknown) => {
      console.warn(
        `[clipboard] the links could not be copied: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  },
  async read() {
    return snapshotClipboard(await clipboard.read(), process.platform);
  },
};
