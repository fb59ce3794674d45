// The Chromium harness: the built renderer in Debian's Chromium, its window.kiedrop bound to the real
// app service (real engine on a temp data folder, real keychain under a unique service name, the real
// emulator) through the same guard and validators the Electron IPC uses. One handler table, two
// transports: Electron's ipcMain in the app, a Playwright binding here.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isInvokeChannel } from '../../src/shared/ipc-channels';
import type { Handlers, IpcResult } from '../../src/shared/ipc-contract';
import { createCleanupStack } from './cleanup-stack';
import { ensureRendererBuilt } from './ensure-renderer-built';
import { bridgeScript, deliverExpression, INVOKE_BINDING, PAGE_START_CHANNEL } from './page-bridge';
import { callGuarded, openServedPage, serialDelivery } from './served-page';
import { startTestApp } from './test-app';
import type { TestApp, TestAppOptions } from './test-app';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from './served-page';

export interface HarnessOptions extends Omit<TestAppOptions, 'start' | 'ready'> {
  /** Default: out/renderer, built first if missing or stale. Pass a folder to serve a page of your own. */
  rendererDir?: string;
  /** Share one browser between harnesses (faster); otherwise one is launched and closed with the harness. */
  browser?: Browser;
  viewport?: { width: number; height: number };
  /** Default true. A visible window needs a display. */
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export interface Harness extends Omit<TestApp, 'forward' | 'filesDir' | 'writeFile'> {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  /** The page's address (http://127.0.0.1:PORT/index.html). */
  url: string;
  handlers: Handlers;
  engine: TestApp['service']['engine'];
  /** pathsForFiles(files) answers join(dropDir, file.name): put files here before dropping or picking them. */
  dropDir: string;
  /** Writes a file into dropDir and returns its path. */
  dropFile(name: string, content: string | Uint8Array): Promise<string>;
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? ensureRendererBuilt();
  const app = await startTestApp({ ...options, start: false, ready: false });
  const cleanups = createCleanupStack();
  const close = async (): Promise<void> => {
    await cleanups.run();
    await app.close();
  };
  try {
    const { server, browser, context, page, isTrustedSender } = await openServedPage(
      rendererDir,
      {
        browser: options.browser,
        headless: options.headless,
        context: {
          viewport: options.viewport ?? { width: 1100, height: 760 },
          colorScheme: options.colorScheme ?? 'light',
          locale: options.locale ?? 'en-US',
        },
      },
      cleanups,
    );
    const { service } = app;

    await page.exposeBinding(
      INVOKE_BINDING,
      async (source, channel: unknown, args: unknown): Promise<IpcResult<unknown>> => {
        // A new document in our page: like a reload in the app, nobody listens until it says it is ready.
        if (channel === PAGE_START_CHANNEL && isTrustedSender(source)) {
          service.outbox.hold();
          return { ok: true, value: undefined };
        }
        if (!isInvokeChannel(channel)) {
          return {
            ok: false,
            error: { kind: 'invalid-argument', message: `"${String(channel)}" is not a KieDrop channel.` },
          };
        }
        return callGuarded(service.handlers, channel, source, args, isTrustedSender);
      },
    );
    await page.addInitScript({
      content: bridgeScript({ dropDir: app.filesDir, platform: process.platform }),
    });

    const deliver = serialDelivery(page);
    app.forward = (event, payload) => deliver(() => deliverExpression(event, payload));

    service.start();
    await page.goto(server.url);

    const { forward: _forward, filesDir, writeFile, ...rest } = app;
    return {
      ...rest,
      page,
      browser,
      context,
      url: server.url,
      handlers: service.handlers,
      engine: service.engine,
      dropDir: filesDir,
      dropFile: writeFile,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
