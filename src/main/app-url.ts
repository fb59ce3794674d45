// Which URLs are our own renderer: the built files, or the dev server electron-vite starts.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const RENDERER_DEV_URL = process.env['ELECTRON_RENDERER_URL'];
export const RENDERER_FILE = join(import.meta.dirname, '../renderer/index.html');

export function isOwnAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (RENDERER_DEV_URL) return url.origin === new URL(RENDERER_DEV_URL).origin;
  return url.protocol === 'file:' && url.pathname === pathToFileURL(RENDERER_FILE).pathname;
}
