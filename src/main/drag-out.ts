// Dragging a history row out of the window as its local file. Electron's webContents.startDrag({ file,
// icon }) starts an OS drag of a real file; the page calls it from its 'dragstart' handler (after
// preventDefault), which is the only moment the OS accepts a new drag. The icon must not be empty on
// macOS; it is decoded once, from memory, so a drag never decodes an image file on the main thread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeImage, type BrowserWindow, type NativeImage } from 'electron';

const DRAG_ICON = join(import.meta.dirname, '../../resources/tray-icon@2x.png');

let icon: NativeImage | null = null;

function dragIcon(): NativeImage {
  if (icon) return icon;
  try {
    icon = nativeImage.createFromBuffer(readFileSync(DRAG_ICON));
  } catch {
    icon = nativeImage.createEmpty();
  }
  return icon;
}

/** Starts the OS drag of `path` from the main window (the only window allowed to ask, see ipc.ts). */
export function electronFileDrag(getWindow: () => BrowserWindow | null): (path: string) => void {
  return (path) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) throw new Error('The window is closed, so nothing can be dragged.');
    window.webContents.startDrag({ file: path, icon: dragIcon() });
  };
}
