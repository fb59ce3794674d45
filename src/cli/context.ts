import type { Environment } from '../main/core/config';
import type { SecretStore } from '../main/core/secrets';
import type { Launcher } from '../main/core/shell-integration';

// Everything a command touches from the outside world, passed in so commands can run against any streams,
// environment and clock. main.ts binds the real process.

export interface OutputStream {
  write(chunk: string): unknown;
  /** Resolves once a write that returned false may go on (stdout piped to a slow reader). */
  whenDrained?(): Promise<void>;
}

/** stdin as commands need it: readable, and a raw mode for hidden input when it is a terminal. */
export interface InputStream extends NodeJS.ReadableStream {
  setRawMode?(mode: boolean): unknown;
}

export interface CliContext {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Environment;
  isTTY: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** Width of the terminal on stderr (for the progress bar). */
  columns: number;
  now: () => Date;
  /** Fires on Ctrl-C; commands pass it to every request. */
  signal: AbortSignal;
  /** Opens the keychain only when a command needs it. */
  secretStore: () => SecretStore;
  /** 'EPIPE' once stdout's reader went away (`kiedrop upload … | head -1`); absent or null otherwise. */
  stdoutLost?: () => string | null;
  /** Set when the installed app runs this command line (`KieDrop --cli`): the program the right-click
   * menu should start by default, instead of this checkout's dev run. */
  desktopApp?: Launcher;
}
