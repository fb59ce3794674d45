// Which installed builds offer "Download and restart", by electron-updater's own rules: an AppImage, the
// Windows installer's copy, the macOS app; never a dev run, a deb or rpm, a Snap or the portable .exe.
import { describe, expect, it } from 'vitest';
import { inPlaceSupport } from '../../src/main/core/updates';
import type { InstallFacts } from '../../src/main/core/updates';

function facts(patch: Partial<InstallFacts>): InstallFacts {
  return { platform: 'linux', isPackaged: true, env: {}, hasUpdateConfig: true, packageType: null, ...patch };
}

describe('in-place update support', () => {
  it('updates an AppImage in place (electron-updater knows it by $APPIMAGE)', () => {
    expect(inPlaceSupport(facts({ env: { APPIMAGE: '/home/a/KieDrop-1.0.0.AppImage' } }))).toEqual({
      supported: true,
      kind: 'appimage',
    });
  });

  it('leaves a deb or rpm to the system package manager, and a Snap to its store', () => {
    expect(inPlaceSupport(facts({ packageType: 'deb' }))).toEqual({
      supported: false,
      reason: 'linux-package',
    });
    expect(inPlaceSupport(facts({ packageType: 'rpm', env: { APPIMAGE: '/x.AppImage' } }))).toEqual({
      supported: false,
      reason: 'linux-package',
    });
    expect(inPlaceSupport(facts({ env: { SNAP: '/snap/kiedrop/1', APPIMAGE: '/x' } }))).toEqual({
      supported: false,
      reason: 'snap',
    });
    expect(inPlaceSupport(facts({}))).toEqual({ supported: false, reason: 'not-appimage' });
  });

  it('updates the Windows installer’s copy, not the portable .exe', () => {
    expect(inPlaceSupport(facts({ platform: 'win32' }))).toEqual({ supported: true, kind: 'nsis' });
    expect(
      inPlaceSupport(facts({ platform: 'win32', env: { PORTABLE_EXECUTABLE_FILE: 'C:\\KieDrop.exe' } })),
    ).toEqual({ supported: false, reason: 'portable' });
  });

  it('updates the macOS app', () => {
    expect(inPlaceSupport(facts({ platform: 'darwin' }))).toEqual({ supported: true, kind: 'mac' });
  });

  it('never in a dev run, nor in a build without app-update.yml', () => {
    expect(inPlaceSupport(facts({ isPackaged: false, env: { APPIMAGE: '/x.AppImage' } }))).toEqual({
      supported: false,
      reason: 'dev-run',
    });
    expect(inPlaceSupport(facts({ platform: 'win32', hasUpdateConfig: false }))).toEqual({
      supported: false,
      reason: 'no-feed',
    });
  });
});
