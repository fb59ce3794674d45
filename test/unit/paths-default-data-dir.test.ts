// The CLI must find the same data folder as the Electron app, on every platform.
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, databasePath, defaultDataDir } from '../../src/main/core/paths/index';

describe('defaultDataDir', () => {
  it('Linux: ~/.config/KieDrop without XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/KieDrop');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ana')).toBe('/home/ana/.config/KieDrop');
  });

  it('Linux: $XDG_CONFIG_HOME/KieDrop when set', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/ana')).toBe('/data/cfg/KieDrop');
  });

  it('macOS: ~/Library/Application Support/KieDrop, ignoring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/KieDrop',
    );
  });

  it('Windows: %APPDATA%\\KieDrop, whatever the variable name case', () => {
    const appData = 'C:\\Users\\ana\\AppData\\Roaming';
    expect(defaultDataDir({ APPDATA: appData }, 'win32', 'C:\\Users\\ana')).toBe(`${appData}\\KieDrop`);
    expect(defaultDataDir({ AppData: appData }, 'win32', 'C:\\Users\\ana')).toBe(`${appData}\\KieDrop`);
  });

  it('Windows: falls back to the home folder when APPDATA is missing', () => {
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\KieDrop');
  });

  it('KIEDROP_DATA_DIR overrides every platform', () => {
    const env = { KIEDROP_DATA_DIR: '/portable/kd', XDG_CONFIG_HOME: '/x', APPDATA: 'C:\\x' };
    expect(defaultDataDir(env, 'linux', '/home/ana')).toBe('/portable/kd');
    expect(defaultDataDir(env, 'darwin', '/Users/ana')).toBe('/portable/kd');
    expect(defaultDataDir({ kiedrop_data_dir: 'D:\\kd' }, 'win32', 'C:\\Users\\ana')).toBe('D:\\kd');
  });

  it('ignores an empty override', () => {
    expect(defaultDataDir({ KIEDROP_DATA_DIR: '  ' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.config/KieDrop',
    );
  });
});

describe('databasePath', () => {
  it('puts kiedrop.db inside the data folder with the platform separator', () => {
    expect(DATABASE_FILE_NAME).toBe('kiedrop.db');
    expect(databasePath('/home/ana/.config/KieDrop', 'linux')).toBe('/home/ana/.config/KieDrop/kiedrop.db');
    expect(databasePath('C:\\Users\\ana\\AppData\\Roaming\\KieDrop', 'win32')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\KieDrop\\kiedrop.db',
    );
  });
});
