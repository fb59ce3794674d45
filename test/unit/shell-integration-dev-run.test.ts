// The exact entries for a dev run's launcher, `<electron> <app folder> --share …`, in every format: each
// argument quoted on its own, so spaces and quotes in either path survive.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  desktopEntry,
  dolphinServiceMenu,
  install,
  macDocumentWflow,
  macShareCommand,
  nautilusScript,
  nemoAction,
  status,
  windowsInstallArgs,
  windowsQuoteArg,
  windowsShareCommand,
} from '../../src/main/core/shell-integration';
import type { CommandRunner } from '../../src/main/core/shell-integration';

const MARK = `# Created by KieDrop: turn "Share with KieDrop" off in KieDrop's Settings to remove it.`;
const ELECTRON = `/home/ana/Dev Tools/it's "node_modules"/electron/dist/electron`;
const APP = `/home/ana/My "Kie" Drop's app`;
const DEV = { exePath: ELECTRON, exeArgs: [APP] };

/**
 * Windows' own command-line splitting (CommandLineToArgvW and the C runtime): the program runs to its
 * closing quote; after it, 2n backslashes + quote give n backslashes and toggle quoting, 2n+1 give n
 * and a literal quote, and other backslashes are literal.
 */
function windowsArgv(line: string): string[] {
  const argv: string[] = [];
  let i = 0;
  if (line.startsWith('"')) {
    const end = line.indexOf('"', 1);
    argv.push(line.slice(1, end));
    i = end + 1;
  }
  let arg: string | null = null;
  let quoted = false;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\') {
      const start = i;
      while (line[i] === '\\') i++;
      const n = i - start;
      if (line[i] === '"') {
        arg = (arg ?? '') + '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) {
          arg += '"';
          i++;
        }
      } else arg = (arg ?? '') + '\\'.repeat(n);
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      arg ??= '';
    } else if (c === ' ' && !quoted) {
      if (arg !== null) argv.push(arg);
      arg = null;
    } else arg = (arg ?? '') + c;
    i++;
  }
  if (arg !== null) argv.push(arg);
  return argv;
}

describe('Linux entries for a dev run', () => {
  it('Nautilus script: program and app folder, each shell-quoted, before --share', () => {
    expect(nautilusScript(DEV).split('\n').slice(-2)).toEqual([
      `exec '/home/ana/Dev Tools/it'\\''s "node_modules"/electron/dist/electron' '/home/ana/My "Kie" Drop'\\''s app' --share "$@"`,
      '',
    ]);
    expect(nautilusScript(DEV).split('\n')[1]).toBe(MARK);
  });

  it('Nemo action: the same shell words, with % doubled for Nemo', () => {
    const text = nemoAction({ exePath: '/opt/100% Kie/electron', exeArgs: ['/src/kie drop'] });
    expect(text.split('\n')[4]).toBe(`Exec='/opt/100%% Kie/electron' '/src/kie drop' --share %F`);
  });

  it('Dolphin service menu: each argument in Exec quoted under the Desktop Entry rules', () => {
    expect(dolphinServiceMenu(DEV)).toBe(
      [
        MARK,
        '[Desktop Entry]',
        'Type=Service',
        'Name=Share with KieDrop',
        'MimeType=all/allfiles;inode/directory;',
        'Actions=share',
        'X-KDE-ServiceTypes=KonqPopupMenu/Plugin',
        '',
        '[Desktop Action share]',
        'Name=Share with KieDrop',
        // Backslash before " in the Exec quoting, doubled again by the key-file escaping.
        `Exec="/home/ana/Dev Tools/it's \\\\"node_modules\\\\"/electron/dist/electron" "/home/ana/My \\\\"Kie\\\\" Drop's app" --share %F`,
        '',
      ].join('\n'),
    );
  });

  it('"Open With" entry: TryExec is the runtime, Exec adds the app folder', () => {
    const lines = desktopEntry({ exePath: '/opt/Kie Dev/electron', exeArgs: ['/src/$HOME `x` 50%'] }).split(
      '\n',
    );
    expect(lines.filter((l) => /^(TryExec|Exec)=/.test(l))).toEqual([
      'TryExec=/opt/Kie Dev/electron',
      'Exec="/opt/Kie Dev/electron" "/src/\\\\$HOME \\\\`x\\\\` 50%%" --share %F',
    ]);
  });

  it('the Nautilus script really hands the app folder and the selection to the program', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiedrop-devrun-'));
    try {
      const program = join(dir, `it's "electron"`);
      const record = join(dir, 'args.txt');
      await writeFile(program, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\n`);
      await chmod(program, 0o755);
      const script = join(dir, 'script');
      await writeFile(script, nautilusScript({ exePath: program, exeArgs: [APP] }));
      await chmod(script, 0o755);
      const selected = ['/home/ana/a b.png', '/srv/*.txt'];
      await promisify(execFile)(script, [], {
        env: { PATH: process.env['PATH'] ?? '', NAUTILUS_SCRIPT_SELECTED_FILE_PATHS: selected.join('\n') },
      });
      expect((await readFile(record, 'utf8')).split('\n').slice(0, -1)).toEqual([
        APP,
        '--share',
        ...selected,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('macOS Quick Action for a dev run', () => {
  const electron =
    '/Users/ana/Dev Tools/kiedrop/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron';

  it('the shell step starts `<Electron> <app folder> --share` in the background', () => {
    expect(macShareCommand(electron, ["/Users/ana/Dev Tools/o'neil kiedrop"])).toBe(
      `'${electron}' '/Users/ana/Dev Tools/o'\\''neil kiedrop' --share "$@" >/dev/null 2>&1 &`,
    );
  });

  it('document.wflow carries that command, XML-escaped', () => {
    expect(macDocumentWflow(electron, ['/Users/ana/Apps & "src"'])).toContain(
      `<string>'${electron}' '/Users/ana/Apps &amp; "src"' --share "$@" &gt;/dev/null 2&gt;&amp;1 &amp;</string>`,
    );
  });
});

describe('Windows registry entries for a dev run', () => {
  const exe = 'C:\\Users\\Ana\\Dev Tools\\kiedrop\\node_modules\\electron\\dist\\electron.exe';
  const app = 'C:\\Users\\Ana\\Dev Tools\\kiedrop';

  it('quotes each argument so Windows splits it back exactly', () => {
    expect(windowsQuoteArg('C:\\dev\\kiedrop\\')).toBe('"C:\\dev\\kiedrop\\\\"');
    expect(windowsQuoteArg('a "b"\\"c')).toBe('"a \\"b\\"\\\\\\"c"');
    for (const arg of ['C:\\dev\\kiedrop\\', 'C:\\a b\\\\', 'a "b"\\"c', 'plain', '']) {
      expect(windowsArgv(`"C:\\e.exe" ${windowsQuoteArg(arg)} --share "%1"`)).toEqual([
        'C:\\e.exe',
        arg,
        '--share',
        '%1',
      ]);
    }
  });

  it('the verb command is `"<electron.exe>" "<app folder>" --share "%1"`, the icon the runtime', () => {
    const command = `"${exe}" "${app}" --share "%1"`;
    expect(windowsShareCommand(exe, [app])).toBe(command);
    const files = 'HKCU\\Software\\Classes\\*\\shell\\KieDrop';
    expect(windowsInstallArgs(exe, [app]).slice(0, 4)).toEqual([
      ['add', files, '/ve', '/t', 'REG_SZ', '/d', 'Share with KieDrop', '/f'],
      ['add', files, '/v', 'Icon', '/t', 'REG_SZ', '/d', exe, '/f'],
      ['add', files, '/v', 'MultiSelectModel', '/t', 'REG_SZ', '/d', 'Player', '/f'],
      ['add', `${files}\\command`, '/ve', '/t', 'REG_SZ', '/d', command, '/f'],
    ]);
    expect(windowsArgv(command)).toEqual([exe, app, '--share', '%1']);
  });

  it('status: installed for the same launcher, outdated for another app folder or the packaged app', async () => {
    const values = new Map<string, string>();
    const run: CommandRunner = async (_command, args) => {
      const [verb, key = ''] = args;
      if (verb === 'add') {
        if (args.includes('/ve')) values.set(key, args[args.indexOf('/d') + 1] ?? '');
        return { code: 0, stdout: '', stderr: '' };
      }
      const value = values.get(key);
      return value === undefined
        ? { code: 1, stdout: '', stderr: 'ERROR: not found' }
        : { code: 0, stdout: `\r\n${key}\r\n    (Default)    REG_SZ    ${value}\r\n`, stderr: '' };
    };
    const opts = { exePath: exe, exeArgs: [app], home: 'C:\\Users\\Ana', env: {}, run };
    expect((await install('win32', opts)).installed).toBe(true);
    const states = async (o: Partial<typeof opts>) =>
      (await status('win32', { ...opts, ...o })).items.map((i) => i.state);
    expect(await states({})).toEqual(['installed', 'installed']);
    expect(await states({ exeArgs: ['D:\\other\\kiedrop'] })).toEqual(['outdated', 'outdated']);
    expect(await states({ exeArgs: [] })).toEqual(['outdated', 'outdated']);
  });
});
