// The Chromium every window of this app process opens in: the test file's shared browser server when it
// gave one (KIEDROP_STANDIN_BROWSER), otherwise one launched here.
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/served-page';
import { modes } from './modes';

// The harness's flags, plus file access: file pages may load their module scripts from file: URLs, as
// Electron's file protocol allows.
export const STANDIN_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--allow-file-access-from-files'];

let browser: Promise<Browser> | null = null;

export function sharedBrowser(): Promise<Browser> {
  browser ??= modes.browserWsEndpoint
    ? chromium.connect(modes.browserWsEndpoint)
    : chromium.launch({ executablePath: CHROMIUM_PATH, args: STANDIN_CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  if (!browser) return;
  const b = await browser.catch(() => null);
  browser = null;
  await b?.close().catch(() => undefined);
}
