// The static security check (scripts/security-check.ts) passes on the app as it is, and fails on each
// mistake it exists to catch — including the app's own files with one safeguard removed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyAllowlist,
  checkAppHandlers,
  checkCsp,
  checkOpenExternal,
  checkPreload,
  checkWindowOptions,
  PROJECT_ROOT,
  readAllowlist,
  runSecurityCheck,
} from '../../scripts/security-check';
import type { Finding, SourceText } from '../../scripts/security-check';

const rules = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();

function real(path: string): SourceText {
  return { path, text: readFileSync(join(PROJECT_ROOT, path), 'utf8') };
}

function edited(path: string, from: string | RegExp, to: string): SourceText {
  const file = real(path);
  const text = file.text.replace(from, to);
  if (text === file.text) throw new Error(`${path} no longer contains ${String(from)}: update this test`);
  return { path, text };
}

const GOOD_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; img-src 'self' data:">`;
const page = (csp: string): SourceText => ({
  path: 'src/renderer/index.html',
  text: `<html><head>${csp}</head></html>`,
});

describe('the security check on this app', () => {
  it('has no unreviewed findings, and every reviewed one has a reason', () => {
    const report = runSecurityCheck();
    expect(report.unreviewed).toEqual([]);
    expect(report.scanned.main).toBeGreaterThan(5);
    expect(report.scanned.preload).toBeGreaterThanOrEqual(1);
    expect(report.scanned.html).toBeGreaterThanOrEqual(1);
    for (const { reason } of report.reviewed) expect(reason.length).toBeGreaterThanOrEqual(10);
  });

  it('fails the real main window once sandbox or context isolation is switched off', () => {
    expect(checkWindowOptions(real('src/main/main-window.ts'))).toEqual([]);
    expect(
      rules(checkWindowOptions(edited('src/main/main-window.ts', 'sandbox: true', 'sandbox: false'))),
    ).toEqual(['window-sandbox']);
    expect(
      rules(checkWindowOptions(edited('src/main/main-window.ts', /\n\s*contextIsolation: true,/, ''))),
    ).toEqual(['window-context-isolation']);
  });

  it('fails the real hardening once navigation is no longer prevented', () => {
    const files = [real('src/main/security.ts')];
    expect(checkAppHandlers(files)).toEqual([]);
    const broken = edited(
      'src/main/security.ts',
      /if \(!isOwnPage\(url\)\) event\.preventDefault\(\);/g,
      'void url;',
    );
    expect(rules(checkAppHandlers([broken]))).toEqual(['app-will-navigate']);
  });

  it('fails the real shell adapter once its URL check is removed', () => {
    expect(checkOpenExternal(real('src/main/shell-adapter.ts'))).toEqual([]);
    const broken = edited('src/main/shell-adapter.ts', /if \(!isWebUrl\(url\)\) throw [^;]+;/, '');
    expect(checkOpenExternal(broken)).toEqual([
      expect.objectContaining({ rule: 'shell-open-external', file: 'src/main/shell-adapter.ts' }),
    ]);
  });

  it('fails the real preload once it hands over ipcRenderer', () => {
    expect(checkPreload(real('src/preload/index.ts'))).toEqual([]);
    const broken = edited(
      'src/preload/index.ts',
      "exposeInMainWorld('kiedrop', api as KieDropApi)",
      "exposeInMainWorld('kiedrop', ipcRenderer)",
    );
    expect(rules(checkPreload(broken))).toEqual(['preload-exposes-ipc-renderer']);
  });
});

describe('window options', () => {
  const window = (prefs: string, extra = ''): SourceText => ({
    path: 'src/main/w.ts',
    text: `import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ ${extra} webPreferences: { ${prefs} } });`,
  });
  const SAFE = 'contextIsolation: true, sandbox: true, nodeIntegration: false';

  it('accepts explicit safe settings', () => {
    expect(checkWindowOptions(window(`${SAFE}, webSecurity: true, spellcheck: false`))).toEqual([]);
  });

  it('flags each unsafe setting by name', () => {
    const bad = window(
      'contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false, allowRunningInsecureContent: true, experimentalFeatures: true, enableRemoteModule: true, webviewTag: true',
    );
    expect(rules(checkWindowOptions(bad))).toEqual([
      'window-context-isolation',
      'window-experimental-features',
      'window-insecure-content',
      'window-node-integration',
      'window-remote-module',
      'window-sandbox',
      'window-web-security',
      'window-webview-tag',
    ]);
  });

  it('requires the three settings explicitly, and as literals', () => {
    expect(rules(checkWindowOptions(window('')))).toEqual([
      'window-context-isolation',
      'window-node-integration',
      'window-sandbox',
    ]);
    const fromVariable = checkWindowOptions(
      window('contextIsolation: true, sandbox: isSafe, nodeIntegration: false'),
    );
    expect(fromVariable).toEqual([
      expect.objectContaining({ rule: 'window-sandbox', message: expect.stringContaining('isSafe') }),
    ]);
  });

  it('flags windows whose options cannot be read here', () => {
    const opaque: SourceText = {
      path: 'src/main/w.ts',
      text: 'new BrowserWindow(options); new BrowserWindow({ width: 10 });',
    };
    const findings = checkWindowOptions(opaque);
    expect(findings.map((f) => f.rule)).toEqual([
      'window-options-unverifiable',
      'window-options-unverifiable',
    ]);
  });
});

describe('app-wide handlers', () => {
  const file = (text: string): SourceText[] => [{ path: 'src/main/s.ts', text }];

  it('flags a main process without any of the three handlers', () => {
    expect(rules(checkAppHandlers(file('export const x = 1;')))).toEqual([
      'app-permission-handler',
      'app-will-navigate',
      'app-window-open-handler',
    ]);
  });

  it('flags a window-open handler that can allow, and a permission handler that grants', () => {
    const text = `
      contents.on('will-navigate', (e) => e.preventDefault());
      contents.setWindowOpenHandler(({ url }) => url.startsWith('https:') ? { action: 'allow' } : { action: 'deny' });
      contents.setWindowOpenHandler(({ url }) => { if (url) return { action: 'allow' }; return { action: 'deny' }; });
      session.setPermissionRequestHandler((_c, permission, callback) => callback(permission === 'notifications'));`;
    const findings = checkAppHandlers(file(text));
    expect(findings.filter((f) => f.rule === 'app-window-open-handler' && f.line > 0)).toHaveLength(2);
    expect(rules(findings)).toEqual(['app-permission-handler', 'app-window-open-handler']);
  });
});

describe('shell.openExternal', () => {
  const file = (body: string): SourceText => ({
    path: 'src/main/o.ts',
    text: `export async function go(url: string) {\n${body}\n}`,
  });

  it('accepts a call behind a URL guard that throws or returns', () => {
    expect(
      checkOpenExternal(file("if (!isWebUrl(url)) throw new Error('no');\nawait shell.openExternal(url);")),
    ).toEqual([]);
    expect(
      checkOpenExternal(file('if (!isHttpUrl(url)) { return; }\nawait shell.openExternal(url);')),
    ).toEqual([]);
    expect(
      checkOpenExternal(file('// security-reviewed: a constant help page\nawait shell.openExternal(url);')),
    ).toEqual([]);
  });

  it('flags an unguarded call, a guard on another value, and a guard that does not stop', () => {
    expect(checkOpenExternal(file('await shell.openExternal(url);'))).toHaveLength(1);
    expect(
      checkOpenExternal(file("if (!isWebUrl(other)) throw new Error('no');\nawait shell.openExternal(url);")),
    ).toHaveLength(1);
    expect(
      checkOpenExternal(file("if (!isWebUrl(url)) console.log('odd');\nawait shell.openExternal(url);")),
    ).toHaveLength(1);
  });
});

describe('the preload', () => {
  const preload = (text: string): SourceText => ({ path: 'src/preload/p.ts', text });

  it('flags ipcRenderer exposed directly, inside an object, or as an uncalled method', () => {
    expect(checkPreload(preload("contextBridge.exposeInMainWorld('x', ipcRenderer);"))).toHaveLength(1);
    expect(checkPreload(preload("contextBridge.exposeInMainWorld('x', { ipcRenderer });"))).toHaveLength(1);
    expect(
      checkPreload(preload("contextBridge.exposeInMainWorld('x', { send: ipcRenderer.send });")),
    ).toHaveLength(1);
    expect(
      checkPreload(
        preload("const api = {}; api.raw = ipcRenderer; contextBridge.exposeInMainWorld('x', api);"),
      ),
    ).toHaveLength(1);
  });

  it('accepts named functions that use ipcRenderer inside', () => {
    expect(
      checkPreload(
        preload("contextBridge.exposeInMainWorld('x', { ping: () => ipcRenderer.invoke('ping') });"),
      ),
    ).toEqual([]);
  });
});

describe('the renderer CSP', () => {
  it('accepts a strict policy', () => {
    expect(checkCsp(page(GOOD_CSP))).toEqual([]);
  });

  it('flags a page without a policy', () => {
    expect(rules(checkCsp(page('')))).toEqual(['csp-missing']);
  });

  it('flags eval, inline scripts, remote hosts, and data: scripts', () => {
    const bad = `<meta content="default-src 'self' https://cdn.example.com; script-src 'self' 'unsafe-inline' 'unsafe-eval' data:; connect-src *" http-equiv="content-security-policy">`;
    expect(rules(checkCsp(page(bad)))).toEqual([
      'csp-remote-source',
      'csp-unsafe-eval',
      'csp-unsafe-inline-script',
    ]);
    expect(checkCsp(page(bad)).filter((f) => f.rule === 'csp-remote-source')).toHaveLength(3);
  });

  it("flags a default-src that is not 'self'", () => {
    const loose = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`;
    expect(rules(checkCsp(page(loose)))).toEqual(['csp-default-src']);
  });
});

describe('the allowlist', () => {
  const finding: Finding = { rule: 'window-sandbox', file: 'src/main/x.ts', line: 3, message: 'sandbox off' };

  it('excuses a listed finding and keeps its reason', () => {
    const entry = {
      rule: 'window-sandbox',
      file: 'src/main/x.ts',
      reason: 'shows only a bundled static page',
    };
    expect(applyAllowlist([finding], [entry])).toEqual({
      unreviewed: [],
      reviewed: [{ finding, reason: entry.reason }],
    });
  });

  it('reports an entry that excuses nothing, and refuses one without a reason', () => {
    const stale = { rule: 'csp-missing', file: 'src/renderer/old.html', reason: 'page was removed in 2025' };
    expect(rules(applyAllowlist([finding], [stale]).unreviewed)).toEqual([
      'allowlist-stale',
      'window-sandbox',
    ]);
    expect(() =>
      readAllowlist(JSON.stringify({ exceptions: [{ rule: 'x', file: 'y', reason: '' }] })),
    ).toThrow(/needs a "reason"/);
  });
});
