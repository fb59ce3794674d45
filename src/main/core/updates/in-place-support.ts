// Whether this copy of KieDrop can replace itself with a newer release, following electron-updater's own
// rules (electron-updater's main.js picks the updater by platform; AppImageUpdater.isUpdaterActive needs
// $APPIMAGE; AppUpdater.isUpdaterActive needs a packaged app): an AppImage on Linux, the NSIS install on
// Windows, the zip-updated app on macOS. A dev run, a deb or rpm (the system's package manager owns those
// files), a Snap and the Windows portable build keep the release page link instead.

export type InPlaceSupport =
  | { supported: true; kind: 'appimage' | 'nsis' | 'mac' }
  | {
      supported: false;
      reason: 'dev-run' | 'no-feed' | 'linux-package' | 'snap' | 'not-appimage' | 'portable' | 'platform';
    };

export interface InstallFacts {
  platform: NodeJS.Platform;
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** resources/app-update.yml exists: electron-builder wrote it for a target that can update itself. */
  hasUpdateConfig: boolean;
  /** resources/package-type, which electron-builder writes into deb, rpm and pacman packages; else null. */
  packageType: string | null;
}

export function inPlaceSupport(facts: InstallFacts): InPlaceSupport {
  if (!facts.isPackaged) return { supported: false, reason: 'dev-run' };
  if (!facts.hasUpdateConfig) return { supported: false, reason: 'no-feed' };
  switch (facts.platform) {
    case 'win32':
      // The portable .exe unpacks itself to a temporary folder each run: there is nothing to replace.
      if (facts.env['PORTABLE_EXECUTABLE_FILE']) return { supported: false, reason: 'portable' };
      return { supported: true, kind: 'nsis' };
    case 'darwin':
      return { supported: true, kind: 'mac' };
    case 'linux':
      if (facts.env['SNAP']) return { supported: false, reason: 'snap' };
      // electron-updater also looks at package-type before anything else (main.js, doLoadAutoUpdater).
      if (facts.packageType !== null) return { supported: false, reason: 'linux-package' };
      if (facts.env['APPIMAGE']) return { supported: true, kind: 'appimage' };
      return { supported: false, reason: 'not-appimage' };
    default:
      return { supported: false, reason: 'platform' };
  }
}
