// "Start KieDrop at login" as each platform carries it out: the XDG autostart entry's exact text on Linux,
// and the login-item settings Electron is given on macOS and Windows.
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartPath, loginItemPlan } from '../../src/main/core/login-item';

const devRun = {
  exePath: '/home/ana/kie drop/node_modules/electron/dist/electron',
  exeArgs: ['/home/ana/kie drop'],
};
const packaged = { exePath: 'C:\\Program Files\\KieDrop\\KieDrop.exe', exeArgs: [] };

describe('launch at login', () => {
  it('writes an autostart entry that starts this KieDrop in the tray', () => {
    expect(autostartEntry(devRun)).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=KieDrop',
        'Comment=Starts KieDrop in the tray at login',
        'Comment[zh_CN]=登录时在托盘中启动 KieDrop',
        'Exec="/home/ana/kie drop/node_modules/electron/dist/electron" "/home/ana/kie drop" --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        'X-KieDrop-Autostart=true',
        '',
      ].join('\n'),
    );
  });

  it('puts it in XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/autostart/kiedrop.desktop');
    expect(autostartPath({}, '/home/ana')).toBe('/home/ana/.config/autostart/kiedrop.desktop');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart/kiedrop.desktop',
    );
  });

  it('gives Windows the program and --hidden, and macOS only the switch', () => {
    expect(loginItemPlan('win32', true, packaged)).toEqual({
      kind: 'electron-login-item',
      settings: { openAtLogin: true, path: packaged.exePath, args: ['--hidden'] },
    });
    expect(loginItemPlan('darwin', false, packaged)).toEqual({
      kind: 'electron-login-item',
      settings: { openAtLogin: false },
    });
    expect(loginItemPlan('linux', true, devRun)).toEqual({
      kind: 'xdg-autostart',
      enabled: true,
      launcher: devRun,
    });
  });
});
