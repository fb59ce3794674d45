// The `kiedrop` binary on a terminal of a given width: `script` (util-linux) gives it a pseudo-terminal,
// so stderr is a TTY and the live progress block is drawn as a user sees it. Everything written to the
// terminal comes back as one string, stdout and stderr in the order they were shown.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'kiedrop.js');

export interface TerminalResult {
  code: number | null;
  /** All the terminal received, escape sequences included. */
  raw: string;
}

const quote = (arg: string): string => `'${arg.replaceAll("'", `'\\''`)}'`;

/** Runs `kiedrop …` on a `columns`-wide terminal with `env` on top of this process's environment minus
 * any KIEDROP_* setting. */
export function runInTerminal(
  args: readonly string[],
  env: Record<string, string>,
  columns: number,
): Promise<TerminalResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_')));
  const command = `stty cols ${columns} rows 40; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
  });
  let raw = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (raw += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (raw += d));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, raw }));
  });
}

/**
 * The lines as they were drawn: each redraw of the progress block is split out, cursor moves and
 * erasures dropped, so a test can look at every frame the user saw.
 */
export function drawnLines(raw: string): string[] {
  return (
    raw
      // "Go up N lines, clear to the end of the screen" starts a redraw: a line break keeps frames apart.
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[\d+A\r?\x1b\[0J/gu, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '')
      .split(/\r?\n|\r/u)
      .filter((line) => line !== '')
  );
}
