// Errors the CLI turns into exit codes. Anything else that reaches the top is a bug or an I/O failure.

/** The user typed something we cannot run: exit 2, with a pointer to the right --help. */
export class UsageError extends Error {
  /** The command whose --help explains the fix, e.g. "upload" or "key set"; undefined for the top level. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** A failure already explained in `message`; the CLI prints it as is and exits with `exitCode`. */
export class CliFailure extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** What shells report for a process stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
