// Opening links and revealing files. openExternal is refused for anything but http(s), whatever the
// caller checked before: a file:// or custom-scheme URL could run a program.
import { shell } from 'electron';
import type { ShellAdapter } from './core/app-service';

function isWebUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Dragging needs the window, so app-service.ts adds it (drag-out.ts). */
export const electronShell: Omit<ShellAdapter, 'startFileDrag'> = {
  async openExternal(url) {
    if (!isWebUrl(url)) throw new Error('Only http(s) links are opened in the browser.');
    await shell.openExternal(url);
  },
  showItemInFolder: (path) => shell.showItemInFolder(path),
};
