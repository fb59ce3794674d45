// Where "Share with KieDrop" is installed from this running app: the program the file manager should
// start (see launcherPath: AppImage and portable builds move), the user's home, reg.exe on Windows,
// and the icon Linux menus show.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createExecFileRunner, launcherPath } from './core/shell-integration';
import type { ShellIntegrationTarget } from './core/app-service';

const MENU_ICON = join(import.meta.dirname, '../../resources/icon.png');

/**
 * Null while developing (`electron .`): the menu would start the bare Electron binary, which cannot
 * find the app, so Settings says it is available in the installed app instead.
 */
export function electronShellIntegration(): ShellIntegrationTarget | null {
  if (process.defaultApp) return null;
  const platform = process.platform;
  return {
    platform,
    options: {
      exePath: launcherPath({ platform, execPath: process.execPath, env: process.env }),
      home: homedir(),
      env: process.env,
      run: createExecFileRunner(),
      iconPath: existsSync(MENU_ICON) ? MENU_ICON : undefined,
    },
  };
}
