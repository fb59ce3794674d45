// A built renderer page served on 127.0.0.1 and opened in Chromium, with what both harness pages (the
// main window and the drop window) need around it: the trusted-sender check, the guarded call into the
// app service's handler table, and in-order delivery of pushed events.
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { guardedHandler } from '../../src/main/ipc-guard';
import { validateArgs } from '../../src/main/ipc-validators';
import type { Handlers, InvokeChannel, IpcResult } from '../../src/shared/ipc-contract';
import type { CleanupStack } from './cleanup-stack';
import { serveDirectory } from './static-server';
import type { StaticServer } from './static-server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type BindingSource = Parameters<Parameters<Page['exposeBinding']>[1]>[0];

export interface ServedPageOptions {
  /** Shared by the caller and left open; otherwise one is launched and closed with the page. */
  browser?: Browser;
  /** Default true. */
  headless?: boolean;
  context: BrowserContextOptions;
}

export interface ServedPage {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Only our page's main frame, on our server's origin: what Electron's sender check allows. */
  isTrustedSender(source: BindingSource): boolean;
}

/** Everything it opens is pushed on `cleanups`, so a failure half-way leaves nothing running. */
export async function openServedPage(
  rendererDir: string,
  options: ServedPageOptions,
  cleanups: CleanupStack,
): Promise<ServedPage> {
  const server = await serveDirectory(rendererDir);
  cleanups.push(() => server.close());
  const browser =
    options.browser ??
    (await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: options.headless ?? true,
    }));
  if (!options.browser) cleanups.push(() => browser.close());
  const context = await browser.newContext(options.context);
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const isTrustedSender = (source: BindingSource): boolean =>
    source.frame === page.mainFrame() && new URL(source.frame.url()).origin === server.origin;
  return { server, browser, context, page, isTrustedSender };
}

/** One call from the page, through the same guard and validators as Electron's IPC. */
export function callGuarded(
  handlers: Handlers,
  channel: InvokeChannel,
  source: BindingSource,
  args: unknown,
  isTrustedSender: (source: BindingSource) => boolean,
): Promise<IpcResult<unknown>> {
  const run = guardedHandler<BindingSource>(channel, handlers[channel], {
    isTrustedSender,
    validate: validateArgs,
  });
  return run(source, ...(Array.isArray(args) ? args : [args]));
}

/** Evaluates each expression in the page in order, one at a time, like webContents.send; a page that is
 * gone just misses them. The expression is built when its turn comes, as the message would be sent. */
export function serialDelivery(page: Page): (expression: () => string) => void {
  let delivery: Promise<unknown> = Promise.resolve();
  return (expression) => {
    delivery = delivery.then(() => page.evaluate(expression())).catch(() => undefined);
  };
}
