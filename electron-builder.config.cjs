// Installers for the three desktop platforms (`npm run dist` builds the current OS's). Each release
// runner builds its own OS, so platform-only choices below read process.platform.
// Options: electron-builder's schema (app-builder-lib/scheme.json) and Electron's fuses guide.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'ai.kie.kiedrop',
  productName: 'KieDrop',
  copyright: 'Copyright © KieDrop contributors',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only what the app runs: the bundles in out/ and the runtime dependencies electron-builder adds from
  // package.json's "dependencies" (never devDependencies). No sources, tests, benchmarks or docs.
  // out/cli is the `kiedrop` command line, which the app runs as `KieDrop --cli -- …` (src/main/cli-mode.ts).
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'out/cli/**', 'package.json', '!**/*.map'],
  // The `kiedrop` wrappers: resources/bin/kiedrop (macOS, Linux) and kiedrop.cmd (Windows).
  extraResources: [{ from: 'resources/cli', to: 'bin' }],
  asar: true,
  // Native modules load from real files: every .node, and sharp's libvips (a .so beside it, not a .node).
  asarUnpack: ['**/*.node', '**/node_modules/sharp/**', '**/node_modules/@img/**'],
  // libsql, @napi-rs/keyring and sharp ship N-API builds that Electron loads as they are: nothing to rebuild.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Checked by Electron only on macOS and Windows, where electron-builder records the archive's hash.
    enableEmbeddedAsarIntegrityValidation: process.platform === 'darwin' || process.platform === 'win32',
    onlyLoadAppFromAsar: true,
  },
  linux: {
    target: ['AppImage', 'deb', 'rpm'],
    category: 'Utility',
    icon: 'resources/icon.png',
    executableName: 'kiedrop-app',
    desktop: {
      entry: {
        Name: 'KieDrop',
        Comment: 'Upload files and get links that know when they expire',
        'Comment[zh_CN]': '上传文件并获取知道何时过期的链接',
        Categories: 'Utility;Network;FileTransfer;',
        // "Open With → KieDrop" for any file, and drops of links.
        MimeType: 'application/octet-stream;x-scheme-handler/http;x-scheme-handler/https;',
      },
    },
  },
  // One name across versions: electron-updater then replaces the AppImage where it is, so the menu entries,
  // "Open With" and the login item that point at it keep working (a version in the name would make it move
  // to a new name and leave them pointing at a deleted file).
  appImage: { artifactName: '${productName}.${ext}' },
  mac: {
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    category: 'public.app-category.productivity',
    icon: 'resources/icon.png',
    hardenedRuntime: true,
    // Signing and notarisation happen only where their secrets are set (CSC_LINK, APPLE_ID…); without them
    // electron-builder skips both and says so.
    notarize: Boolean(
      process.env.APPLE_ID && process.env.APPLE_APP_SPECIFIC_PASSWORD && process.env.APPLE_TEAM_ID,
    ),
    extendInfo: {
      // Files handed to the app (Dock drops, Open With, the Finder Quick Action) arrive as open-file events.
      CFBundleDocumentTypes: [
        {
          CFBundleTypeName: 'Any file',
          CFBundleTypeRole: 'Viewer',
          LSItemContentTypes: ['public.data'],
          LSHandlerRank: 'Alternate',
        },
      ],
      LSUIElement: false,
    },
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The Start-menu shortcut carries the app ID that Windows notifications need (src/main/app-identity.ts).
    createStartMenuShortcut: true,
  },
  // The release feed, written to resources/app-update.yml for KieDrop's update notice and for
  // electron-updater's in-place updates (AppImage, NSIS, macOS zip). The release runner names its
  // repository in GITHUB_REPOSITORY; elsewhere electron-builder reads the git remote "origin".
  publish: releaseFeed(),
};

function releaseFeed() {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY || '').split('/');
  return owner && repo ? { provider: 'github', owner, repo } : { provider: 'github' };
}
