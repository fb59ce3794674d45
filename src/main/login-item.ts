// "Start KieDrop at login" (Settings → Desktop integration), kept in step with the setting: an XDG
// autostart entry on Linux, Electron's login item on macOS and Windows. The entry starts the app the way
// it runs now (packaged, or `electron <folder>` in a dev run), in the tray.
import { homedir } from 'node:os';
import { app } from 'electron';
import type { AppService } from './core/app-service';
import { autostartPath, loginItemPlan, setLinuxAutostart } from './core/login-item';
import { appLauncher } from './core/shell-integration';

export function setupLoginItem(service: AppService): void {
  const launcher = appLauncher({
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
    defaultApp: process.defaultApp === true,
    appPath: app.getAppPath(),
  });
  let applying: Promise<void> = Promise.resolve();

  const apply = (enabled: boolean): void => {
    const plan = loginItemPlan(process.platform, enabled, launcher);
    applying = applying.then(async () => {
      try {
        if (plan.kind === 'xdg-autostart') {
          await setLinuxAutostart(autostartPath(process.env, homedir()), plan.enabled, plan.launcher);
        } else {
          app.setLoginItemSettings(plan.settings);
        }
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        service.outbox.emit('notice', {
          level: 'error',
          message: `Starting at login could not be changed: ${why}`,
          code: 'login-item.failed',
          params: { reason: why },
        });
      }
    });
  };

  apply(service.settings.get().launchAtLogin);
  service.settings.onChange((next, previous) => {
    if (next.launchAtLogin !== previous.launchAtLogin) apply(next.launchAtLogin);
  });
}

/** macOS opens login items itself (no --hidden argument): such a start goes straight to the tray. */
export function openedAtLogin(): boolean {
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
