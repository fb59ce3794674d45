// The stand-in is worth having only if it fails where Electron would: each platform rule it models,
// checked on its own (a sandboxed preload in a real Chromium page, IPC, menus, notifications).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDIN_CHROMIUM_ARGS } from '../electron-standin/browser';
import { CHROMIUM_PATH } from '../harness/served-page';
import { ipcMain } from '../electron-standin/ipc-main';
import { requireReady } from '../electron-standin/lifecycle';
import { Menu, shownLabel } from '../electron-standin/menu';
import { pageRuntimeScript } from '../electron-standin/page-runtime';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: STANDIN_CHROMIUM_ARGS });
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-standin-rules-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A page with `preload` run by the stand-in's runtime; main answers invokes with `handle`. */
async function pageWithPreload(preload: string, handle: (channel: string, args: unknown[]) => unknown) {
  const context = await browser.newContext();
  const names = {
    invokeBinding: '__i',
    sendBinding: '__s',
    contextMenuBinding: '__c',
    deliverName: '__d',
    dropName: '__x',
  };
  await context.exposeBinding(names.invokeBinding, async (_s, channel: string, args: unknown[]) => {
    try {
      return { value: await handle(channel, args) };
    } catch (err) {
      return { standinError: `Error: ${(err as Error).message}` };
    }
  });
  await context.exposeBinding(names.sendBinding, () => undefined);
  await context.exposeBinding(names.contextMenuBinding, () => undefined);
  const errors: string[] = [];
  await context.addInitScript({
    content: pageRuntimeScript({ ...names, preloadPath: 'preload.cjs', platform: 'linux' }, preload),
  });
  const page = await context.newPage();
  page.on('console', (m) => errors.push(m.text()));
  const file = join(dir, 'page.html');
  await writeFile(file, '<!doctype html><title>t</title><body></body>');
  await page.goto(`file://${file}`);
  return { page, errors, close: () => context.close() };
}

describe('a sandboxed preload', () => {
  it('may require only electron, events, timers and url, and sees a subset of process', async () => {
    const { page, close } = await pageWithPreload(
      `
      const results = {};
      for (const name of ['electron', 'events', 'timers', 'url', 'fs', 'path', 'child_process']) {
        try { require(name); results[name] = 'ok'; } catch (e) { results[name] = e.message; }
      }
      results.process = [typeof process.versions, typeof process.env, typeof process.cwd];
      require('electron').contextBridge.exposeInMainWorld('probe', { results });
      `,
      () => null,
    );
    expect(await page.evaluate('window.probe.results')).toEqual({
      electron: 'ok',
      events: 'ok',
      timers: 'ok',
      url: 'ok',
      fs: 'module not found: fs',
      path: 'module not found: path',
      child_process: 'module not found: child_process',
      process: ['object', 'object', 'undefined'],
    });
    await close();
  });

  it('is copied across the bridge: prototypes dropped, errors keep only their message, the object frozen', async () => {
    const { page, close } = await pageWithPreload(
      `
      class Thing { constructor() { this.a = 1; } method() { return 2; } }
      const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('api', {
        thing: new Thing(),
        fails() { const e = new Error('nope'); e.code = 'E_SECRET'; throw e; },
        invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
      });
      `,
      (channel, args) => {
        if (channel === 'boom') throw new Error('handler failed');
        return { echoed: args };
      },
    );
    expect(await page.evaluate('typeof window.api.thing.method')).toBe('undefined');
    expect(await page.evaluate('window.api.thing.a')).toBe(1);
    expect(await page.evaluate('Object.isFrozen(window.api)')).toBe(true);
    expect(
      await page.evaluate(
        '(() => { try { window.api.fails() } catch (e) { return [e.message, e.code ?? null] } })()',
      ),
    ).toEqual(['nope', null]);
    expect(await page.evaluate(`window.api.invoke('echo', { n: 1 })`)).toEqual({ echoed: [{ n: 1 }] });
    expect(await page.evaluate(`window.api.invoke('boom').catch((e) => e.message)`)).toBe(
      "Error invoking remote method 'boom': Error: handler failed",
    );
    // A function cannot be structured-cloned into an IPC message.
    expect(await page.evaluate(`window.api.invoke('echo', { f() {} }).catch((e) => e.message)`)).toBe(
      'An object could not be cloned.',
    );
    await close();
  });

  it('written as an ES module is refused, leaving the page without its API', async () => {
    const { page, errors, close } = await pageWithPreload(
      `import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('api', {});`,
      () => null,
    );
    expect(await page.evaluate('typeof window.api')).toBe('undefined');
    expect(errors.join('\n')).toMatch(/Cannot use import statement|Unexpected token|import/);
    await close();
  });
});

describe('main-process rules', () => {
  it('refuses a second handler for one channel, and answers an unhandled channel with an error', async () => {
    ipcMain.handle('rules:once', () => 1);
    expect(() => ipcMain.handle('rules:once', () => 2)).toThrow(
      "Attempted to register a second handler for 'rules:once'",
    );
    expect(await ipcMain.invoke('rules:none', {}, [])).toEqual({
      standinError: "Error: No handler registered for 'rules:none'",
    });
    ipcMain.removeHandler('rules:once');
  });

  it('refuses windows, trays and notifications before ready', () => {
    expect(() => requireReady('BrowserWindow')).toThrow(
      'BrowserWindow cannot be used before the app is ready.',
    );
  });

  it('reads "&" in a Windows or Linux menu label as a mnemonic, and "&&" as one "&"', () => {
    expect(shownLabel('Q&A.docx', 'linux')).toBe('QA.docx');
    expect(shownLabel('Q&&A.docx', 'linux')).toBe('Q&A.docx');
    expect(shownLabel('Q&A.docx', 'darwin')).toBe('Q&A.docx');
  });

  it('has a default application menu with Reload and developer tools until the app sets its own', () => {
    const labels = JSON.stringify(Menu.getApplicationMenu()?.view());
    expect(labels).toContain('Reload');
    expect(labels).toContain('Toggle Developer Tools');
    Menu.setApplicationMenu(null);
    expect(Menu.getApplicationMenu()).toBeNull();
  });

  it('loses the click of a notification nobody keeps a reference to', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const lifecycle = await import('../electron-standin/lifecycle');
    lifecycle.markReady();
    const { Notification, clickNotification, shownNotifications } =
      await import('../electron-standin/notification');
    let clicked = 0;
    const kept = new Notification({ title: 'kept' });
    kept.on('click', () => (clicked += 1));
    kept.show();
    (() => {
      const dropped = new Notification({ title: 'dropped' });
      dropped.on('click', () => (clicked += 100));
      dropped.show();
    })();
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
    }
    const [keptRecord, droppedRecord] = shownNotifications.slice(-2);
    expect(clickNotification(droppedRecord?.id ?? -1)).toBe(false);
    expect(clickNotification(keptRecord?.id ?? -1)).toBe(true);
    expect(clicked).toBe(1);
  });
});
