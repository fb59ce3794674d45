// Where "Share with KieDrop" is installed from this running app. Electron only supplies the facts —
// the executable, whether this is a dev run (`electron <folder>`), the app folder — and the core's
// shellIntegrationTarget() turns them into the program the file manager starts.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { createExecFileRunner, shellIntegrationTarget } from './core/shell-integration';
import type { ShellIntegrationTarget } from './core/app-service';

const MENU_ICON = join(import.meta.dirname, '../../resources/icon.png');

/** A dev run installs `<electron> <app folder>`; a packaged app its own executable (see appLauncher). */
export function electronShellIntegration(): ShellIntegrationTarget {
  return shellIntegrationTarget({
    platform: process.platform,
    execPath: process.execPath,
    defaultApp: process.defaultApp === true,
    appPath: app.getAppPath(),
    env: process.env,
    home: homedir(),
    run: createExecFileRunner(),
    iconPath: existsSync(MENU_ICON) ? MENU_ICON : undefined,
  });
}
