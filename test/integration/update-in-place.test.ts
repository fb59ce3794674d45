// "Download and restart" for real: the app's in-place updater (src/main/app-updater.ts) drives the real
// electron-updater, GitHub provider included, in a packaged-app process on the Electron stand-in
// (net.request over Node's http, see test/electron-standin/net.ts), against a local server that serves a
// GitHub release: its feed, latest-linux.yml and a new AppImage with its sha512. What only a real release
// shows: github.com itself, Squirrel.Mac, the NSIS installer, and a real AppImage starting again.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../harness';
import { OWNER, REPO, scriptAppImage, startGithubReleaseServer } from '../support/github-release-server';
import type { GithubReleaseServer } from '../support/github-release-server';
import type { InPlaceUpdateState } from '../../src/shared/desktop';
import type { Configuration } from 'electron-builder';

const config = createRequire(import.meta.url)('../../electron-builder.config.cjs') as Configuration;
const STANDIN = join(PROJECT_ROOT, 'test', 'electron-standin');
const CHILD = join(PROJECT_ROOT, 'test', 'support', 'in-place-update-child.ts');
const NEW_NAME = 'KieDrop-9.1.0.AppImage';

let github: GithubReleaseServer;
const served = (): string[] => github.served;

beforeAll(async () => {
  github = await startGithubReleaseServer({ version: '9.1.0', fileName: NEW_NAME, bytes: scriptAppImage() });
});
afterAll(async () => {
  await github.close();
});

let dir: string;
let resources: string;
let running: string;

beforeEach(async () => {
  github.served.length = 0;
  github.release = { version: '9.1.0', fileName: NEW_NAME, bytes: scriptAppImage() };
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-inplace-'));
  resources = join(dir, 'resources');
  await mkdir(resources);
  // What electron-builder writes next to the app, with `host` pointed at the local release.
  await writeFile(join(resources, 'app-update.yml'), github.appUpdateYml());
  await mkdir(join(dir, 'apps'));
  running = join(dir, 'apps', 'KieDrop-0.1.0.AppImage');
  await writeFile(running, '#!/bin/sh\necho old\n');
  await chmod(running, 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface ChildRun {
  lines: Record<string, unknown>[];
  states: InPlaceUpdateState[];
  end: { end: InPlaceUpdateState; requests: { method: string; url: string }[]; proxy: unknown } | undefined;
  output: string;
}

async function runChild(args: string[], env: Record<string, string | undefined>): Promise<ChildRun> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KIEDROP_STANDIN_APP_VERSION: '0.1.0',
    KIEDROP_STANDIN_RESOURCES: resources,
    APPIMAGE: running,
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(STANDIN, 'register.ts'), CHILD, ...args],
    { cwd: PROJECT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, output).toBe(0);
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    lines,
    output,
    states: lines.filter((l) => 'state' in l).map((l) => l['state'] as InPlaceUpdateState),
    end: lines.find((l) => 'end' in l) as ChildRun['end'],
  };
}

describe('in-place update of an AppImage', () => {
  it('downloads the newer AppImage only when asked, shows progress, and Restart puts it in place and starts it', async () => {
    const run = await runChild(['download', 'restart'], {});
    // Asked only after the click, through the updater's own session, set to the Settings proxy ("none").
    expect(run.end?.requests.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining([
        `/${OWNER}/${REPO}/releases.atom`,
        `/${OWNER}/${REPO}/releases/download/v9.1.0/latest-linux.yml`,
        `/${OWNER}/${REPO}/releases/download/v9.1.0/${NEW_NAME}`,
        // The redirect to where GitHub stores the file, followed by electron-updater itself.
        `/storage/v9.1.0/${NEW_NAME}`,
      ]),
    );
    expect(run.end?.proxy).toEqual({ mode: 'direct' });
    expect(run.states[0]).toEqual({ phase: 'downloading', version: null, percent: 0 });
    const percents = run.states
      .filter((s): s is Extract<InPlaceUpdateState, { phase: 'downloading' }> => s.phase === 'downloading')
      .map((s) => s.percent);
    expect(
      percents.some((p) => p > 0 && p < 100),
      JSON.stringify(run.states),
    ).toBe(true);
    expect(run.end?.end).toEqual({ phase: 'downloaded', version: '9.1.0' });
    expect(run.lines).toContainEqual({ restarted: { phase: 'restarting', version: '9.1.0' } });
    // electron-updater moved the new AppImage beside the old one (the old name carried a version), removed
    // the old one, started the new one, and quit the app after telling Electron's autoUpdater.
    const installed = join(dir, 'apps', NEW_NAME);
    expect(existsSync(running)).toBe(false);
    expect((await readFile(installed)).equals(github.release.bytes)).toBe(true);
    await expect
      .poll(
        () =>
          existsSync(join(dir, 'apps', 'started.txt'))
            ? readFile(join(dir, 'apps', 'started.txt'), 'utf8')
            : '',
        {
          timeout: 10_000,
        },
      )
      .toBe('started true');
    // The single-instance lock is let go before quitting, so the new version, starting while this one
    // still closes, becomes the running KieDrop instead of handing itself over and exiting.
    expect(run.lines).toContainEqual({
      quit: true,
      emitted: ['before-quit-for-update'],
      locked: true,
      lockHeld: false,
    });
  }, 60_000);

  it('keeps the AppImage where it is, under the name releases give it, so menu entries and login items still start it', async () => {
    // The file name electron-builder gives the released AppImage (electron-builder.config.cjs).
    const pattern = config.appImage?.artifactName ?? '';
    expect(pattern).not.toBe('');
    const named = pattern.replace('${productName}', String(config.productName)).replace('${ext}', 'AppImage');
    expect(named).not.toMatch(/\d+\.\d+\.\d+/);
    github.release = { ...github.release, fileName: named };
    const kept = join(dir, 'apps', named);
    await rename(running, kept);
    const run = await runChild(['download', 'restart'], { APPIMAGE: kept });
    expect(run.lines).toContainEqual({ restarted: { phase: 'restarting', version: '9.1.0' } });
    expect((await readFile(kept)).equals(github.release.bytes)).toBe(true);
    expect((await readdir(join(dir, 'apps'))).sort()).toEqual([named, 'started.txt'].sort());
  }, 60_000);

  it('refuses a download that does not match its sha512, says so, and leaves the running AppImage alone', async () => {
    github.release.sha512 = createHash('sha512').update('something else').digest('base64');
    const run = await runChild(['download', 'restart'], {});
    expect(run.end?.end).toMatchObject({ phase: 'failed', problem: 'download' });
    expect((run.end?.end as { detail: string }).detail).toMatch(/sha512/i);
    expect(run.lines.some((l) => 'restarted' in l)).toBe(false);
    expect(await readFile(running, 'utf8')).toBe('#!/bin/sh\necho old\n');
    expect(existsSync(join(dir, 'apps', NEW_NAME))).toBe(false);
  }, 60_000);

  it('asks nothing without a network connection', async () => {
    const run = await runChild(['download'], { KIEDROP_TEST_OFFLINE: '1' });
    expect(run.end?.end).toEqual({
      phase: 'failed',
      problem: 'offline',
      detail: 'the computer has no network connection',
    });
    expect(run.end?.requests).toEqual([]);
    expect(served()).toEqual([]);
  }, 60_000);

  it('says there is nothing newer when the feed offers the running version', async () => {
    github.release.version = '0.1.0';
    const run = await runChild(['download'], {});
    expect(run.end?.end).toMatchObject({ phase: 'failed', problem: 'no-update' });
    expect(served()).not.toContain(`/${OWNER}/${REPO}/releases/download/v0.1.0/${NEW_NAME}`);
  }, 60_000);
});

describe('builds that keep the release page link', () => {
  it('a dev run, a deb and a copy run without $APPIMAGE do not offer an in-place update', async () => {
    expect((await runChild(['download'], { KIEDROP_STANDIN_RESOURCES: undefined })).lines).toEqual([
      { unsupported: true },
    ]);
    expect((await runChild(['download'], { APPIMAGE: undefined })).lines).toEqual([{ unsupported: true }]);
    await writeFile(join(resources, 'package-type'), 'deb\n');
    expect((await runChild(['download'], {})).lines).toEqual([{ unsupported: true }]);
    expect(served()).toEqual([]);
  }, 60_000);
});
