// The Chromium every window of this app process opens in: the test file's shared browser server when it
// gave one (KIEDROP_STANDIN_BROWSER), otherwise one launched here. File pages may load their module
// scripts from file: URLs, as Electron's file protocol allows.
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { modes } from './modes';

export const STANDIN_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--allow-file-access-from-files',
];

let browser: Promise<Browser> | null = null;

export function sharedBrowser(): Promise<Browser> {
  browser ??= modes.browserWsEndpoint
    ? chromium.connect(modes.browserWsEndpoint)
    : chromium.launch({ executablePath: '/usr/bin/chromium', args: STANDIN_CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  if (!browser) return;
  const b = await browser.catch(() => null);
  browser = null;
  await b?.close().catch(() => undefined);
}
