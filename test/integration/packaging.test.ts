// The installers' content, proven where the Electron zips cannot be downloaded: electron-builder builds
// the Linux `dir` target from electron-builder.config.cjs with a stand-in Electron distribution, and the
// result is checked as an installed app would need it. What only a real build shows (the AppImage, deb,
// rpm, dmg and NSIS packagers, signing, notarisation, the real binary's fuses) runs in the release workflow.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeElectronDistStandin } from '../support/electron-dist-standin';
import { GITHUB_API, parsePublishConfig } from '../../src/main/core/updates';
import { ensureAppBuilt } from '../support/app-build';
import { PROJECT_ROOT } from '../harness';

const require = createRequire(import.meta.url);
const run = promisify(execFile);
// As on the release runner, which names its repository here (this checkout may have no git remote).
process.env['GITHUB_REPOSITORY'] ??= 'kiedrop/kiedrop';
const config = require('../../electron-builder.config.cjs') as Configuration;
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

let root: string;
let appDir: string;
let desktopFile: string;

/** Every file under `dir`, relative to it. */
async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path, base)));
    else out.push(relative(base, path));
  }
  return out;
}

beforeAll(async () => {
  ensureAppBuilt();
  root = await mkdtemp(join(tmpdir(), 'kiedrop-pack-'));
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const electronDist = await makeElectronDistStandin(join(root, 'electron-dist'), electronVersion);
  desktopFile = join(root, 'kiedrop.desktop');
  await build({
    projectDir: PROJECT_ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      directories: { ...config.directories, output: join(root, 'dist') },
      // The desktop entry the AppImage and deb targets install, written by electron-builder's own helper.
      async afterPack(context) {
        const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
          LinuxTargetHelper: new (packager: unknown) => {
            writeDesktopEntry(
              options: unknown,
              exec: string | undefined,
              destination: string,
            ): Promise<string>;
          };
        };
        const packager = context.packager as unknown as { platformSpecificBuildOptions: unknown };
        await new LinuxTargetHelper(packager).writeDesktopEntry(
          packager.platformSpecificBuildOptions,
          undefined,
          desktopFile,
        );
      },
    },
  });
  appDir = join(root, 'dist', 'linux-unpacked');
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the packaged app (Linux dir target)', () => {
  it('holds the main bundle, both preloads and the renderer, and nothing of sources, tests or dev tools', () => {
    const files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/preload/drop.cjs',
        '/out/renderer/index.html',
        '/out/renderer/drop.html',
        '/out/cli/kiedrop.js',
      ]),
    );
    const outside = files.filter(
      (f) => !['/node_modules', '/out', '/package.json'].some((top) => f === top || f.startsWith(`${top}/`)),
    );
    expect(outside).toEqual([]);
    for (const folder of ['/src', '/test', '/bench', '/docs', '/scripts']) {
      expect(files.filter((f) => f === folder || f.startsWith(`${folder}/`))).toEqual([]);
    }
    expect(
      files.filter(
        (f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts') && f.startsWith('/out/')),
      ),
    ).toEqual([]);
    const dev = Object.keys(pkg.devDependencies).filter((name) => files.includes(`/node_modules/${name}`));
    expect(dev).toEqual([]);
  });

  it('ships electron-updater and the release feed it reads (resources/app-update.yml)', () => {
    const files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
    expect(files).toEqual(
      expect.arrayContaining([
        '/node_modules/electron-updater/package.json',
        '/node_modules/electron-updater/out/main.js',
        '/node_modules/builder-util-runtime/package.json',
      ]),
    );
    const feedFile = join(appDir, 'resources', 'app-update.yml');
    expect(existsSync(feedFile)).toBe(true);
    const text = readFileSync(feedFile, 'utf8');
    const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
    // Both readers agree: the update notice (parsePublishConfig) and electron-updater's cache folder name.
    expect(parsePublishConfig(text)).toEqual({ apiBaseUrl: GITHUB_API, owner, repo });
    expect(text).toMatch(/^updaterCacheDirName: kiedrop-updater$/m);
  });

  it('unpacks every native module, and each loads from the unpacked folder', async () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    const natives = (await walk(unpacked)).filter((f) => f.endsWith('.node'));
    expect(natives.map((f) => f.split('/').slice(1, 3).join('/'))).toEqual(
      expect.arrayContaining([
        '@libsql/linux-x64-gnu',
        '@napi-rs/keyring-linux-x64-gnu',
        '@img/sharp-linux-x64',
      ]),
    );
    for (const native of natives) {
      // musl builds load only on musl systems; the glibc ones are what this machine (and most desktops) use.
      if (native.includes('-musl')) continue;
      expect(() => require(join(unpacked, native)), native).not.toThrow();
    }
    // sharp's .node finds its libvips beside it, unpacked too.
    expect(
      (await walk(unpacked)).some((f) => /@img\/sharp-libvips-linux-x64\/lib\/libvips.*\.so/.test(f)),
    ).toBe(true);
  });

  it('sets the fuses: no running as Node, no inspector or NODE_OPTIONS, the app only from its archive', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'kiedrop-app'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      onlyFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      // Electron checks the archive's integrity only on macOS and Windows.
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      nodeOptions: FuseState.DISABLE,
      inspect: FuseState.DISABLE,
      onlyFromAsar: FuseState.ENABLE,
      cookieEncryption: FuseState.ENABLE,
      asarIntegrity: FuseState.DISABLE,
    });
  });

  it('installs a valid desktop entry that opens any file and web links with KieDrop', async () => {
    const { stdout, stderr } = await run('desktop-file-validate', [desktopFile]);
    expect(`${stdout}${stderr}`).toBe('');
    const entry = readFileSync(desktopFile, 'utf8');
    expect(entry).toMatch(/^Exec=\/opt\/KieDrop\/kiedrop-app %U$/m);
    expect(entry).toMatch(
      /^MimeType=application\/octet-stream;x-scheme-handler\/http;x-scheme-handler\/https;$/m,
    );
    expect(entry).toMatch(/^Comment\[zh_CN\]=/m);
  });
});

describe('the kiedrop command of the packaged app', () => {
  /** A program that writes out the arguments it got and exits with 3, in place of the app's. */
  async function recordingProgram(path: string, record: string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\nexit 3\n`);
    await chmod(path, 0o755);
  }

  async function runWrapper(wrapper: string, record: string): Promise<{ code: number; args: string[] }> {
    const code = await run(wrapper, ['upload', 'a b.png']).then(
      () => 0,
      (err: { code?: number }) => err.code ?? -1,
    );
    return { code, args: (await readFile(record, 'utf8')).split('\n').slice(0, -1) };
  }

  it('ships resources/bin/kiedrop and kiedrop.cmd, which start the app program as the command line', () => {
    const bin = join(appDir, 'resources', 'bin');
    expect(existsSync(join(bin, 'kiedrop'))).toBe(true);
    expect(readFileSync(join(bin, 'kiedrop.cmd'), 'utf8')).toContain(
      '"%~dp0..\\..\\KieDrop.exe" --cli -- %*',
    );
  });

  it('runs the Linux app program with --cli, through a link in ~/.local/bin, keeping its exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiedrop-wrapper-'));
    try {
      const record = join(dir, 'args.txt');
      await mkdir(join(dir, 'opt', 'resources', 'bin'), { recursive: true });
      await copyFile(
        join(appDir, 'resources', 'bin', 'kiedrop'),
        join(dir, 'opt', 'resources', 'bin', 'kiedrop'),
      );
      await chmod(join(dir, 'opt', 'resources', 'bin', 'kiedrop'), 0o755);
      await recordingProgram(join(dir, 'opt', 'kiedrop-app'), record);
      await mkdir(join(dir, 'home', '.local', 'bin'), { recursive: true });
      const link = join(dir, 'home', '.local', 'bin', 'kiedrop');
      await symlink(join('..', '..', '..', 'opt', 'resources', 'bin', 'kiedrop'), link);
      expect(await runWrapper(link, record)).toEqual({
        code: 3,
        args: ['--cli', '--ozone-platform=headless', '--', 'upload', 'a b.png'],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs the macOS app program from KieDrop.app/Contents/Resources/bin/kiedrop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiedrop-wrapper-'));
    try {
      const record = join(dir, 'args.txt');
      const contents = join(dir, 'KieDrop.app', 'Contents');
      await mkdir(join(contents, 'Resources', 'bin'), { recursive: true });
      const wrapper = join(contents, 'Resources', 'bin', 'kiedrop');
      await copyFile(join(appDir, 'resources', 'bin', 'kiedrop'), wrapper);
      await chmod(wrapper, 0o755);
      await recordingProgram(join(contents, 'MacOS', 'KieDrop'), record);
      expect(await runWrapper(wrapper, record)).toEqual({
        code: 3,
        args: ['--cli', '--', 'upload', 'a b.png'],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('electron-builder.config.cjs', () => {
  it('passes electron-builder’s own validation, which refuses an unknown option', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption|Invalid configuration/);
  });

  it('ships the icons it names', () => {
    expect(existsSync(join(PROJECT_ROOT, 'resources', 'icon.png'))).toBe(true);
  });
});
