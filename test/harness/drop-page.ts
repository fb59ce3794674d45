// The floating drop window's page (out/renderer/drop.html) in Chromium, its window.kiedropDrop bound to
// the real app service through the same guard and validators as Electron's IPC. Like the drop window's
// preload, the binding answers only the drop window's few channels; activity reaches the page the way
// main pushes it to the real window.
import { sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DROP_INVOKE_CHANNELS, isDropChannel } from '../../src/shared/drop-api';
import type { IpcResult } from '../../src/shared/ipc-contract';
import { createCleanupStack } from './cleanup-stack';
import { ensureRendererBuilt } from './ensure-renderer-built';
import { callGuarded, openServedPage, serialDelivery } from './served-page';
import { startTestApp } from './test-app';
import type { TestApp, TestAppOptions } from './test-app';

const BINDING = '__kiedropDropInvoke';
/** The page function that shows an activity summary: what main's push reaches in the real window. */
export const DROP_DELIVER_FUNCTION = '__kiedropDropDeliver';

export interface DropPageOptions extends TestAppOptions {
  rendererDir?: string;
  browser?: Browser;
  colorScheme?: 'light' | 'dark';
  /** Default 2, so screenshots are sharp. */
  deviceScaleFactor?: number;
}

export interface DropPage {
  app: TestApp;
  page: Page;
  context: BrowserContext;
  url: string;
  /** Drops files (by name, from app.filesDir) on the tile, as a file manager would. */
  dropFiles(names: readonly string[]): Promise<void>;
  /** Drops text on the tile, as a browser does when a link is dragged. */
  dropText(text: string): Promise<void>;
  close(): Promise<void>;
}

// Kept as source text so no transpiler helper can leak into the page (see page-bridge.ts).
const BRIDGE_SOURCE = `
(function (config) {
  var listeners = new Set();
  var call = function (channel, args) { return window[config.binding](channel, args); };
  var api = {
    pathsForFiles: function (files) {
      return Array.prototype.map.call(files, function (file) { return config.dropDir + config.sep + file.name; });
    },
    uploadFiles: function (paths) { return call('upload:files', [paths, {}]); },
    uploadUrl: function (url) { return call('upload:url', [url, {}]); },
    activity: function () { return call('activity:get', []); },
    copyLinks: function () { return call('activity:copy-links', []); },
    latestLink: function () { return call('activity:latest-link', []); },
    onActivity: function (listener) {
      var own = function (activity) { listener(activity); };
      listeners.add(own);
      return function () { listeners.delete(own); };
    },
  };
  Object.defineProperty(window, config.deliver, {
    value: function (activity) { Array.from(listeners).forEach(function (l) { l(activity); }); },
  });
  Object.defineProperty(window, 'kiedropDrop', { value: Object.freeze(api), enumerable: true });
})`;

// A real drag from the OS cannot be scripted; the page gets the same DOM events with a DataTransfer
// holding File objects (named like the files in filesDir) or text, as Chromium delivers them.
const DISPATCH_DROP = `function (names, text) {
  var data = new DataTransfer();
  names.forEach(function (name) { data.items.add(new File(['dropped'], name)); });
  if (text !== null) data.setData('text/plain', text);
  var tile = document.getElementById('tile');
  if (!tile) throw new Error('drop.html has no #tile');
  ['dragenter', 'dragover', 'drop'].forEach(function (type) {
    tile.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
}`;

export async function launchDropPage(options: DropPageOptions = {}): Promise<DropPage> {
  const rendererDir = options.rendererDir ?? ensureRendererBuilt();
  const app = await startTestApp(options);
  const cleanups = createCleanupStack();
  const close = async (): Promise<void> => {
    await cleanups.run();
    await app.close();
  };
  try {
    const { server, context, page, isTrustedSender } = await openServedPage(
      rendererDir,
      {
        browser: options.browser,
        context: {
          viewport: { width: 160, height: 160 },
          deviceScaleFactor: options.deviceScaleFactor ?? 2,
          colorScheme: options.colorScheme ?? 'light',
          locale: 'en-US',
        },
      },
      cleanups,
    );
    const { service } = app;

    await page.exposeBinding(
      BINDING,
      async (source, channel: unknown, args: unknown): Promise<IpcResult<unknown>> => {
        // The drop window may call its own channels and nothing else, as ipc.ts enforces in the app.
        if (typeof channel !== 'string' || !isDropChannel(channel)) {
          return {
            ok: false,
            error: {
              kind: 'forbidden',
              message: `The drop window may only call ${DROP_INVOKE_CHANNELS.join(', ')}.`,
            },
          };
        }
        return callGuarded(service.handlers, channel, source, args, isTrustedSender);
      },
    );
    const config = { binding: BINDING, deliver: DROP_DELIVER_FUNCTION, dropDir: app.filesDir, sep };
    await page.addInitScript({ content: `${BRIDGE_SOURCE.trim()}(${JSON.stringify(config)});` });

    const deliver = serialDelivery(page);
    const off = service.activity.on((activity) => {
      deliver(() => `window.${DROP_DELIVER_FUNCTION}(${JSON.stringify(activity)})`);
    });
    cleanups.push(off);

    const url = `${server.origin}/drop.html`;
    await page.goto(url);

    const dispatch = async (files: readonly string[], text: string | null): Promise<void> => {
      await page.evaluate(`(${DISPATCH_DROP})(${JSON.stringify(files)}, ${JSON.stringify(text)})`);
    };

    return {
      app,
      page,
      context,
      url,
      dropFiles: (names) => dispatch(names, null),
      dropText: (text) => dispatch([], text),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
