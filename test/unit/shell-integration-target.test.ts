// Which program the right-click menu starts, from what the running app knows about itself. A dev run
// (`npm start`: `electron <app folder>`, process.defaultApp) used to get no target at all, so Settings said
// the menu "can only be installed from the KieDrop app".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLaunchArgs } from '../../src/main/core/share/launch-args';
import { shellIntegrationTarget } from '../../src/main/core/shell-integration';

const APP_PATH = '/home/ana/src/Kie Drop';

// The adapter reads the app folder from Electron's `app`; the runtime is not installed here.
vi.mock('electron', () => ({ app: { getAppPath: () => APP_PATH } }));

const base = {
  platform: 'linux' as const,
  execPath: '/home/ana/src/Kie Drop/node_modules/electron/dist/electron',
  appPath: APP_PATH,
  env: {},
  home: '/home/ana',
};

describe('shellIntegrationTarget', () => {
  it('a dev run installs the Electron runtime followed by the app folder', () => {
    const target = shellIntegrationTarget({ ...base, defaultApp: true });
    expect(target).not.toBeNull();
    expect(target.platform).toBe('linux');
    expect([target.options.exePath, ...(target.options.exeArgs ?? [])]).toEqual([base.execPath, APP_PATH]);
    expect(target.options.home).toBe('/home/ana');
  });

  it('what the menu then starts is read back as a share of exactly the selected files', () => {
    const { options } = shellIntegrationTarget({ ...base, defaultApp: true });
    const argv = [options.exePath, ...(options.exeArgs ?? []), '--share', '/home/ana/a b.png'];
    expect(parseLaunchArgs(argv, '/', { platform: 'linux', defaultApp: true })).toEqual({
      share: ['/home/ana/a b.png'],
      urls: [],
    });
  });

  it('a packaged app installs its executable alone', () => {
    const { options } = shellIntegrationTarget({
      ...base,
      execPath: '/opt/KieDrop/kiedrop',
      defaultApp: false,
    });
    expect([options.exePath, ...(options.exeArgs ?? [])]).toEqual(['/opt/KieDrop/kiedrop']);
  });

  it('a packaged AppImage or Windows portable build installs the file that stays put', () => {
    const appImage = shellIntegrationTarget({
      ...base,
      execPath: '/tmp/.mount_KieDroXYZ/kiedrop',
      env: { APPIMAGE: '/home/ana/Apps/KieDrop.AppImage' },
      defaultApp: false,
    });
    expect([appImage.options.exePath, ...(appImage.options.exeArgs ?? [])]).toEqual([
      '/home/ana/Apps/KieDrop.AppImage',
    ]);
    const portable = shellIntegrationTarget({
      ...base,
      platform: 'win32',
      execPath: 'C:\\Users\\ana\\AppData\\Local\\Temp\\2abc\\KieDrop.exe',
      env: { PORTABLE_EXECUTABLE_FILE: 'D:\\KieDrop.exe' },
      defaultApp: false,
    });
    expect([portable.options.exePath, ...(portable.options.exeArgs ?? [])]).toEqual(['D:\\KieDrop.exe']);
  });
});

describe('electronShellIntegration (the Electron adapter)', () => {
  const saved = Object.getOwnPropertyDescriptor(process, 'defaultApp');
  afterEach(() => {
    if (saved) Object.defineProperty(process, 'defaultApp', saved);
    else delete (process as { defaultApp?: boolean }).defaultApp;
  });

  it('under `npm start` it returns a target: this executable plus app.getAppPath()', async () => {
    Object.defineProperty(process, 'defaultApp', { value: true, configurable: true, writable: true });
    const { electronShellIntegration } = await import('../../src/main/shell-integration');
    const target = electronShellIntegration();
    expect(target).not.toBeNull();
    expect(target?.platform).toBe(process.platform);
    expect([target?.options.exePath, ...(target?.options.exeArgs ?? [])]).toEqual([
      process.execPath,
      APP_PATH,
    ]);
  });

  it('in a packaged app it returns the executable alone', async () => {
    Object.defineProperty(process, 'defaultApp', { value: undefined, configurable: true, writable: true });
    const { electronShellIntegration } = await import('../../src/main/shell-integration');
    const target = electronShellIntegration();
    expect(target?.options.exeArgs ?? []).toEqual([]);
  });
});
