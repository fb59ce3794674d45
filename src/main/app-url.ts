// Which URLs are our own pages: the built files, or the dev server electron-vite starts. The main
// window shows index.html; the floating drop window shows drop.html.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const RENDERER_DEV_URL = process.env['ELECTRON_RENDERER_URL'];
export const RENDERER_FILE = join(import.meta.dirname, '../renderer/index.html');
export const DROP_RENDERER_FILE = join(import.meta.dirname, '../renderer/drop.html');

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function isOwnAppUrl(raw: string): boolean {
  const url = parse(raw);
  if (url === null) return false;
  if (RENDERER_DEV_URL) return url.origin === new URL(RENDERER_DEV_URL).origin;
  return url.protocol === 'file:' && url.pathname === pathToFileURL(RENDERER_FILE).pathname;
}

/** The drop window's page, and only that page: it is trusted with a few upload channels. */
export function isOwnDropUrl(raw: string): boolean {
  const url = parse(raw);
  if (url === null) return false;
  if (RENDERER_DEV_URL) {
    return url.origin === new URL(RENDERER_DEV_URL).origin && url.pathname === '/drop.html';
  }
  return url.protocol === 'file:' && url.pathname === pathToFileURL(DROP_RENDERER_FILE).pathname;
}

/** Where a window loads a page from: the dev server while developing, else the built file. */
export function pageSource(page: 'index' | 'drop'): { url: string } | { file: string } {
  if (RENDERER_DEV_URL)
    return { url: new URL(`${page}.html`, `${RENDERER_DEV_URL.replace(/\/?$/, '/')}`).href };
  return { file: page === 'index' ? RENDERER_FILE : DROP_RENDERER_FILE };
}
