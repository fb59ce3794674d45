#!/usr/bin/env node
// `npm start` and `npm run dev` (--dev): build and launch the desktop app, fetching the Electron runtime first if
// it is missing. Every way this can fail to start ends in one sentence saying what happened and what to do.
// `npm start` builds with electron-vite and then launches Electron itself, because only the parent of Electron
// sees how it ended; `--dev` needs electron-vite's dev server, which launches Electron, so there the stderr that
// electron-vite shares with Electron is read instead. Either way the stderr is shown as it arrives.
// Environment:
//   ELECTRON_EXEC_PATH=<executable>  the Electron to run (electron-vite reads the same variable)
//   KIEDROP_NO_SANDBOX=1             pass --no-sandbox to Electron, and say so; never done otherwise
//   KIEDROP_SKIP_BUILD=1             `npm start` launches the last build in out/ without rebuilding it
import { dirname } from 'node:path';
import {
  describeRuntimeProblem,
  downloadElectronRuntime,
  executableHint,
  executableProblem,
  findElectronRuntime,
  locateElectronRuntime,
} from './electron-runtime.js';
import { explainLaunchFailure } from './launch-outcome.js';
import { sandboxWillAbort } from './linux-sandbox.js';
import { runTool, toolEntry } from './node-tools.js';
import { runTeeingStderr } from './tee-stderr.js';

const APP_DIR = dirname(import.meta.dirname);
const dev = process.argv.includes('--dev');
const command = dev ? 'npm run dev' : 'npm start';
const noSandbox = process.env.KIEDROP_NO_SANDBOX === '1';

/** A reason not to go on, already worded as the one sentence the user sees. */
class CannotStart extends Error {}

/** The runtime's path; downloads it when it is simply not there yet. */
function ensureRuntime() {
  const location = locateElectronRuntime();
  const problem = executableProblem(location.path);
  if (problem === null) return location.path;
  // A runtime the user chose, or one that is there but broken, is reported rather than replaced by a download.
  if (location.setBy !== null || problem !== 'missing') {
    throw new CannotStart(`KieDrop cannot start: ${describeRuntimeProblem(location, problem)}.`);
  }
  console.log('KieDrop: fetching the Electron runtime (first start only)…');
  const { ok, reason } = downloadElectronRuntime();
  const runtime = ok ? findElectronRuntime() : null;
  if (!runtime) {
    throw new CannotStart(
      `KieDrop cannot start: the Electron runtime is not installed and could not be downloaded (${reason}); ` +
        `connect to the internet and run \`${command}\` again, or set ELECTRON_EXEC_PATH to an installed ` +
        `Electron's executable (${executableHint()}).`,
    );
  }
  return runtime;
}

function announceSandboxChoice() {
  if (noSandbox) {
    console.warn(
      "KieDrop: starting Electron with --no-sandbox because KIEDROP_NO_SANDBOX=1 is set, so Chromium's sandbox is off for this run.",
    );
  } else if (process.env.KIEDROP_NO_SANDBOX) {
    console.warn(
      `KieDrop: KIEDROP_NO_SANDBOX is set to "${process.env.KIEDROP_NO_SANDBOX}", not 1, so Chromium's sandbox stays on.`,
    );
  }
}

/** Runs the app until it ends; resolves with how it ended (see runTeeingStderr). */
async function launch(runtime) {
  if (dev) {
    // electron-vite launches ELECTRON_EXEC_PATH, and adds --no-sandbox when NO_SANDBOX=1: that is set here from
    // KIEDROP_NO_SANDBOX only, so the sandbox is never turned off without the notice.
    const env = { ...process.env, ELECTRON_EXEC_PATH: runtime };
    delete env.NO_SANDBOX;
    if (noSandbox) env.NO_SANDBOX = '1';
    return runTeeingStderr(process.execPath, [toolEntry('electron-vite'), 'dev'], { cwd: APP_DIR, env });
  }
  if (process.env.KIEDROP_SKIP_BUILD !== '1') {
    const build = runTool('electron-vite', ['build'], { cwd: APP_DIR });
    if (!build.ok) {
      throw new CannotStart(
        `KieDrop cannot start: ${build.failure}, so the app was not built (its errors are above).`,
      );
    }
  }
  return runTeeingStderr(runtime, [APP_DIR, ...(noSandbox ? ['--no-sandbox'] : [])], { cwd: APP_DIR });
}

/** Resolves with this script's exit code. */
async function main() {
  const runtime = ensureRuntime();
  announceSandboxChoice();
  const { code, signal, stderr, error, interrupted } = await launch(runtime);
  if (error) {
    const what = dev ? '`electron-vite dev`' : `Electron at ${runtime}`;
    throw new CannotStart(`KieDrop cannot start: ${what} could not be launched (${error.message}).`);
  }
  const verdict = explainLaunchFailure({
    code,
    signal,
    stderr,
    runtime,
    command,
    launcher: dev ? 'electron-vite dev' : 'Electron',
    noSandbox,
    sandboxWillAbort: () => sandboxWillAbort(runtime),
  });
  // After Ctrl-C the app's ending needs no explanation, unless it was a failure that happened anyway.
  if (verdict && !(interrupted && verdict.startsWith('KieDrop stopped:'))) console.error(verdict);
  return signal ? 1 : (code ?? 0);
}

// The exit code is set rather than process.exit() called, so output still in a pipe's buffer is not cut off.
try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CannotStart)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
