// BrowserWindow and its webContents, each backed by a real page in Chromium (one browser context per
// window). Modelled rules (DESIGN §8): created only after 'ready'; isVisible() is false until shown;
// 'ready-to-show' after the first load; loadFile builds its URL as Electron does (url.format, which leaves
// '%' alone) and the frame URL is whatever Chromium makes of it; 'did-start-navigation' precedes
// 'will-navigate', which fires only for navigations the page starts (and can cancel them); Wayland mode
// ignores positions and always-on-top.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { format as formatUrl } from 'node:url';
import type * as Electron from 'electron';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { app, connectWindows, preventableEvent } from './app';
import { sharedBrowser } from './browser';
import { focusedWindowId, setFocused } from './focus';
import { requireReady } from './lifecycle';
import { modes } from './modes';
import { pageRuntimeScript } from './page-runtime';
import { ipcMain } from './ipc-main';

interface WindowOptions {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  show?: boolean;
  alwaysOnTop?: boolean;
  title?: string;
  webPreferences?: { preload?: string; sandbox?: boolean; contextIsolation?: boolean };
}

export interface FrameView {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

const windows = new Set<BrowserWindow>();
let nextId = 1;

connectWindows({
  count: () => [...windows].filter((w) => !w.isDestroyed()).length,
  closeAll: () => {
    for (const w of [...windows]) w.destroy();
  },
});

function hidden(prefix: string): string {
  return `__standin_${prefix}_${Math.random().toString(36).slice(2)}`;
}

function readPreload(path: string | undefined): string | null {
  return path ? readFileSync(path, 'utf8') : null;
}

// The methods the app calls, with Electron's own signatures: a change in electron's .d.ts fails the type-check.
type ElectronWebContents = Pick<
  Electron.WebContents,
  | 'send'
  | 'getURL'
  | 'isDestroyed'
  | 'reload'
  | 'setWindowOpenHandler'
  | 'loadURL'
  | 'loadFile'
  | 'focus'
  | 'isLoading'
  | 'startDrag'
>;
type ElectronBrowserWindow = Pick<
  Electron.BrowserWindow,
  | 'show'
  | 'showInactive'
  | 'hide'
  | 'focus'
  | 'blur'
  | 'isFocused'
  | 'isVisible'
  | 'isDestroyed'
  | 'isMinimized'
  | 'restore'
  | 'setAlwaysOnTop'
  | 'isAlwaysOnTop'
  | 'setPosition'
  | 'getPosition'
  | 'loadURL'
  | 'loadFile'
  | 'close'
  | 'destroy'
  | 'getTitle'
  | 'setTitle'
>;

export class WebContents extends EventEmitter implements ElectronWebContents {
  readonly id: number;
  readonly consoleMessages: string[] = [];
  /** Channels main sent to this page, in order (test control only). */
  readonly sentLog: string[] = [];
  readonly mainFrame: FrameView;
  private page: Page | null = null;
  private destroyed = false;
  private sendChain: Promise<unknown> = Promise.resolve();
  private openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null =
    null;
  private programmatic = new Set<string>();
  private readonly names = {
    invokeBinding: hidden('invoke'),
    sendBinding: hidden('send'),
    contextMenuBinding: hidden('contextmenu'),
    deliverName: hidden('deliver'),
    dropName: hidden('drop'),
  };
  readonly opened: Promise<void>;

  constructor(
    private readonly owner: BrowserWindow,
    options: WindowOptions,
  ) {
    super();
    this.id = owner.id;
    const currentUrl = (): string => this.page?.mainFrame().url() ?? '';
    this.mainFrame = {
      get url() {
        return currentUrl();
      },
      processId: 1000 + this.id,
      routingId: 1,
    };
    this.opened = this.open(options);
    // Electron tells the app about every new web contents before it loads anything (security.ts relies on it).
    app.emit('web-contents-created', preventableEvent(), this);
  }

  private async open(options: WindowOptions): Promise<void> {
    const preload = readPreload(options.webPreferences?.preload);
    const browser = await sharedBrowser();
    const context: BrowserContext = await browser.newContext({
      viewport: { width: options.width ?? 800, height: options.height ?? 600 },
      locale: 'en-US',
    });
    await context.exposeBinding(this.names.invokeBinding, (source, channel: string, args: unknown[]) =>
      ipcMain.invoke(channel, this.eventFor(source.frame), args),
    );
    await context.exposeBinding(this.names.sendBinding, (source, channel: string, args: unknown[]) => {
      ipcMain.emit(channel, this.eventFor(source.frame), ...args);
    });
    await context.exposeBinding(this.names.contextMenuBinding, (_source, params: Record<string, unknown>) => {
      this.emit('context-menu', preventableEvent(), params);
    });
    await context.addInitScript({
      content: pageRuntimeScript(
        { ...this.names, preloadPath: options.webPreferences?.preload ?? '', platform: process.platform },
        preload,
      ),
    });
    // Every request passes this route (file: ones included), so each main-frame navigation is seen here
    // while it can still be cancelled: did-start-navigation first, then will-navigate for those the page
    // started (not for loadURL/loadFile), which the app may cancel.
    await context.route('**/*', (route) => {
      const request = route.request();
      if (!request.isNavigationRequest() || request.frame() !== this.page?.mainFrame()) {
        return route.continue();
      }
      const url = request.url();
      this.emitStartNavigation(url);
      // loadURL/loadFile, and a reload of the page (to its own URL), are not the page's own navigations.
      if (this.programmatic.delete(url) || url === this.page?.url()) return route.continue();
      const event = preventableEvent({ url });
      this.emit('will-navigate', event, url);
      return event.defaultPrevented ? route.abort('aborted') : route.continue();
    });
    const page = await context.newPage();
    this.page = page;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.emit('did-navigate', preventableEvent(), frame.url());
    });
    page.on('domcontentloaded', () => this.emit('dom-ready', preventableEvent()));
    page.on('load', () => this.emit('did-finish-load', preventableEvent()));
    page.on('crash', () => this.emit('render-process-gone', preventableEvent(), { reason: 'crashed' }));
    page.on('console', (message) => this.consoleMessages.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.consoleMessages.push(`[pageerror] ${error.message}`));
    context.on('page', (popup) => {
      // window.open: the open handler decides; a denied window is closed before it shows anything.
      const details = {
        url: popup.url(),
        frameName: '',
        features: '',
        disposition: 'new-window' as const,
        referrer: { url: this.getURL(), policy: 'default' as const },
      };
      const decision = this.openHandler?.(details) ?? { action: 'allow' as const };
      if (decision.action === 'deny') void popup.close();
    });
  }

  private emitStartNavigation(url: string): void {
    const details = preventableEvent({
      url,
      isMainFrame: true,
      isSameDocument: false,
      frame: this.mainFrame,
    });
    this.emit('did-start-navigation', details, url, false, true, this.mainFrame.processId, 1);
  }

  private eventFor(frame: Frame): Record<string, unknown> {
    const isMain = frame === this.page?.mainFrame();
    const senderFrame: FrameView = isMain
      ? this.mainFrame
      : { url: frame.url(), processId: this.mainFrame.processId, routingId: 2 };
    return { sender: this, senderFrame, frameId: senderFrame.routingId, processId: senderFrame.processId };
  }

  /** The page behind this webContents (test control only). */
  async standinPage(): Promise<Page> {
    await this.opened;
    if (!this.page) throw new Error(`window ${this.id} has no page`);
    return this.page;
  }

  loadURL(url: string): Promise<void> {
    return this.opened.then(async () => {
      if (!this.page) return;
      this.programmatic.add(url);
      await this.page.goto(url).catch((err: unknown) => {
        this.emit('did-fail-load', preventableEvent(), -6, String(err), url);
      });
    });
  }

  /** Electron's own recipe: url.format of the resolved path, which escapes neither '%' nor '[' ']' '~'. */
  loadFile(filePath: string): Promise<void> {
    return this.loadURL(
      formatUrl({ protocol: 'file', slashes: true, pathname: resolvePath(app.getAppPath(), filePath) }),
    );
  }

  /** Drags started from this page (test control only): the files and whether an icon was given. */
  readonly drags: { files: string[]; icon: boolean }[] = [];

  /** Electron refuses an item without `file` or `files`, and (on macOS) without a non-empty icon; a real
   * drag starts only when called from the page's 'dragstart'. The stand-in records the call and checks
   * the first two. */
  startDrag(item: { file?: string; files?: string[]; icon: unknown }): void {
    const files = item.files ?? (item.file !== undefined ? [item.file] : []);
    if (files.length === 0) throw new TypeError("Must specify either 'file' or 'files' option");
    const icon = item.icon as { isEmpty?: () => boolean } | string | undefined;
    const hasIcon = typeof icon === 'string' ? icon !== '' : Boolean(icon && !icon.isEmpty?.());
    if (!hasIcon) throw new TypeError("Must specify non-empty 'icon' option");
    this.drags.push({ files, icon: hasIcon });
  }

  reload(): void {
    void this.opened.then(() => this.page?.reload().catch(() => undefined));
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const payload = structuredClone(args);
    this.sentLog.push(channel);
    this.sendChain = this.sendChain
      .then(() => this.opened)
      .then(() =>
        this.page?.evaluate(
          ([name, c, a]) =>
            (globalThis as never as Record<string, (c: string, a: unknown[]) => void>)[name]?.(c, a),
          [this.names.deliverName, channel, payload] as const,
        ),
      )
      .catch(() => undefined);
  }

  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.openHandler = handler;
  }

  /** Simulates the OS dropping files (path null: not on disk) or text onto an element. */
  async drop(
    selector: string | null,
    files: { name: string; path: string | null }[],
    text: string | null = null,
  ): Promise<void> {
    const page = await this.standinPage();
    await page.evaluate(
      ([name, sel, f, t]) =>
        (globalThis as never as Record<string, (s: unknown, f: unknown, t: unknown) => void>)[name]?.(
          sel,
          f,
          t,
        ),
      [this.names.dropName, selector, files.map((file) => ({ ...file, content: 'dropped' })), text] as const,
    );
  }

  focus(): void {
    this.owner.focus();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  openDevTools(): void {}

  async close(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
    await this.opened.catch(() => undefined);
    await this.page
      ?.context()
      .close()
      .catch(() => undefined);
  }
}

export class BrowserWindow extends EventEmitter implements ElectronBrowserWindow {
  static getAllWindows(): BrowserWindow[] {
    return [...windows].filter((w) => !w.isDestroyed());
  }

  static getFocusedWindow(): BrowserWindow | null {
    return [...windows].find((w) => w.id === focusedWindowId()) ?? null;
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return [...windows].find((w) => w.webContents === contents) ?? null;
  }

  readonly id: number;
  readonly webContents: WebContents;
  readonly options: WindowOptions;
  private visible = false;
  private destroyed = false;
  private alwaysOnTop: boolean;
  private position: [number, number];
  private shownOnce = false;
  /** What happened to the window, in order (test control only). */
  readonly timeline: string[] = ['created'];

  constructor(options: WindowOptions = {}) {
    super();
    requireReady('BrowserWindow');
    this.id = nextId++;
    this.options = options;
    const wayland = modes.display === 'wayland';
    this.alwaysOnTop = wayland ? false : (options.alwaysOnTop ?? false);
    this.position = wayland ? [0, 0] : [options.x ?? 100, options.y ?? 100];
    windows.add(this);
    this.webContents = new WebContents(this, options);
    this.webContents.once('did-finish-load', () => {
      if (this.destroyed) return;
      this.timeline.push('ready-to-show');
      this.emit('ready-to-show');
    });
    if (options.show !== false) this.show();
  }

  show(): void {
    this.showInactive();
    this.focus();
  }

  showInactive(): void {
    if (this.destroyed) return;
    const was = this.visible;
    this.visible = true;
    this.shownOnce = true;
    if (!was) {
      this.timeline.push('show');
      this.emit('show');
    }
  }

  hide(): void {
    if (this.destroyed || !this.visible) return;
    this.visible = false;
    if (focusedWindowId() === this.id) this.blur();
    this.timeline.push('hide');
    this.emit('hide');
  }

  focus(): void {
    if (this.destroyed) return;
    const previous = BrowserWindow.getFocusedWindow();
    if (previous === this) return;
    previous?.emit('blur');
    setFocused(this.id);
    this.emit('focus');
  }

  blur(): void {
    if (focusedWindowId() !== this.id) return;
    setFocused(null);
    this.emit('blur');
  }

  isFocused(): boolean {
    return focusedWindowId() === this.id;
  }

  isVisible(): boolean {
    return this.visible && !this.destroyed;
  }

  /** Test control: whether the window was ever on screen. */
  wasShown(): boolean {
    return this.shownOnce;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}
  minimize(): void {}
  setProgressBar(): void {}
  setTitle(title: string): void {
    this.options.title = title;
  }
  getTitle(): string {
    return this.options.title ?? '';
  }

  setAlwaysOnTop(flag: boolean): void {
    if (modes.display === 'wayland') return; // no protocol for it on Wayland
    this.alwaysOnTop = flag;
  }

  isAlwaysOnTop(): boolean {
    return this.alwaysOnTop;
  }

  setPosition(x: number, y: number): void {
    if (modes.display === 'wayland') return; // clients cannot place their windows on Wayland
    this.position = [x, y];
    this.emit('move');
  }

  getPosition(): [number, number] {
    return modes.display === 'wayland' ? [0, 0] : [...this.position];
  }

  getBounds() {
    const [x, y] = this.getPosition();
    return { x, y, width: this.options.width ?? 800, height: this.options.height ?? 600 };
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }

  /** The user (or the app) closes it: 'close' can be prevented; then 'closed', and the page is gone. */
  close(): void {
    if (this.destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    if (focusedWindowId() === this.id) setFocused(null);
    windows.delete(this);
    void this.webContents.close();
    this.emit('closed');
    app.lastWindowClosed();
  }
}
