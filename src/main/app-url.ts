// Which URLs are our own pages: the built files, or the dev server electron-vite starts. The main
// window shows index.html; the floating drop window shows drop.html.
//
// A frame's URL is Chromium's canonical form, which keeps `[ ] ~` literal where Node's pathToFileURL
// escapes them (and electron's loadFile leaves a literal `%20` in a folder name undecoded). So a URL is
// never compared as text: both sides are parsed and the decoded file paths are compared.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The file a file: URL names, decoded, or null for anything else (or a URL that names no local file). */
function filePathOf(url: URL): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

/** Whether `raw` shows the local file `file` (query and fragment aside), however either was encoded. */
export function isFileUrlOf(raw: string, file: string): boolean {
  const url = parse(raw);
  const path = url && filePathOf(url);
  return path !== null && path !== undefined && path === resolve(file);
}

function isDevPage(raw: string, page: 'index' | 'drop', devUrl: string): boolean {
  const url = parse(raw);
  if (url === null) return false;
  const dev = new URL(devUrl);
  if (url.origin !== dev.origin) return false;
  return page === 'drop' ? url.pathname === '/drop.html' : url.pathname !== '/drop.html';
}

export function isOwnAppUrl(raw: string): boolean {
  return RENDERER_DEV_URL ? isDevPage(raw, 'index', RENDERER_DEV_URL) : isFileUrlOf(raw, RENDERER_FILE);
}

/** The drop window's page, and only that page: it is trusted with a few upload channels. */
export function isOwnDropUrl(raw: string): boolean {
  return RENDERER_DEV_URL ? isDevPage(raw, 'drop', RENDERER_DEV_URL) : isFileUrlOf(raw, DROP_RENDERER_FILE);
}

/**
 * The URL a window loads for a page: the dev server while developing, else the built file as a file: URL
 * made by pathToFileURL (electron's loadFile does not escape `%`, so a folder named `a%20b` would load
 * `a b`).
 */
export function pageUrl(page: 'index' | 'drop'): string {
  if (RENDERER_DEV_URL) return new URL(`${page}.html`, `${RENDERER_DEV_URL.replace(/\/?$/, '/')}`).href;
  return pathToFileURL(page === 'index' ? RENDERER_FILE : DROP_RENDERER_FILE).href;
}

/**
 * Whether a navigation that is starting will replace our page. 'did-start-navigation' comes before
 * 'will-navigate', which cancels every navigation away from our own page (security.ts), so only a
 * navigation to our own page really unloads it; holding events for any other would hold them forever.
 */
export function replacesOwnPage(details: {
  url: string;
  isMainFrame: boolean;
  isSameDocument: boolean;
}): boolean {
  return details.isMainFrame && !details.isSameDocument && isOwnAppUrl(details.url);
}
