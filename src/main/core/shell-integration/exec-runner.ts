// The production CommandRunner: execFile with no shell, so arguments reach the program untouched.
import { execFile } from 'node:child_process';
import type { CommandRunner } from './types';

export function createExecFileRunner(timeoutMs = 15_000): CommandRunner {
  return (command, args) =>
    new Promise((resolve, reject) => {
      execFile(command, [...args], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
          // ENOENT and friends: the program itself could not be started.
          reject(new Error(`Could not run ${command}: ${err.message}`));
          return;
        }
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
    });
}
