// Settings → Desktop integration and the Upload screen's clipboard button on the built renderer in
// Chromium, over the real app service: the right-click menu's status comes from the real installer
// (run against a temporary home folder), Install and Remove change the files on disk, a shortcut
// another app holds is refused with the old one kept, and "Upload clipboard" uploads what was copied.
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';
import type { ShortcutRegistry } from '../../src/main/core/clipboard';
import { install } from '../../src/main/core/shell-integration';

const EXE = '/opt/KieDrop/kiedrop';
/** Keys "another app" holds: the OS refuses them to KieDrop. */
const TAKEN = 'CommandOrControl+Alt+K';

let h: Harness;
let home: string;
const held = new Set<string>();
const osShortcuts: ShortcutRegistry = {
  register: (accelerator) => (accelerator === TAKEN ? false : (held.add(accelerator), true)),
  unregister: (accelerator) => void held.delete(accelerator),
  isRegistered: (accelerator) => held.has(accelerator),
};

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

function nav(page: Page, name: 'Upload' | 'Settings') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-desktop-home-'));
  h = await launchHarness({
    savedKey: DEFAULT_TEST_KEY,
    desktop: {
      shortcuts: osShortcuts,
      shellIntegration: { platform: 'linux', options: { exePath: EXE, home, env: {} } },
    },
  });
  await nav(h.page, 'Settings').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await rm(home, { recursive: true, force: true });
});

describe('Settings → Desktop integration', () => {
  it('shows the right-click menu as not installed, from what is on disk', async () => {
    await nav(h.page, 'Settings').click();
    const section = h.page.getByTestId('integration-section');
    await expect.poll(() => section.getByTestId('share-menu-status').textContent()).toBe('Not installed');
    expect(await section.textContent()).toContain('Nautilus');
    expect(await section.getByTestId('share-menu-install').isVisible()).toBe(true);
  });

  it('installs every Linux part into the home folder, then removes them all again', async () => {
    const section = h.page.getByTestId('integration-section');
    await section.getByTestId('share-menu-install').click();
    await expect.poll(() => section.getByTestId('share-menu-status').textContent()).toBe('Installed');
    expect(await section.getByTestId('share-menu-message').textContent()).toContain('Right-click a file');
    const states = await section
      .locator('[data-testid="share-menu-items"] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));
    expect(states).toEqual(['installed', 'installed', 'installed', 'installed']);
    const desktopEntry = join(home, '.local/share/applications/kiedrop.desktop');
    expect(await exists(desktopEntry)).toBe(true);

    await section.getByTestId('share-menu-remove').click();
    await expect.poll(() => section.getByTestId('share-menu-status').textContent()).toBe('Not installed');
    expect(await exists(desktopEntry)).toBe(false);
    expect(await exists(join(home, '.local/share/nautilus/scripts/Share with KieDrop'))).toBe(false);
  });

  it('says when the installed entries start a program that no longer exists, and Update mends them', async () => {
    // Entries a copy of KieDrop at another place installed; that copy has since been deleted.
    const gone = '/opt/Old KieDrop/kiedrop';
    await install('linux', { exePath: gone, home, env: {} });
    await nav(h.page, 'Upload').click();
    await nav(h.page, 'Settings').click();
    const section = h.page.getByTestId('integration-section');
    const items = section.locator('[data-testid="share-menu-items"] li');
    await expect.poll(() => items.count()).toBe(4);
    expect(await items.first().textContent()).toContain(
      `starts ${gone}, which no longer exists: press Update`,
    );
    await section.getByTestId('share-menu-install').click();
    await expect.poll(() => section.getByTestId('share-menu-status').textContent()).toBe('Installed');
    expect(await section.textContent()).not.toContain('no longer exists');
    await section.getByTestId('share-menu-remove').click();
    await expect.poll(() => section.getByTestId('share-menu-status').textContent()).toBe('Not installed');
  });

  it('puts the kiedrop command in ~/.local/bin, says that folder is not on PATH, and removes it', async () => {
    const section = h.page.getByTestId('integration-section');
    const row = section.getByTestId('cli-command');
    await expect.poll(() => row.getByTestId('cli-command-status').textContent()).toBe('not installed');
    await row.getByTestId('cli-command-install').click();
    await expect.poll(() => row.getByTestId('cli-command-status').textContent()).toBe('installed');
    const script = await readFile(join(home, '.local/bin/kiedrop'), 'utf8');
    expect(script).toContain(`exec '${EXE}' --cli --ozone-platform=headless -- "$@"`);
    expect(await row.getByTestId('cli-command-path-hint').textContent()).toContain('not on your PATH');
    await row.getByTestId('cli-command-remove').click();
    await expect.poll(() => row.getByTestId('cli-command-status').textContent()).toBe('not installed');
    expect(await exists(join(home, '.local/bin/kiedrop'))).toBe(false);
  });

  it('shows the shortcut the system’s way, and refuses keys another app holds, keeping the old one', async () => {
    const section = h.page.getByTestId('integration-section');
    const input = section.getByTestId('shortcut-input');
    // Not Electron's "CommandOrControl+Shift+U": what a Linux or Windows user reads on their keys.
    await expect.poll(() => input.inputValue()).toBe('Ctrl+Shift+U');
    expect(held.has('CommandOrControl+Shift+U')).toBe(true);

    // Recorded from the keys pressed, not typed.
    await input.focus();
    await h.page.keyboard.press('Control+Alt+K');
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toContain('Ctrl+Alt+K is already used by another app');
    const refusal = (await section.getByRole('alert').textContent()) ?? '';
    expect(refusal).toContain('Ctrl+Shift+U still works');
    expect(refusal).not.toContain('CommandOrControl');
    expect(await input.inputValue()).toBe('Ctrl+Shift+U');
    expect(held).toEqual(new Set(['CommandOrControl+Shift+U']));
    expect(h.service.settings.get().clipboardShortcut).toBe('CommandOrControl+Shift+U');

    // A key without Ctrl or Alt would take that key from every app: refused before asking the OS.
    await h.page.keyboard.press('Shift+KeyU');
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toContain('Hold Ctrl, Alt or ⌘ with the key');
    expect(h.service.settings.get().clipboardShortcut).toBe('CommandOrControl+Shift+U');
  });

  it('records a free shortcut from the keys pressed, moving the registration over; Turn off clears it', async () => {
    const section = h.page.getByTestId('integration-section');
    const input = section.getByTestId('shortcut-input');
    await input.focus();
    await h.page.keyboard.press('Control+Alt+U');
    await expect.poll(() => section.getByTestId('shortcut-saved').textContent()).toBe('Shortcut set.');
    expect(await input.inputValue()).toBe('Ctrl+Alt+U');
    expect(held).toEqual(new Set(['CommandOrControl+Alt+U']));
    expect(h.service.settings.get().clipboardShortcut).toBe('CommandOrControl+Alt+U');
    // The whole shortcut is readable in the field, not cut off.
    const fits = await input.evaluate((el) => {
      const field = el as unknown as { scrollWidth: number; clientWidth: number };
      return field.scrollWidth <= field.clientWidth;
    });
    expect(fits).toBe(true);

    await section.getByTestId('shortcut-off').click();
    await expect.poll(() => section.getByTestId('shortcut-saved').textContent()).toBe('The shortcut is off.');
    expect(held).toEqual(new Set());
    await input.focus();
    await h.page.keyboard.press('Control+Alt+U');
    await expect.poll(() => h.service.settings.get().clipboardShortcut).toBe('CommandOrControl+Alt+U');
  });

  it('hides the drop window from the toggle, saving it in the settings', async () => {
    const toggle = h.page.getByRole('switch', { name: 'Floating drop window' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => h.service.settings.get().dropWindow.enabled).toBe(false);
    expect(h.service.settings.get().dropWindow.alwaysOnTop).toBe(true);
  });

  it('shows a change made elsewhere (the tray) without a reload', async () => {
    const toggle = h.page.getByRole('switch', { name: 'Floating drop window' });
    h.service.settings.set({ dropWindow: { ...h.service.settings.get().dropWindow, enabled: true } });
    await expect.poll(() => toggle.isChecked()).toBe(true);
  });
});

describe('Upload → Upload clipboard', () => {
  it('uploads files copied in a file manager and puts their links on the clipboard', async () => {
    await nav(h.page, 'Upload').click();
    const file = await h.dropFile('copied.txt', 'copied in a file manager');
    h.clipboard.content = { filePaths: [file], imagePng: null, text: '' };
    const before = h.clipboard.texts.length;
    await h.page.getByTestId('upload-clipboard').click();
    await expect
      .poll(() => h.page.getByTestId('announcer').textContent(), { timeout: 20_000 })
      .toContain('copied.txt uploaded');
    const [entry] = h.engine.history.list({ search: 'copied' }).entries;
    expect(entry).toMatchObject({ fileName: 'copied.txt', source: 'clipboard' });
    expect(h.clipboard.texts.slice(before)).toEqual([entry?.downloadUrl]);
  });

  it('explains an empty clipboard instead of doing nothing', async () => {
    h.clipboard.content = { filePaths: [], imagePng: null, text: '' };
    await h.page.getByTestId('upload-clipboard').click();
    await expect
      .poll(() => h.page.getByTestId('clipboard-error').textContent())
      .toContain('The clipboard is empty.');
  });
});
