// Where `kiedrop integration` finds the Electron runtime of this checkout: the rules electron-vite uses
// when `npm start` launches the app, so the menu starts the same program.
import { describe, expect, it } from 'vitest';
import { electronExecutable } from '../../src/cli/desktop-launcher';

const POSIX_DIR = '/home/ana/src/kie drop/node_modules/electron';
const WIN_DIR = 'C:\\src\\kie drop\\node_modules\\electron';

describe('electronExecutable', () => {
  it('reads dist/<path.txt> when the runtime has been downloaded', () => {
    expect(
      electronExecutable({
        electronDir: POSIX_DIR,
        platform: 'linux',
        env: {},
        pathTxt: 'electron',
        cwd: '/',
      }),
    ).toBe(`${POSIX_DIR}/dist/electron`);
  });

  it('falls back to the per-OS name when path.txt is missing', () => {
    const at = (platform: NodeJS.Platform, electronDir: string) =>
      electronExecutable({ electronDir, platform, env: {}, pathTxt: null, cwd: '/' });
    expect(at('linux', POSIX_DIR)).toBe(`${POSIX_DIR}/dist/electron`);
    expect(at('darwin', POSIX_DIR)).toBe(`${POSIX_DIR}/dist/Electron.app/Contents/MacOS/Electron`);
    expect(at('win32', WIN_DIR)).toBe(`${WIN_DIR}\\dist\\electron.exe`);
  });

  it('ELECTRON_EXEC_PATH wins, made absolute against the working folder', () => {
    const env = { ELECTRON_EXEC_PATH: 'tools/electron' };
    expect(
      electronExecutable({ electronDir: POSIX_DIR, platform: 'linux', env, pathTxt: 'electron', cwd: '/w' }),
    ).toBe('/w/tools/electron');
    const empty = { ELECTRON_EXEC_PATH: '' };
    expect(
      electronExecutable({ electronDir: POSIX_DIR, platform: 'linux', env: empty, pathTxt: null, cwd: '/w' }),
    ).toBe(`${POSIX_DIR}/dist/electron`);
  });
});
