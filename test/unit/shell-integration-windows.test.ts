// The exact reg.exe argument lists for Explorer's "Share with KieDrop", and reading them back.
import { describe, expect, it } from 'vitest';
import {
  install,
  parseRegQueryDefault,
  status,
  uninstall,
  windowsInstallArgs,
  windowsUninstallArgs,
} from '../../src/main/core/shell-integration';
import type { CommandRunner } from '../../src/main/core/shell-integration';

const EXE = 'C:\\Program Files\\KieDrop\\KieDrop.exe';
const FILES = 'HKCU\\Software\\Classes\\*\\shell\\KieDrop';
const FOLDERS = 'HKCU\\Software\\Classes\\Directory\\shell\\KieDrop';

describe('Windows registry commands', () => {
  it('adds both verbs under HKCU with label, icon, multi-select model and the quoted command', () => {
    expect(windowsInstallArgs(EXE)).toEqual([
      ['add', FILES, '/ve', '/t', 'REG_SZ', '/d', 'Share with KieDrop', '/f'],
      ['add', FILES, '/v', 'Icon', '/t', 'REG_SZ', '/d', EXE, '/f'],
      ['add', FILES, '/v', 'MultiSelectModel', '/t', 'REG_SZ', '/d', 'Player', '/f'],
      ['add', `${FILES}\\command`, '/ve', '/t', 'REG_SZ', '/d', `"${EXE}" --share "%1"`, '/f'],
      ['add', FOLDERS, '/ve', '/t', 'REG_SZ', '/d', 'Share with KieDrop', '/f'],
      ['add', FOLDERS, '/v', 'Icon', '/t', 'REG_SZ', '/d', EXE, '/f'],
      ['add', FOLDERS, '/v', 'MultiSelectModel', '/t', 'REG_SZ', '/d', 'Player', '/f'],
      ['add', `${FOLDERS}\\command`, '/ve', '/t', 'REG_SZ', '/d', `"${EXE}" --share "%1"`, '/f'],
    ]);
  });

  it('removes exactly the two KieDrop keys (and what is under them)', () => {
    expect(windowsUninstallArgs()).toEqual([
      ['delete', FILES, '/f'],
      ['delete', FOLDERS, '/f'],
    ]);
  });

  it('reads the command back from reg query output, whatever the "(Default)" label is called', () => {
    const english = `\r\n${FILES}\\command\r\n    (Default)    REG_SZ    "${EXE}" --share "%1"\r\n\r\n`;
    const german = `\r\n${FILES}\\command\r\n    (Standard)    REG_SZ    "${EXE}" --share "%1"\r\n\r\n`;
    expect(parseRegQueryDefault(english)).toBe(`"${EXE}" --share "%1"`);
    expect(parseRegQueryDefault(german)).toBe(`"${EXE}" --share "%1"`);
    expect(
      parseRegQueryDefault('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBe(null);
  });
});

// reg.exe cannot run here, so this stand-in keeps a registry in a Map and answers like reg.exe
// (exit code 1 for a missing key). What is under test is the installer's logic on top of it.
function fakeReg(): { run: CommandRunner; keys: Map<string, Map<string, string>>; calls: string[][] } {
  const keys = new Map<string, Map<string, string>>();
  const calls: string[][] = [];
  const run: CommandRunner = async (command, args) => {
    expect(command).toBe('reg');
    calls.push([...args]);
    const [verb, key = ''] = args;
    if (verb === 'add') {
      const values = keys.get(key) ?? new Map<string, string>();
      const name = args.includes('/ve') ? '' : (args[args.indexOf('/v') + 1] ?? '');
      values.set(name, args[args.indexOf('/d') + 1] ?? '');
      keys.set(key, values);
      return { code: 0, stdout: 'The operation completed successfully.', stderr: '' };
    }
    if (verb === 'query') {
      const values = keys.get(key);
      if (!values)
        return {
          code: 1,
          stdout: '',
          stderr: 'ERROR: The system was unable to find the specified registry key or value.',
        };
      const name = args.includes('/v') ? (args[args.indexOf('/v') + 1] ?? '') : '';
      const value = values.get(name);
      const label = name === '' ? '(Default)' : name;
      return {
        code: 0,
        stdout: value === undefined ? key : `\r\n${key}\r\n    ${label}    REG_SZ    ${value}\r\n`,
        stderr: '',
      };
    }
    if (verb === 'delete') {
      for (const k of [...keys.keys()]) if (k === key || k.startsWith(`${key}\\`)) keys.delete(k);
      return { code: 0, stdout: '', stderr: '' };
    }
    return { code: 1, stdout: '', stderr: 'unknown' };
  };
  return { run, keys, calls };
}

describe('Windows install, status and uninstall', () => {
  const opts = (run: CommandRunner) => ({ exePath: EXE, home: 'C:\\Users\\ana', env: {}, run });

  it('install → installed; a moved app → outdated; uninstall → absent and nothing left', async () => {
    const reg = fakeReg();
    expect((await status('win32', opts(reg.run))).items.map((i) => i.state)).toEqual(['absent', 'absent']);
    const after = await install('win32', opts(reg.run));
    expect(after.installed).toBe(true);
    expect(reg.keys.get(`${FOLDERS}\\command`)?.get('')).toBe(`"${EXE}" --share "%1"`);

    const moved = await status('win32', { ...opts(reg.run), exePath: 'D:\\Apps\\KieDrop.exe' });
    expect(moved.items.map((i) => i.state)).toEqual(['outdated', 'outdated']);
    // The program the entries start (their icon's) is not on this disk: status names it as gone.
    expect(moved.items.map((i) => i.missingProgram)).toEqual([EXE, EXE]);

    const removed = await uninstall('win32', opts(reg.run));
    expect(removed.items.map((i) => i.state)).toEqual(['absent', 'absent']);
    expect(reg.keys.size).toBe(0);
  });

  it('uninstall when nothing is installed deletes nothing and does not fail', async () => {
    const reg = fakeReg();
    await uninstall('win32', opts(reg.run));
    expect(reg.calls.filter((c) => c[0] === 'delete')).toEqual([]);
  });

  it('reports a refused change with what Windows said', async () => {
    const run: CommandRunner = async () => ({ code: 1, stdout: '', stderr: 'ERROR: Access is denied.' });
    await expect(install('win32', opts(run))).rejects.toThrow(/refused.*Access is denied/);
  });

  it('refuses a relative program path before touching the registry', async () => {
    const reg = fakeReg();
    await expect(install('win32', { ...opts(reg.run), exePath: 'KieDrop.exe' })).rejects.toThrow(/full path/);
    expect(reg.calls).toEqual([]);
  });
});
