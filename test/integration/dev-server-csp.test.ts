// `npm run dev` serves the renderer from Vite's dev server, which adds an inline React-refresh preamble,
// injects CSS as <style> tags and opens an HMR websocket. This starts that dev server from the project's
// own electron-vite config (as `electron-vite dev` does, without Electron), opens both pages in Chromium
// and checks they run with no CSP violation; and it builds for production to check that the shipped
// pages keep the strict CSP of their source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { createServer, mergeConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspOf, PROJECT_ROOT } from '../../scripts/security-check';
import { createCleanupStack } from '../harness/cleanup-stack';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/served-page';

// Stand-ins for both preloads (every call stays pending, which is all each page needs for its first
// paint), and a listener that reports each CSP violation. Source text, so no transpiler helper leaks in.
const PRELOAD_STUB = `(function () {
  var api = new Proxy({}, {
    get: function (_target, name) {
      if (name === 'platform') return 'linux';
      if (name === 'on' || name === 'onActivity') return function () { return function () {}; };
      if (name === 'pathsForFiles') return function () { return []; };
      return function () { return new Promise(function () {}); };
    },
  });
  Object.defineProperty(window, 'kiedrop', { value: api });
  Object.defineProperty(window, 'kiedropDrop', { value: api });
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__cspViolation(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline'));
  }, true);
})();`;

/** What each page shows once its own script ran. */
const RENDERED = {
  'index.html': `document.getElementById('root').childElementCount > 0`,
  'drop.html': `document.getElementById('label').textContent === 'Drop files or a link'`,
};
/** A <style> that CSP refused is still in the DOM, but has no sheet. */
const STYLES_APPLIED = `(() => {
  const styles = Array.from(document.querySelectorAll('style'));
  return styles.length > 0 && styles.every((s) => s.sheet !== null);
})()`;

const cleanups = createCleanupStack();
const tmp = mkdtempSync(join(tmpdir(), 'kiedrop-dev-csp-'));
cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

afterAll(() => cleanups.run());

describe('the renderer on the dev server (npm run dev)', () => {
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    // What `electron-vite dev` sets before it resolves the config; put back afterwards.
    const saved = {
      NODE_ENV: process.env.NODE_ENV,
      NODE_ENV_ELECTRON_VITE: process.env.NODE_ENV_ELECTRON_VITE,
    };
    cleanups.push(() => {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    });
    process.env.NODE_ENV_ELECTRON_VITE = 'development';
    const { config } = await resolveConfig({ root: PROJECT_ROOT, logLevel: 'warn' }, 'serve', 'development');
    if (!config?.renderer) throw new Error('electron.vite.config.ts has no renderer config');
    const server = await createServer(
      // Its own dependency cache and no file watching, so parallel work in the tree cannot disturb it.
      mergeConfig(config.renderer, { cacheDir: join(tmp, 'vite-cache'), server: { watch: null } }),
    );
    cleanups.push(() => server.close());
    await server.listen();
    const local = server.resolvedUrls?.local[0];
    if (!local) throw new Error('The dev server has no local URL');
    origin = new URL(local).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
  }, 120_000);

  for (const path of ['index.html', 'drop.html'] as const) {
    it(`runs /${path} with its styles and the HMR socket, and no CSP violation`, async () => {
      const context = await browser.newContext();
      try {
        const violations: string[] = [];
        const errors: string[] = [];
        const consoleLines: string[] = [];
        await context.exposeFunction('__cspViolation', (line: string) => violations.push(line));
        await context.addInitScript(PRELOAD_STUB);
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        page.on('console', (msg) => consoleLines.push(msg.text()));
        await page.goto(`${origin}/${path}`);
        const state = async () => ({
          violations,
          errors,
          cspConsole: consoleLines.filter((l) =>
            l.includes('violates the following Content Security Policy'),
          ),
          rendered: await page.evaluate(RENDERED[path]),
          stylesApplied: await page.evaluate(STYLES_APPLIED),
          hmrConnected: consoleLines.includes('[vite] connected.'),
        });
        await expect.poll(state, { timeout: 20_000 }).toEqual({
          violations: [],
          errors: [],
          cspConsole: [],
          rendered: true,
          stylesApplied: true,
          hmrConnected: true,
        });
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it('keeps scripts strict in dev: a fresh nonce per response, never unsafe-inline or unsafe-eval', async () => {
    const pages = await Promise.all([1, 2].map(async () => (await fetch(`${origin}/index.html`)).text()));
    const scriptSources = pages.map((html) => /script-src ([^;]*)/.exec(cspOf(html) ?? '')?.[1] ?? '');
    for (const sources of scriptSources) {
      expect(sources).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(sources).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    expect(scriptSources[0]).not.toBe(scriptSources[1]);
    // A meta policy covers only what follows it, and Vite puts its own scripts first in <head>.
    for (const html of pages)
      expect(html.search(/<meta[^>]*Content-Security-Policy/i)).toBeLessThan(html.indexOf('<script'));
  });
});

describe('the production build (npx electron-vite build)', () => {
  const outDir = join(tmp, 'out');

  beforeAll(() => {
    // The real build command, into a temp folder so the shared out/ is left alone and reflects this config.
    const bin = join(
      dirname(createRequire(import.meta.url).resolve('electron-vite')),
      '..',
      'bin',
      'electron-vite.js',
    );
    const result = spawnSync(process.execPath, [bin, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(
        `electron-vite build exited with ${result.status}:\n${result.stdout}\n${result.stderr}`,
      );
  }, 180_000);

  for (const path of ['index.html', 'drop.html']) {
    it(`ships ${path} with exactly the strict CSP of its source`, () => {
      const built = readFileSync(join(outDir, 'renderer', path), 'utf8');
      const source = readFileSync(join(PROJECT_ROOT, 'src', 'renderer', path), 'utf8');
      const csp = cspOf(built);
      expect(csp).toBe(cspOf(source));
      expect(csp).toMatch(/script-src 'self';/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|ws:/);
      expect(built).not.toContain('csp-nonce');
    });
  }
});
