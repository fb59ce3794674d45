// Launch at login on Linux: an XDG autostart entry (freedesktop.org "Desktop Application Autostart
// Specification"), which GNOME, KDE, Xfce and the others start at login. It starts KieDrop in the tray
// (`--hidden`). Only an entry KieDrop wrote (it carries X-KieDrop-Autostart) is ever replaced or removed.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Launcher } from '../shell-integration';
import { desktopExecCommand, escapeKeyFileValue } from '../shell-integration';

const MARKER = 'X-KieDrop-Autostart=true';

/** $XDG_CONFIG_HOME/autostart/kiedrop.desktop, with XDG's default for XDG_CONFIG_HOME. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome =
    env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/')
      ? env['XDG_CONFIG_HOME']
      : join(home, '.config');
  return join(configHome, 'autostart', 'kiedrop.desktop');
}

export function autostartEntry(launcher: Launcher): string {
  const exec = escapeKeyFileValue(`${desktopExecCommand(launcher.exePath, launcher.exeArgs)} --hidden`);
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=KieDrop',
    'Comment=Starts KieDrop in the tray at login',
    'Comment[zh_CN]=登录时在托盘中启动 KieDrop',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    MARKER,
    '',
  ].join('\n');
}

export type AutostartState = 'on' | 'off' | 'foreign';

export async function readAutostart(path: string): Promise<{ state: AutostartState; text: string | null }> {
  try {
    const text = await readFile(path, 'utf8');
    return { state: text.includes(MARKER) ? 'on' : 'foreign', text };
  } catch {
    return { state: 'off', text: null };
  }
}

/**
 * Writes or removes the entry. An entry at the same path that KieDrop did not write is left alone, and
 * the refusal says where it is, so nothing the user made is overwritten or deleted.
 */
export async function setLinuxAutostart(path: string, enabled: boolean, launcher: Launcher): Promise<void> {
  const current = await readAutostart(path);
  if (current.state === 'foreign') {
    throw new Error(
      `${path} was not made by KieDrop, so it was left as it is; remove it to let KieDrop manage starting at login.`,
    );
  }
  if (!enabled) {
    if (current.state === 'on') await rm(path, { force: true });
    return;
  }
  const text = autostartEntry(launcher);
  if (current.text === text) return;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
