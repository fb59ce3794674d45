// The packaged app on the Electron stand-in, a newer release known: "Download and restart" in the tray
// and in Settings → Updates, as the user meets them. The app's own updater (electron-updater, GitHub
// provider) downloads from a local GitHub release; see test/integration/update-in-place.test.ts for the
// updater alone and docs/design.md for what only the real runtime shows.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { desktopSuite } from '../support/desktop-app';
import type { DesktopRun } from '../support/desktop-app';
import { OWNER, REPO, scriptAppImage, startGithubReleaseServer } from '../support/github-release-server';
import type { GithubReleaseServer } from '../support/github-release-server';

const suite = desktopSuite();
const NEW_NAME = 'KieDrop-9.1.0.AppImage';
const OLD_SCRIPT = '#!/bin/sh\necho old\n';
let github: GithubReleaseServer;
const roots: string[] = [];

beforeAll(async () => {
  github = await startGithubReleaseServer({ version: '9.1.0', fileName: NEW_NAME, bytes: scriptAppImage() });
});
afterAll(async () => {
  await github.close();
});
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

interface Packaged {
  run: DesktopRun;
  /** The AppImage KieDrop runs from. */
  running: string;
  apps: string;
}

/**
 * KieDrop 0.1.0 packaged, run from an AppImage (or installed from a deb), that already found out today
 * that 9.1.0 is out (so the daily check asks nothing more).
 */
async function packagedApp(
  kind: 'appimage' | 'deb',
  settings = {},
  env: Record<string, string> = {},
): Promise<Packaged> {
  const root = await mkdtemp(join(tmpdir(), 'kiedrop-update-'));
  roots.push(root);
  const resources = join(root, 'resources');
  const apps = join(root, 'apps');
  await Promise.all([mkdir(resources), mkdir(apps), mkdir(join(root, 'data'))]);
  await writeFile(join(resources, 'app-update.yml'), github.appUpdateYml());
  if (kind === 'deb') await writeFile(join(resources, 'package-type'), 'deb\n');
  const running = join(apps, 'KieDrop-0.1.0.AppImage');
  await writeFile(running, OLD_SCRIPT);
  await chmod(running, 0o755);
  await writeFile(
    join(root, 'data', 'update-check.json'),
    JSON.stringify({
      checkedAt: Date.now(),
      latest: { version: '9.1.0', url: `https://github.com/${OWNER}/${REPO}/releases/tag/v9.1.0` },
    }),
  );
  const run = await suite.desktop({
    root,
    settings,
    env: {
      KIEDROP_STANDIN_RESOURCES: resources,
      KIEDROP_STANDIN_APP_VERSION: '0.1.0',
      APPIMAGE: kind === 'appimage' ? running : undefined,
      XDG_CACHE_HOME: join(root, 'cache'),
      ...env,
    },
  });
  return { run, running, apps };
}

async function openUpdates(run: DesktopRun): Promise<void> {
  await run.ready();
  await run.locator('index', 'role', 'button', 'click', { name: 'Settings' });
  await expect
    .poll(() => run.locator('index', 'testid', 'update-section', 'isVisible'), { timeout: 15_000 })
    .toBe(true);
}

function sectionText(run: DesktopRun): Promise<string> {
  return run.locator('index', 'testid', 'update-section', 'textContent') as Promise<string>;
}

describe('in-place update from the tray', () => {
  it('downloads on Download and restart, shows progress, and Restart to update replaces the AppImage and starts it', async () => {
    const { run, running, apps } = await packagedApp('appimage');
    await expect
      .poll(() => run.trayLabels(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['KieDrop 9.1.0 is available…', 'Download and restart']));
    github.served.length = 0;
    await run.clickTray('Download and restart');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const labels = await run.trayLabels();
          for (const label of labels) seen.add(label);
          return labels;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toContain('Restart to update');
    expect(
      [...seen].some((l) => /^Downloading KieDrop 9\.1\.0… \d+ %$/.test(l)),
      [...seen].join(' | '),
    ).toBe(true);
    expect(github.served).toContain(`/${OWNER}/${REPO}/releases/download/v9.1.0/${NEW_NAME}`);

    await run.clickTray('Restart to update');
    expect(await run.app.exited).toBe(0);
    expect(existsSync(running)).toBe(false);
    expect((await readFile(join(apps, NEW_NAME))).equals(github.release.bytes)).toBe(true);
    await expect
      .poll(
        () => (existsSync(join(apps, 'started.txt')) ? readFile(join(apps, 'started.txt'), 'utf8') : ''),
        { timeout: 10_000 },
      )
      .toBe('started true');
  }, 120_000);

  it('offline, Download and restart says so and asks nothing', async () => {
    const { run } = await packagedApp('appimage', {}, { KIEDROP_STANDIN_OFFLINE: '1' });
    await expect.poll(() => run.trayLabels(), { timeout: 20_000 }).toContain('Download and restart');
    github.served.length = 0;
    await run.clickTray('Download and restart');
    await expect
      .poll(() => run.trayLabels(), { timeout: 15_000 })
      .toContain('Could not download the update: this computer is offline');
    expect(github.served).toEqual([]);
  }, 120_000);

  it('a deb keeps only the release page link: the package manager updates it', async () => {
    const { run } = await packagedApp('deb');
    await expect.poll(() => run.trayLabels(), { timeout: 20_000 }).toContain('KieDrop 9.1.0 is available…');
    expect(await run.trayLabels()).not.toContain('Download and restart');
    await openUpdates(run);
    expect(await sectionText(run)).not.toContain('Download and restart');
  }, 120_000);
});

describe('in-place update from Settings → Updates', () => {
  it('says why a download failed, in the window and the tray, and succeeds when tried again', async () => {
    github.release = { ...github.release, sha512: Buffer.alloc(64).toString('base64') };
    try {
      const { run, running } = await packagedApp('appimage');
      await openUpdates(run);
      await expect.poll(() => sectionText(run), { timeout: 15_000 }).toContain('Download and restart');
      await run.locator('index', 'role', 'button', 'click', { name: 'Download and restart' });
      await expect
        .poll(() => sectionText(run), { timeout: 30_000 })
        .toMatch(/Could not download the update: sha512 checksum mismatch/);
      expect(
        (await run.trayLabels()).some((l) => l.startsWith('Could not download the update: sha512')),
      ).toBe(true);
      expect(await readFile(running, 'utf8')).toBe(OLD_SCRIPT);

      github.release = { ...github.release, sha512: undefined };
      await run.locator('index', 'role', 'button', 'click', { name: 'Download and restart' });
      await expect
        .poll(() => sectionText(run), { timeout: 30_000 })
        .toContain('KieDrop 9.1.0 is downloaded and checked.');
      expect(await run.locator('index', 'role', 'button', 'isVisible', { name: 'Restart to update' })).toBe(
        true,
      );
      expect(await sectionText(run)).not.toContain('Could not download the update');
    } finally {
      github.release = { ...github.release, sha512: undefined };
    }
  }, 120_000);

  it('reads in Chinese', async () => {
    const { run } = await packagedApp('appimage', { language: 'zh-CN' });
    await expect.poll(() => run.trayLabels(), { timeout: 20_000 }).toContain('下载并重启');
  }, 120_000);
});
