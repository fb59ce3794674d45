// The test's hands and eyes inside the app process: commands arrive over the child-process IPC channel
// (process.send), each answered once. They act as the user or the OS would (click a tray item, close a
// window, drop files, click a notification) and read what the user would see.
import { app } from './app';
import { BrowserWindow } from './browser-window';
import { clipboardLog, setSystemClipboardText, systemClipboardText } from './clipboard';
import { dialogAnswers, pressGlobalShortcut, recorded, syncDecodes } from './desktop';
import { findItem, lastPopupMenu, Menu } from './menu';
import { clickNotification, pressNotificationButton, shownNotifications } from './notification';
import { trays } from './tray';

export interface Command {
  id: number;
  cmd: string;
  args: Record<string, unknown>;
}

function windowView(w: BrowserWindow) {
  return {
    id: w.id,
    url: w.webContents.getURL(),
    title: w.getTitle(),
    visible: w.isVisible(),
    focused: w.isFocused(),
    alwaysOnTop: w.isAlwaysOnTop(),
    position: w.getPosition(),
  };
}

function windowFor(args: Record<string, unknown>): BrowserWindow {
  const all = BrowserWindow.getAllWindows();
  const page = args['page'];
  const found =
    typeof args['window'] === 'number'
      ? all.find((w) => w.id === args['window'])
      : all.find((w) => new RegExp(`/${String(page)}\\.html`).test(w.webContents.getURL()));
  if (!found)
    throw new Error(
      `no window ${String(args['window'] ?? page)}; open: ${all.map((w) => w.webContents.getURL()).join(', ')}`,
    );
  return found;
}

function trayView() {
  const tray = [...trays][0];
  if (!tray) return null;
  return {
    shown: tray.shown,
    tooltip: tray.tooltip,
    menu: tray.menu?.view() ?? null,
    menuUpdates: tray.menuUpdates,
  };
}

const commands: Record<string, (args: Record<string, unknown>) => unknown> = {
  windows: () => BrowserWindow.getAllWindows().map(windowView),
  async evaluate(args) {
    const page = await windowFor(args).webContents.standinPage();
    return page.evaluate(String(args['expression']));
  },
  async pageAction(args) {
    // A Playwright page method with its arguments, e.g. ['click', '#save'].
    const page = await windowFor(args).webContents.standinPage();
    const [method, ...rest] = args['call'] as [string, ...unknown[]];
    const fn = (page as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    if (typeof fn !== 'function') throw new Error(`no page method ${method}`);
    const result = await fn.apply(page, rest);
    return result === undefined || typeof result !== 'object' ? result : null;
  },
  async locator(args) {
    // One Playwright locator action, as a person would find the element: by role, label, test id or text.
    const page = await windowFor(args).webContents.standinPage();
    const value = String(args['value']);
    const name = args['name'] as string | undefined;
    const locator =
      args['by'] === 'role'
        ? page.getByRole(value as Parameters<typeof page.getByRole>[0], name ? { name, exact: true } : {})
        : args['by'] === 'label'
          ? page.getByLabel(value, { exact: true })
          : args['by'] === 'testid'
            ? page.getByTestId(value)
            : args['by'] === 'text'
              ? page.getByText(value)
              : page.locator(value);
    const target = locator.first();
    switch (args['action']) {
      case 'click':
        await target.click({ timeout: 15_000 });
        return true;
      case 'fill':
        await target.fill(String(args['text']), { timeout: 15_000 });
        return true;
      case 'textContent':
        return (await target.textContent({ timeout: 15_000 })) ?? '';
      case 'isVisible':
        return target.isVisible();
      case 'count':
        return locator.count();
      default:
        throw new Error(`unknown locator action ${String(args['action'])}`);
    }
  },
  async waitForText(args) {
    const page = await windowFor(args).webContents.standinPage();
    await page
      .getByText(String(args['text']))
      .first()
      .waitFor({ timeout: Number(args['timeoutMs'] ?? 15_000) });
    return true;
  },
  async screenshot(args) {
    const page = await windowFor(args).webContents.standinPage();
    await page.screenshot({ path: String(args['path']) });
    return true;
  },
  async drop(args) {
    await windowFor(args).webContents.drop(
      (args['selector'] as string | undefined) ?? null,
      args['files'] as { name: string; path: string | null }[],
      (args['text'] as string | undefined) ?? null,
    );
    return true;
  },
  closeWindow: (args) => void windowFor(args).close(),
  focusWindow: (args) => void windowFor(args).focus(),
  blurAll: () => {
    for (const w of BrowserWindow.getAllWindows()) w.blur();
  },
  consoleOf: (args) => windowFor(args).webContents.consoleMessages,
  sentLog: (args) => windowFor(args).webContents.sentLog,
  drags: (args) => windowFor(args).webContents.drags,
  timeline: (args) => windowFor(args).timeline,
  tray: () => trayView(),
  clickTrayItem(args) {
    const tray = [...trays][0];
    if (!tray?.menu) throw new Error('the tray has no menu');
    const item = findItem(tray.menu.items, args['path'] as string[]);
    if (!item) throw new Error(`no tray item ${(args['path'] as string[]).join(' › ')}`);
    if (!item.enabled) throw new Error(`tray item ${item.label} is disabled`);
    item.click(item, undefined, {});
    return true;
  },
  applicationMenu: () => Menu.getApplicationMenu()?.view() ?? null,
  async contextMenu(args) {
    const page = await windowFor(args).webContents.standinPage();
    await page.click(String(args['selector']), { button: 'right' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    return lastPopupMenu()?.menu.view() ?? null;
  },
  accelerator(args) {
    // A key pressed in a focused window: the application menu's accelerators act, as Electron's do.
    const target = windowFor(args);
    const wanted = String(args['accelerator']).toLowerCase();
    const all = Menu.getApplicationMenu()?.items.flatMap((i) => i.submenu?.items ?? [i]) ?? [];
    const item = all.find((i) => (i.accelerator ?? '').toLowerCase() === wanted);
    if (!item) return null;
    if (item.role === 'reload' || item.role === 'forcereload') target.webContents.reload();
    else item.click(item, target, {});
    return item.role ?? item.label;
  },
  notifications: () =>
    shownNotifications.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      buttons: n.buttons,
      closed: n.closed,
    })),
  clickNotification: (args) => clickNotification(Number(args['id'])),
  pressNotificationButton: (args) => pressNotificationButton(Number(args['id']), Number(args['index'])),
  gc: async () => {
    // WeakRefs are cleared only after the current job, so collect in a later turn, twice.
    for (let i = 0; i < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      (globalThis as { gc?: () => void }).gc?.();
    }
    return typeof (globalThis as { gc?: () => void }).gc === 'function';
  },
  clipboard: () => ({ text: systemClipboardText(), writes: clipboardLog }),
  setClipboard: (args) => void setSystemClipboardText(String(args['text'])),
  answerDialogs(args) {
    if (Array.isArray(args['openPaths'])) dialogAnswers.nextOpenPaths = args['openPaths'] as string[];
    if (typeof args['folder'] === 'string') dialogAnswers.nextFolder = args['folder'];
    if (typeof args['messageBoxResponse'] === 'number')
      dialogAnswers.messageBoxResponse = args['messageBoxResponse'];
    return true;
  },
  recorded: () => ({ ...recorded, syncDecodes, appUserModelId: app.appUserModelId }),
  pressShortcut: (args) => pressGlobalShortcut(String(args['accelerator'])),
  quit: () => void app.quit(),
  appPath: () => app.getAppPath(),
  loginItem: () => app.loginItem,
};

export function serveControl(): void {
  if (!process.send) return;
  process.on('message', (message: Command) => {
    const run = commands[message.cmd];
    Promise.resolve()
      .then(() => {
        if (!run) throw new Error(`unknown stand-in command ${message.cmd}`);
        return run(message.args ?? {});
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value: value ?? null }),
        (err: unknown) =>
          process.send?.({
            id: message.id,
            ok: false,
            error: err instanceof Error ? err.message : String(err),
          }),
      );
  });
  // The control channel must not keep a quitting app alive.
  process.channel?.unref();
}
