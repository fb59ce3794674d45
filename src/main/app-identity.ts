// Who the app is to Windows. Toasts are shown only for an app with an Application User Model ID that a
// Start-menu shortcut carries (the installer's); under `npm start` the toasts belong to electron.exe,
// whose ID Electron's notification guide says is process.execPath.

/** The packaged app's ID (the installer's shortcut and electron-builder's appId use the same). */
export const APP_USER_MODEL_ID = 'ai.kie.kiedrop';

/** The ID to set before any notification, or null where the platform has no such thing. */
export function appUserModelId(opts: {
  platform: NodeJS.Platform;
  defaultApp: boolean;
  execPath: string;
}): string | null {
  if (opts.platform !== 'win32') return null;
  return opts.defaultApp ? opts.execPath : APP_USER_MODEL_ID;
}
