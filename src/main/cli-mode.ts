// The installed app is also the `kiedrop` command: `KieDrop --cli -- <arguments>` runs the command line
// tool in the app's own runtime and exits, without a window, a tray or the single-instance lock. The
// app's packaged build cannot run as plain Node (its RunAsNode fuse is off), so this is how a user
// without Node gets the command. The wrappers in resources/bin (and the launcher Settings writes on
// Linux) start it this way; "--" keeps Chromium from reading the tool's options as its own switches, and
// runtime switches go between the two (`--cli --ozone-platform=headless -- …`).

export const CLI_SWITCH = '--cli';

/**
 * The command line tool's arguments when this start is a `--cli` one, else null. `--cli` must come first:
 * right after the program (packaged) or after the app folder (a dev run, `electron <folder> --cli`), so a
 * file named "--cli" handed over by a file manager never turns a share into a command.
 */
export function cliModeArgs(argv: readonly string[], defaultApp: boolean): string[] | null {
  const at = defaultApp ? 2 : 1;
  if (argv[at] !== CLI_SWITCH) return null;
  const rest = argv.slice(at + 1);
  // Runtime switches may sit between `--cli` and `--` (the Linux wrapper's --ozone-platform=headless).
  const end = rest.indexOf('--');
  if (end >= 0 && rest.slice(0, end).every((token) => token.startsWith('--'))) return rest.slice(end + 1);
  return rest;
}
