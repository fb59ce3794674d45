// When a start of the app is the bundled `kiedrop` command: only `--cli` right after the program (or
// after the app folder in a dev run), so a file that happens to be called "--cli" stays a file.
import { describe, expect, it } from 'vitest';
import { cliModeArgs } from '../../src/main/cli-mode';

describe('cliModeArgs', () => {
  it('takes the arguments after "--cli --" in the packaged app and in a dev run', () => {
    expect(cliModeArgs(['/opt/KieDrop/kiedrop-app', '--cli', '--', 'upload', '-x'], false)).toEqual([
      'upload',
      '-x',
    ]);
    expect(cliModeArgs(['/dev/electron', '/src/kiedrop', '--cli', '--', '--version'], true)).toEqual([
      '--version',
    ]);
    expect(cliModeArgs(['/opt/KieDrop/kiedrop-app', '--cli', 'history'], false)).toEqual(['history']);
    // Runtime switches between --cli and -- are the runtime's, not the tool's.
    expect(
      cliModeArgs(
        ['/opt/KieDrop/kiedrop-app', '--cli', '--ozone-platform=headless', '--', 'upload', '--', '-f'],
        false,
      ),
    ).toEqual(['upload', '--', '-f']);
  });

  it('is not the command line for the desktop app, a share, or a file named "--cli"', () => {
    expect(cliModeArgs(['/opt/KieDrop/kiedrop-app'], false)).toBeNull();
    expect(cliModeArgs(['/opt/KieDrop/kiedrop-app', '--hidden'], false)).toBeNull();
    expect(cliModeArgs(['/opt/KieDrop/kiedrop-app', '--share', '--cli'], false)).toBeNull();
    expect(cliModeArgs(['/dev/electron', '/src/kiedrop', '--share', '--cli'], true)).toBeNull();
    // In a dev run argv[1] is the app folder, never the switch.
    expect(cliModeArgs(['/dev/electron', '--cli', '--version'], true)).toBeNull();
  });
});
