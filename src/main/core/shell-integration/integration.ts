// "Share with KieDrop" in the file manager's right-click menu: install, uninstall and status per
// platform, for the current user only (no admin rights anywhere).
import path from 'node:path';
import { ShellIntegrationError } from './errors';
import { linuxItems, macItems } from './file-items';
import type { FileItem } from './file-items';
import { fileItemStatus, installFileItems, uninstallFileItems } from './file-installer';
import type { IntegrationItemStatus, IntegrationOptions, IntegrationStatus } from './types';
import { windowsInstall, windowsStatus, windowsUninstall } from './windows-installer';

/** macOS reads new Services lazily; this asks it to look again so the menu item shows at once. */
const PBS = '/System/Library/CoreServices/pbs';

function checkExe(platform: NodeJS.Platform, exePath: string, exeArgs: readonly string[]): void {
  const isAbsolute = platform === 'win32' ? path.win32.isAbsolute(exePath) : path.posix.isAbsolute(exePath);
  if (!isAbsolute) {
    throw new ShellIntegrationError(
      'invalid-exe',
      `The right-click menu needs the full path of the KieDrop program, but got "${exePath}".`,
    );
  }
  if ([exePath, ...exeArgs].some((part) => /[\r\n\0]/.test(part))) {
    throw new ShellIntegrationError(
      'invalid-exe',
      'The KieDrop program or app folder path contains a line break, which no file manager menu can hold. Move KieDrop to a folder with a plain name.',
    );
  }
}

function fileItems(platform: NodeJS.Platform, opts: IntegrationOptions): FileItem[] {
  const input = { exePath: opts.exePath, exeArgs: opts.exeArgs, iconPath: opts.iconPath };
  return platform === 'darwin' ? macItems(opts.home, input) : linuxItems(opts.home, opts.env, input);
}

function summarize(items: IntegrationItemStatus[]): IntegrationStatus {
  return { installed: items.length > 0 && items.every((i) => i.state === 'installed'), items };
}

async function refreshMacServices(opts: IntegrationOptions): Promise<void> {
  // Best effort: without it the item appears after the next login.
  await opts.run?.(PBS, ['-update']).catch(() => undefined);
}

export async function status(
  platform: NodeJS.Platform,
  opts: IntegrationOptions,
): Promise<IntegrationStatus> {
  if (platform === 'win32') return summarize(await windowsStatus(opts));
  return summarize(await Promise.all(fileItems(platform, opts).map((item) => fileItemStatus(item))));
}

export async function install(
  platform: NodeJS.Platform,
  opts: IntegrationOptions,
): Promise<IntegrationStatus> {
  checkExe(platform, opts.exePath, opts.exeArgs ?? []);
  if (platform === 'win32') {
    await windowsInstall(opts);
  } else {
    await installFileItems(fileItems(platform, opts));
    if (platform === 'darwin') await refreshMacServices(opts);
  }
  return status(platform, opts);
}

export async function uninstall(
  platform: NodeJS.Platform,
  opts: IntegrationOptions,
): Promise<IntegrationStatus> {
  if (platform === 'win32') {
    await windowsUninstall(opts.run);
  } else {
    await uninstallFileItems(fileItems(platform, opts));
    if (platform === 'darwin') await refreshMacServices(opts);
  }
  return status(platform, opts);
}
