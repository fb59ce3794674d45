// `npm start` (scripts/start.js) and `npm run test:electron` (scripts/test-electron.js) as a user runs them: real
// processes, with a stand-in Electron executable (test/fixtures/fake-electron/electron) that fails the way the real
// runtime does on the machine being modelled (DESIGN.md §8 rule 18). ELECTRON_EXEC_PATH points the scripts at it,
// and KIEDROP_SKIP_BUILD=1 skips the electron-vite build each case would otherwise repeat.
// The stand-in is a script with a shebang, which Windows cannot execute: the release workflow runs this file
// on Linux and macOS only.
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const SCRIPTS = join(REPO_ROOT, 'scripts');
const START = join(SCRIPTS, 'start.js');
const TEST_ELECTRON = join(SCRIPTS, 'test-electron.js');
const FAKE_ELECTRON = join(REPO_ROOT, 'test', 'fixtures', 'fake-electron', 'electron');
const FAKE_CHROME_SANDBOX = join(dirname(FAKE_ELECTRON), 'chrome-sandbox');
const require = createRequire(import.meta.url);

interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** This process's environment minus whatever would steer the script under test: KieDrop's own settings,
 * Electron's and its downloader's settings, and vitest's markers (a nested vitest would take them as its own). */
function baseEnv(): Record<string, string> {
  const steering =
    /^(KIEDROP_|ELECTRON_|FAKE_ELECTRON_|NO_SANDBOX$|VITEST|npm_config_electron|npm_package_config_electron)/i;
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !steering.test(entry[0]),
    ),
  );
}

/** Runs `node <script> …args` with exactly `env` to the end; a hung script is killed after 60 s, not left behind. */
function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd = REPO_ROOT,
): Promise<ScriptResult> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

/** A verdict is one line holding one sentence (no full stop followed by a new sentence inside it). */
function expectOneSentence(line: string, opening = 'KieDrop '): void {
  expect(line.startsWith(opening), line).toBe(true);
  expect(line).toMatch(/\.$/);
  expect(line.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
}

interface Launch {
  args: string[];
  cwd: string;
}

let dir: string;
let record: string;
let runs = 0;

/** A fresh file for the stand-in to record its launches in, one JSON line each. */
const newRecord = (): string => join(dir, `launches-${++runs}.jsonl`);

async function launches(file: string): Promise<Launch[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Launch);
}

/** `npm start` against the stand-in, in the given mode, with the build skipped. */
function start(mode: string, env: Record<string, string> = {}, args: readonly string[] = []) {
  record = newRecord();
  return runScript(START, args, {
    ...baseEnv(),
    ELECTRON_EXEC_PATH: FAKE_ELECTRON,
    FAKE_ELECTRON_MODE: mode,
    FAKE_ELECTRON_RECORD: record,
    KIEDROP_SKIP_BUILD: '1',
    ...env,
  });
}

beforeAll(async () => {
  dir = await makeTempDir('kiedrop-start-');
});

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('npm start (scripts/start.js) against a stand-in Electron', () => {
  it('launches the runtime named by ELECTRON_EXEC_PATH with the app folder, sandbox left on', async () => {
    const result = await start('ok');
    expect(result.stderr).not.toMatch(/KieDrop (cannot|could not) start/);
    expect(result.code).toBe(0);
    const seen = await launches(record);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.args).toEqual([REPO_ROOT]);
    expect(seen[0]?.cwd).toBe(REPO_ROOT);
  });

  it('passes --no-sandbox only when KIEDROP_NO_SANDBOX=1 opts in, and says so', async () => {
    const result = await start('ok', { KIEDROP_NO_SANDBOX: '1' });
    expect(result.code).toBe(0);
    expect((await launches(record))[0]?.args).toEqual([REPO_ROOT, '--no-sandbox']);
    expect(`${result.stdout}${result.stderr}`).toMatch(/--no-sandbox because KIEDROP_NO_SANDBOX=1/);
  });

  it('explains the SUID sandbox abort (FATAL setuid_sandbox_host, SIGTRAP) with the fix and the opt-in', async () => {
    const result = await start('sandbox');
    expect(result.code).toBe(1);
    // Electron's own words stay visible: its stderr is passed through, not swallowed.
    expect(result.stderr).toContain(
      'FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found',
    );
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict);
    expect(verdict).toContain(
      `sudo chown root:root ${FAKE_CHROME_SANDBOX} && sudo chmod 4755 ${FAKE_CHROME_SANDBOX}`,
    );
    expect(verdict).toContain('KIEDROP_NO_SANDBOX=1 npm start');
    // Never retried with the sandbox off behind the user's back.
    const seen = await launches(record);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.args).not.toContain('--no-sandbox');
  });

  it('says Electron refuses to run as root with its sandbox, and how to start instead', async () => {
    const result = await start('root');
    expect(result.code).toBe(1);
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict);
    expect(verdict).toMatch(/as root/);
    expect(verdict).toContain('KIEDROP_NO_SANDBOX=1 npm start');
  });

  it('says no graphical session was found when Electron cannot open a display', async () => {
    const result = await start('no-display');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Missing X server or $DISPLAY');
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict);
    expect(verdict).toMatch(/no graphical session/);
    expect(verdict).toContain('xvfb-run npm start');
  });

  it('names an ELECTRON_EXEC_PATH that does not exist, without downloading anything', async () => {
    const missing = join(dir, 'no-such-electron');
    const result = await start('ok', { ELECTRON_EXEC_PATH: missing });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/fetching/);
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict);
    expect(verdict).toContain(`ELECTRON_EXEC_PATH is set to ${missing}, which does not exist`);
  });

  it('names an ELECTRON_EXEC_PATH that is not executable, and one that is a folder', async () => {
    const plain = await writeFileIn(dir, 'plain-file', 'not a program\n');
    await chmod(plain, 0o644);
    const result = await start('ok', { ELECTRON_EXEC_PATH: plain });
    expect(result.code).toBe(1);
    expectOneSentence(lastLine(result.stderr));
    expect(lastLine(result.stderr)).toContain(
      `ELECTRON_EXEC_PATH is set to ${plain}, which is not executable`,
    );

    const folder = join(dir, 'a-folder');
    await mkdir(folder, { recursive: true });
    const inFolder = await start('ok', { ELECTRON_EXEC_PATH: folder });
    expect(inFolder.code).toBe(1);
    expectOneSentence(lastLine(inFolder.stderr));
    expect(lastLine(inFolder.stderr)).toContain(`ELECTRON_EXEC_PATH is set to ${folder}, which is a folder`);
  });

  it('without a runtime and without network, says so in one sentence and names ELECTRON_EXEC_PATH', async () => {
    // A copy of the project's scripts next to an electron package without its runtime, so the result does not
    // depend on whether this machine has downloaded one. Its real installer is pointed at a closed local port.
    const project = join(dir, 'project');
    await mkdir(join(project, 'node_modules', 'electron'), { recursive: true });
    await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
    await mkdir(join(project, 'scripts'));
    for (const name of await readdir(SCRIPTS)) {
      if (name.endsWith('.js')) await copyFile(join(SCRIPTS, name), join(project, 'scripts', name));
    }
    const electronPackage = dirname(require.resolve('electron/package.json'));
    for (const name of ['package.json', 'install.js', 'checksums.json', 'index.js']) {
      await copyFile(join(electronPackage, name), join(project, 'node_modules', 'electron', name));
    }
    await symlink(
      join(electronPackage, '..', '@electron'),
      join(project, 'node_modules', '@electron'),
      'junction',
    );
    const result = await runScript(
      join(project, 'scripts', 'start.js'),
      [],
      {
        ...baseEnv(),
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
        electron_config_cache: join(dir, 'cache'),
      },
      project,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/fetching the Electron runtime/);
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict);
    expect(verdict).toContain('could not be downloaded (its download server could not be reached)');
    expect(verdict).toContain('ELECTRON_EXEC_PATH');
    expect(verdict).not.toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface RuntimeModule {
  electronExecutableName(platform: NodeJS.Platform): string;
  findElectronRuntime(options?: {
    env?: Record<string, string | undefined>;
    platform?: NodeJS.Platform;
    packageDir?: string;
  }): string | null;
}

interface SandboxModule {
  sandboxWillAbort(
    runtime: string,
    options: {
      platform?: NodeJS.Platform;
      readProc?: (name: string) => string | null;
      statFile?: (path: string) => { uid: number; mode: number } | null;
    },
  ): boolean;
}

interface OutcomeModule {
  explainLaunchFailure(outcome: {
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    runtime: string;
    command: string;
    noSandbox: boolean;
    sandboxWillAbort: () => boolean;
  }): string | null;
}

// The scripts are plain JavaScript without type declarations; each is loaded by URL and given its shape here.
const loadScript = async <T>(name: string): Promise<T> =>
  (await import(pathToFileURL(join(SCRIPTS, name)).href)) as T;

describe('finding the Electron runtime (scripts/electron-runtime.js)', () => {
  const perOs: [NodeJS.Platform, string][] = [
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
    ['win32', 'electron.exe'],
    ['linux', 'electron'],
  ];

  it.each(perOs)('on %s, without path.txt, looks for %s', async (platform, name) => {
    const runtime = await loadScript<RuntimeModule>('electron-runtime.js');
    expect(runtime.electronExecutableName(platform)).toBe(name);
    const packageDir = join(dir, `electron-${platform}`);
    const executable = await writeFileIn(join(packageDir, 'dist'), name, '#!/bin/sh\n');
    await chmod(executable, 0o755);
    expect(runtime.findElectronRuntime({ platform, packageDir, env: {} })).toBe(executable);
    // Electron's own ELECTRON_OVERRIDE_DIST_PATH names the folder; the executable in it has the same name.
    const overrideDir = join(dir, `override-${platform}`);
    const overridden = await writeFileIn(overrideDir, name, '#!/bin/sh\n');
    await chmod(overridden, 0o755);
    expect(
      runtime.findElectronRuntime({
        platform,
        packageDir,
        env: { ELECTRON_OVERRIDE_DIST_PATH: overrideDir },
      }),
    ).toBe(overridden);
    // ELECTRON_EXEC_PATH, the variable electron-vite reads, names the executable itself and wins.
    expect(
      runtime.findElectronRuntime({
        platform,
        packageDir,
        env: { ELECTRON_EXEC_PATH: FAKE_ELECTRON, ELECTRON_OVERRIDE_DIST_PATH: overrideDir },
      }),
    ).toBe(FAKE_ELECTRON);
  });
});

describe('recognising the Linux sandbox abort (scripts/linux-sandbox.js, scripts/launch-outcome.js)', () => {
  const runtime = join('opt', 'electron', 'electron');
  const restricted = (name: string): string | null =>
    name === 'kernel/apparmor_restrict_unprivileged_userns' ? '1' : null;

  it('predicts the abort where AppArmor restricts user namespaces and chrome-sandbox is not SUID root', async () => {
    const { sandboxWillAbort } = await loadScript<SandboxModule>('linux-sandbox.js');
    const notSuid = () => ({ uid: 1000, mode: 0o100755 });
    const suidRoot = () => ({ uid: 0, mode: 0o104755 });
    expect(sandboxWillAbort(runtime, { platform: 'linux', readProc: restricted, statFile: notSuid })).toBe(
      true,
    );
    expect(sandboxWillAbort(runtime, { platform: 'linux', readProc: restricted, statFile: suidRoot })).toBe(
      false,
    );
    const allowed = (name: string): string | null =>
      name === 'kernel/apparmor_restrict_unprivileged_userns' ? '0' : null;
    expect(sandboxWillAbort(runtime, { platform: 'linux', readProc: allowed, statFile: notSuid })).toBe(
      false,
    );
    expect(sandboxWillAbort(runtime, { platform: 'darwin', readProc: restricted, statFile: notSuid })).toBe(
      false,
    );
  });

  it('explains a silent SIGTRAP as the sandbox abort only when the preflight predicts it', async () => {
    const { explainLaunchFailure } = await loadScript<OutcomeModule>('launch-outcome.js');
    const outcome = {
      code: null,
      signal: 'SIGTRAP' as const,
      stderr: '',
      runtime,
      command: 'npm start',
      noSandbox: false,
    };
    const predicted = explainLaunchFailure({ ...outcome, sandboxWillAbort: () => true });
    expect(predicted).toContain('sudo chmod 4755');
    expect(predicted).toContain('KIEDROP_NO_SANDBOX=1 npm start');
    const unexplained = explainLaunchFailure({ ...outcome, sandboxWillAbort: () => false });
    expect(unexplained).not.toContain('chmod');
    expect(unexplained).toContain('SIGTRAP');
  });

  it('takes the helper path from the FATAL line and names the command that was run', async () => {
    // Under `npm run dev`, electron-vite launches Electron and exits 1 when it dies: only the text is left.
    const { explainLaunchFailure } = await loadScript<OutcomeModule>('launch-outcome.js');
    const helper = '/home/me/kiedrop/node_modules/electron/dist/chrome-sandbox';
    const verdict = explainLaunchFailure({
      code: 1,
      signal: null,
      stderr:
        '[3419:0613/113209.186591:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, ' +
        "but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make " +
        `sure that ${helper} is owned by root and has mode 4755.\n`,
      runtime,
      command: 'npm run dev',
      noSandbox: false,
      sandboxWillAbort: () => false,
    });
    expect(verdict).not.toBeNull();
    expectOneSentence(verdict ?? '');
    expect(verdict).toContain(`sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`);
    expect(verdict).toContain('KIEDROP_NO_SANDBOX=1 npm run dev');
  });
});

describe('npm run test:electron (scripts/test-electron.js)', () => {
  it('runs electron-vite and vitest without npx on PATH, and names a tool that failed', async () => {
    // An empty PATH: no npx, no npm. The scripts run the tools through this Node instead.
    const emptyBin = join(dir, 'empty-bin');
    await mkdir(emptyBin, { recursive: true });
    const withoutPath = Object.fromEntries(Object.entries(baseEnv()).filter(([k]) => !/^path$/i.test(k)));
    const result = await runScript(TEST_ELECTRON, ['no-such-smoke-test'], {
      ...withoutPath,
      PATH: emptyBin,
      ELECTRON_EXEC_PATH: FAKE_ELECTRON,
      KIEDROP_SKIP_BUILD: '1',
    });
    // vitest ran (its own report), found no test by that filter, and its exit code is named.
    expect(`${result.stdout}${result.stderr}`).toMatch(/No test files found/);
    expect(result.code).toBe(1);
    const verdict = lastLine(result.stderr);
    expectOneSentence(verdict, 'The Electron smoke tests failed: ');
    expect(verdict).toMatch(/vitest.*exited with code 1/);
  });

  it('never spawns bare `npx`, which needs a shell on Windows', async () => {
    for (const name of await readdir(SCRIPTS)) {
      if (!name.endsWith('.js')) continue;
      const source = await readFile(join(SCRIPTS, name), 'utf8');
      expect(source, name).not.toMatch(/spawn(Sync)?\(\s*['"`]npx/);
      expect(source, name).not.toMatch(/\[\s*['"`]npx['"`]\s*,/);
    }
  });
});
