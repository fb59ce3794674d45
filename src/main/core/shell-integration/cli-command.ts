// The `kiedrop` command of the installed app on the user's PATH (Settings → Desktop integration, Linux):
// a small script in ~/.local/bin that starts the app's program as the command line (`--cli`, see
// src/main/cli-mode.ts). A script rather than a link to resources/bin/kiedrop, because an AppImage's
// resources live in a mount that changes at every start; the script names the .AppImage file itself. It
// carries the KieDrop marker, so removing it never touches a `kiedrop` someone else put there (the npm
// package's, say). On macOS and Windows the command ships inside the app, and Settings shows its path.
import path from 'node:path';
import { addProgramNote, MARKER } from './marker';
import type { FileItem } from './file-items';
import { fileItemStatus, installFileItems, uninstallFileItems } from './file-installer';
import { shellCommand } from './quoting';
import type { IntegrationItemStatus, IntegrationOptions } from './types';

export interface CliCommandStatus extends IntegrationItemStatus {
  /** Whether the folder it is in is on PATH, so typing `kiedrop` finds it. */
  onPath: boolean;
}

/** ~/.local/bin: the per-user program folder of the XDG base directory spec and systemd's file-hierarchy. */
export function cliCommandPath(home: string): string {
  return path.posix.join(home, '.local', 'bin', 'kiedrop');
}

export function cliCommandScript(opts: Pick<IntegrationOptions, 'exePath' | 'exeArgs'>): string {
  const program = shellCommand(opts.exePath, opts.exeArgs ?? []);
  const text = [
    '#!/bin/sh',
    `# ${MARKER}: the \`kiedrop\` command of the installed app; remove it in KieDrop's Settings → Desktop integration.`,
    '# Runs the app program as the command line tool; it opens no window and needs no display.',
    `exec ${program} --cli --ozone-platform=headless -- "$@"`,
    '',
  ].join('\n');
  return addProgramNote(text, 'hash', opts.exePath);
}

function cliCommandItem(opts: IntegrationOptions): FileItem {
  const file = cliCommandPath(opts.home);
  return {
    id: 'cli-command',
    label: 'kiedrop command',
    root: file,
    files: [{ path: file, text: cliCommandScript(opts), mode: 0o755 }],
    markerFile: file,
    style: 'hash',
  };
}

function onPath(dir: string, env: Readonly<Record<string, string | undefined>>): boolean {
  return (env['PATH'] ?? '').split(':').some((entry) => entry !== '' && path.posix.resolve(entry) === dir);
}

export async function cliCommandStatus(opts: IntegrationOptions): Promise<CliCommandStatus> {
  const item = cliCommandItem(opts);
  return { ...(await fileItemStatus(item)), onPath: onPath(path.posix.dirname(item.root), opts.env) };
}

/** Refuses (ShellIntegrationError 'foreign-file') when a `kiedrop` KieDrop did not write is there. */
export async function installCliCommand(opts: IntegrationOptions): Promise<CliCommandStatus> {
  await installFileItems([cliCommandItem(opts)], 'install the kiedrop command again');
  return cliCommandStatus(opts);
}

export async function removeCliCommand(opts: IntegrationOptions): Promise<CliCommandStatus> {
  await uninstallFileItems([cliCommandItem(opts)]);
  return cliCommandStatus(opts);
}
