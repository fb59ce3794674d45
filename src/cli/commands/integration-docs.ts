import type { CommandDoc, OptionDoc } from '../command-table';

// Help and flags of `kiedrop integration …`: the desktop's right-click "Share with KieDrop", from a terminal.

export const INTEGRATION_SUBCOMMANDS = ['install', 'remove', 'status'] as const;

const APP_OPTION: OptionDoc = {
  name: 'app',
  type: 'string',
  value: 'PATH',
  description: 'Point the menu at this installed KieDrop program.',
};

const JSON_OPTION: OptionDoc = {
  name: 'json',
  type: 'boolean',
  description: 'Print JSON on stdout, and nothing else there.',
};

const TARGET_NOTE =
  'The menu starts the desktop app: the program named with --app (an installed KieDrop, its .AppImage ' +
  'file or KieDrop.exe), or by default the dev run of this checkout, the Electron runtime of the electron ' +
  'package (ELECTRON_EXEC_PATH overrides it) followed by this project folder.';

export const INTEGRATION_COMMANDS: readonly CommandDoc[] = [
  {
    name: 'integration install',
    summary: 'Add "Share with KieDrop" to the file manager\'s menu.',
    usage: 'kiedrop integration install [--app PATH] [--json]',
    details:
      'Writes what Settings → Desktop integration → Share with KieDrop writes, for your user only: ' +
      "Explorer's menu on Windows (two keys under HKCU), a Finder Quick Action on macOS, and on Linux a " +
      'Nautilus script, a Nemo action, a Dolphin service menu and an "Open With" entry. Each file or key ' +
      `written is listed. ${TARGET_NOTE} If that runtime or the built app is not there yet, the entries ` +
      'are still written and a warning says to run `npm start` once. Running it again updates entries ' +
      'made for another program.',
    options: [APP_OPTION, JSON_OPTION],
    examples: [
      'kiedrop integration install',
      'kiedrop integration install --app ~/Applications/KieDrop.AppImage',
    ],
  },
  {
    name: 'integration remove',
    summary: 'Remove "Share with KieDrop" from the file manager.',
    usage: 'kiedrop integration remove [--json]',
    details:
      'Removes only what KieDrop wrote (files that carry its "Created by KieDrop" line, or its two ' +
      'registry keys) and the folders it created once they are empty again. Each entry removed is listed; ' +
      'a file of someone else at the same path is left alone and reported.',
    options: [JSON_OPTION],
    examples: ['kiedrop integration remove'],
  },
  {
    name: 'integration status',
    summary: 'Show whether "Share with KieDrop" is installed.',
    usage: 'kiedrop integration status [--app PATH] [--json]',
    details:
      'Lists each entry and its state: installed; outdated (written for another program or app folder: ' +
      'run `kiedrop integration install` to update it); absent; or foreign (not created by KieDrop, left ' +
      `alone). ${TARGET_NOTE}`,
    options: [APP_OPTION, JSON_OPTION],
    examples: ['kiedrop integration status --json'],
  },
];
