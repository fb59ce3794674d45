// The system clipboard, as the app service's ClipboardAdapter. Electron's clipboard is asynchronous
// (W3C style), so "Upload clipboard" reads a snapshot first. A write is read back before anyone is told
// "copied": on Wayland a write from an app without a focused window is dropped without an error
// (DESIGN §8 rule 11), and the user must then hear that the links were not copied.
import { clipboard } from 'electron';
import type { ClipboardAdapter } from './core/app-service';
import { snapshotClipboard } from './clipboard-snapshot';
import { writeVerified } from './clipboard-verify';

export const electronClipboard: ClipboardAdapter = {
  writeText: (text) => writeVerified(clipboard, text),
  async read() {
    return snapshotClipboard(await clipboard.read(), process.platform);
  },
};
