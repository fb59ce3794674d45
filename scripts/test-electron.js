#!/usr/bin/env node
// `npm run test:electron`: smoke tests that drive the real app through Playwright's Electron support.
// They need the Electron runtime, which `npm test` machines may lack; without it this fails loudly rather than
// counting as a pass. Arguments go to vitest (`npm run test:electron -- -t launch`).
// KIEDROP_SKIP_BUILD=1 tests the last build in out/ without rebuilding it.
import { dirname } from 'node:path';
import { describeRuntimeProblem, executableProblem, locateElectronRuntime } from './electron-runtime.js';
import { runTool } from './node-tools.js';

const ROOT = dirname(import.meta.dirname);

/** Runs the build and the tests; returns this script's exit code, after saying what went wrong. */
function main() {
  const location = locateElectronRuntime();
  const problem = executableProblem(location.path);
  if (problem !== null) {
    const why =
      location.setBy === null && problem === 'missing'
        ? 'the Electron runtime is not installed (run `npm start` once online to fetch it, or set ELECTRON_EXEC_PATH to an installed Electron)'
        : describeRuntimeProblem(location, problem);
    console.error(`The Electron smoke tests did not run: ${why}.`);
    return 1;
  }
  const env = { ...process.env, KIEDROP_ELECTRON_PATH: location.path };
  if (process.env.KIEDROP_SKIP_BUILD !== '1') {
    // The app, then the command line it carries (out/cli, run by `KieDrop --cli`).
    for (const [tool, args] of [
      ['electron-vite', ['build']],
      ['vite', ['build', '--config', 'build/cli.vite.config.ts']],
    ]) {
      const build = runTool(tool, args, { cwd: ROOT, env });
      if (!build.ok) {
        const detail = build.started ? ' (its errors are above)' : '';
        console.error(`The Electron smoke tests did not run: ${build.failure}${detail}.`);
        return build.code || 1;
      }
    }
  }
  const args = ['run', '--config', 'vitest.electron.config.ts', ...process.argv.slice(2)];
  const tests = runTool('vitest', args, { cwd: ROOT, env });
  if (!tests.ok) {
    console.error(
      tests.started
        ? `The Electron smoke tests failed: ${tests.failure} (its report is above).`
        : `The Electron smoke tests did not run: ${tests.failure}.`,
    );
    return tests.code || 1;
  }
  return 0;
}

// The exit code is set rather than process.exit() called, so output still in a pipe's buffer is not cut off.
process.exitCode = main();
