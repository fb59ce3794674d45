// electron-updater on the real runtime (`npm run test:electron`, run by the release workflow on Linux,
// macOS and Windows), where the stand-in cannot go: its downloads go through Electron's own net module
// and a session of its own, and this checks that they do reach a GitHub release (here a local one: the
// feed, latest-linux.yml, a redirect to the stored file), report progress and verify the sha512. It also
// checks the rules the stand-in models for it (test/electron-standin/net.ts, auto-updater.ts).
// Replacing the app and starting it again needs a packaged release: that is for a real release to show.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { PROJECT_ROOT } from '../harness';
import { scriptAppImage, startGithubReleaseServer } from '../support/github-release-server';
import type { GithubReleaseServer } from '../support/github-release-server';

let app: ElectronApplication;
let emulator: Emulator;
let github: GithubReleaseServer;
let root: string;

beforeAll(async () => {
  const executablePath = process.env['KIEDROP_ELECTRON_PATH'];
  if (!executablePath) {
    throw new Error('KIEDROP_ELECTRON_PATH is not set: run these tests with `npm run test:electron`.');
  }
  root = await mkdtemp(join(tmpdir(), 'kiedrop-electron-updater-'));
  await writeFile(join(root, 'KieDrop-0.1.0.AppImage'), '#!/bin/sh\necho old\n');
  emulator = await startEmulator();
  github = await startGithubReleaseServer({
    version: '9.1.0',
    fileName: 'KieDrop-9.1.0.AppImage',
    bytes: scriptAppImage(),
  });
  const dataDir = join(root, 'data');
  createSettingsStore(dataDir).set({
    uploadBaseUrl: emulator.url,
    creditsBaseUrl: emulator.url,
    notifications: false,
    checkForUpdates: false,
    dropWindow: { enabled: false, alwaysOnTop: true, x: null, y: null },
  });
  app = await electron.launch({
    executablePath,
    args: [PROJECT_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: {
      ...process.env,
      KIEDROP_DATA_DIR: dataDir,
      KIEDROP_API_KEY: emulator.apiKey,
      ELECTRON_RENDERER_URL: '',
      XDG_CACHE_HOME: join(root, 'cache'),
      // The AppImage electron-updater's AppImageUpdater would replace (it only reads the variable here).
      APPIMAGE: join(root, 'KieDrop-0.1.0.AppImage'),
    },
    timeout: 60_000,
  });
  await app.firstWindow({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
  await github?.close();
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('electron-updater on the real runtime', () => {
  it('finds the newer release, downloads it through Electron’s net with progress, and verifies it', async () => {
    const config = join(root, 'app-update.yml');
    await writeFile(config, github.appUpdateYml().replace('kiedrop-updater', 'kiedrop-updater-runtime-test'));
    const result = await app.evaluate(
      async (_electron, args) => {
        // The main bundle is ESM: electron-updater (CommonJS) is required from the project folder.
        const { createRequire } = process.getBuiltinModule('node:module');
        const { readFileSync, rmSync } = process.getBuiltinModule('node:fs');
        const { createHash } = process.getBuiltinModule('node:crypto');
        const { dirname } = process.getBuiltinModule('node:path');
        const updaterModule = createRequire(args.from)('electron-updater') as {
          AppImageUpdater: new () => {
            forceDevUpdateConfig: boolean;
            updateConfigPath: string;
            autoDownload: boolean;
            autoInstallOnAppQuit: boolean;
            disableDifferentialDownload: boolean;
            logger: null;
            on(event: 'download-progress', listener: (p: { percent: number }) => void): void;
            checkForUpdates(): Promise<{
              isUpdateAvailable: boolean;
              updateInfo: { version: string };
            } | null>;
            downloadUpdate(): Promise<string[]>;
          };
        };
        // A dev run is not packaged: forceDevUpdateConfig lets the updater run, reading this config.
        const updater = new updaterModule.AppImageUpdater();
        updater.forceDevUpdateConfig = true;
        updater.updateConfigPath = args.config;
        updater.autoDownload = false;
        updater.autoInstallOnAppQuit = false;
        // The whole file, on every OS (a block-map download needs a real AppImage to start from).
        updater.disableDifferentialDownload = true;
        updater.logger = null;
        const percents: number[] = [];
        updater.on('download-progress', (p) => percents.push(p.percent));
        const check = await updater.checkForUpdates();
        const files = await updater.downloadUpdate();
        const file = files[0] ?? '';
        const sha512 = createHash('sha512').update(readFileSync(file)).digest('base64');
        // The updater's cache folder (…/kiedrop-updater-runtime-test/pending/<file>).
        rmSync(dirname(dirname(file)), { recursive: true, force: true });
        return {
          available: check?.isUpdateAvailable,
          version: check?.updateInfo.version,
          percents,
          sha512,
        };
      },
      { from: join(PROJECT_ROOT, 'package.json'), config },
    );
    expect(result.available).toBe(true);
    expect(result.version).toBe('9.1.0');
    expect(result.percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(result.percents.at(-1)).toBe(100);
    const { createHash } = await import('node:crypto');
    expect(result.sha512).toBe(createHash('sha512').update(github.release.bytes).digest('base64'));
    expect(github.served).toContain('/storage/v9.1.0/KieDrop-9.1.0.AppImage');
  });

  it('keeps the rules the stand-in models: one session per partition, a manual redirect as an event, autoUpdater an EventEmitter', async () => {
    const facts = await app.evaluate(async ({ net, session, autoUpdater }, host) => {
      const a = session.fromPartition('electron-updater', { cache: false });
      const b = session.fromPartition('electron-updater');
      const redirect = await new Promise<unknown[]>((resolve, reject) => {
        const request = net.request({
          url: `http://${host}/kiedrop/kiedrop/releases/download/v9.1.0/KieDrop-9.1.0.AppImage`,
          redirect: 'manual',
          session: a,
        });
        request.on('redirect', (statusCode, method, redirectUrl) => {
          request.abort();
          resolve([statusCode, method, redirectUrl]);
        });
        request.on('response', () => reject(new Error('answered without a redirect event')));
        request.on('error', reject);
        request.end();
      });
      return { samePartition: a === b, redirect, emits: typeof autoUpdater.emit === 'function' };
    }, github.host);
    expect(facts).toEqual({
      samePartition: true,
      redirect: [302, 'GET', `http://${github.host}/storage/v9.1.0/KieDrop-9.1.0.AppImage`],
      emits: true,
    });
  });
});
