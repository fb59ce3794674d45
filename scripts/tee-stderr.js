// Runs a child with stdin and stdout passed through and stderr both shown and kept: Electron's own error lines
// are what tell a sandbox abort from a missing display, and the user still sees them as they are printed.
import { spawn } from 'node:child_process';

// Enough for Chromium's last words; the start of a long session's log is of no use here.
const KEPT_CHARS = 64 * 1024;
// The signals that end `npm start` are passed on, so the app is never left running without its terminal.
const FORWARDED = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Resolves, once the child has ended and its stderr is read, with { code, signal, stderr, error, interrupted }:
 * error is set when it could not be started, interrupted when this process got one of FORWARDED meanwhile.
 */
export function runTeeingStderr(command, args, options = {}) {
  return new Promise((resolve) => {
    let stderr = '';
    let interrupted = false;
    let settled = false;
    const child = spawn(command, args, { ...options, stdio: ['inherit', 'inherit', 'pipe'] });
    const forward = (signal) => {
      interrupted = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve({ stderr, interrupted, ...outcome });
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      process.stderr.write(text);
      stderr = (stderr + text).slice(-KEPT_CHARS);
    });
    child.on('error', (error) => finish({ code: null, signal: null, error }));
    child.on('close', (code, signal) => finish({ code, signal, error: null }));
  });
}
