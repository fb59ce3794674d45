// The four Linux right-click entry points, as exact file texts: a Nautilus script (GNOME Files),
// a Nemo action (Cinnamon), a Dolphin service menu (KDE) and a .desktop entry that puts KieDrop in
// every file manager's "Open With". All of them run `<exe> [<fixed args>] --share <files…>`.
import { markerComment } from './marker';
import { desktopExecCommand, escapeKeyFileValue, shellCommand } from './quoting';

export interface TemplateInput {
  /** The program the file manager runs (for an AppImage, the .AppImage file itself). */
  exePath: string;
  /** Fixed arguments before `--share`, each quoted on its own (a dev run's app folder). */
  exeArgs?: readonly string[];
  /** An icon file for menus that show one; left out when absent. */
  iconPath?: string;
}

export const MENU_LABEL = 'Share with KieDrop';

// Types people share most, so KieDrop is offered in "Open With" for them; application/octet-stream
// catches the rest in file managers that fall back to it.
export const OPEN_WITH_MIME_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'text/plain',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
  'audio/mpeg',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  'inode/directory',
] as const;

function desktopExec(input: TemplateInput): string {
  return escapeKeyFileValue(`${desktopExecCommand(input.exePath, input.exeArgs ?? [])} --share %F`);
}

function iconLine(key: string, iconPath: string | undefined): string[] {
  return iconPath === undefined ? [] : [`${key}=${escapeKeyFileValue(iconPath)}`];
}

/**
 * Nautilus runs any executable in its scripts folder and lists the selection, one path per line, in
 * NAUTILUS_SCRIPT_SELECTED_FILE_PATHS. Splitting on newlines only (with globbing off) keeps names
 * with spaces or `*` whole.
 */
export function nautilusScript(input: TemplateInput): string {
  return [
    '#!/bin/sh',
    markerComment('hash'),
    '# Nautilus lists the selected files one per line; split on newlines only so spaces survive.',
    "IFS='",
    "'",
    'set -f',
    'set --',
    'for file in $NAUTILUS_SCRIPT_SELECTED_FILE_PATHS; do',
    '  set -- "$@" "$file"',
    'done',
    `exec ${shellCommand(input.exePath, input.exeArgs ?? [])} --share "$@"`,
    '',
  ].join('\n');
}

/** Nemo reads its Exec like a shell command line, with %F replaced by the quoted selection. */
export function nemoAction(input: TemplateInput): string {
  const exec = `${shellCommand(input.exePath, input.exeArgs ?? []).replace(/%/g, '%%')} --share %F`;
  return [
    markerComment('hash'),
    '[Nemo Action]',
    `Name=${MENU_LABEL}`,
    'Comment=Upload the selection with KieDrop and copy the links',
    `Exec=${escapeKeyFileValue(exec)}`,
    ...iconLine('Icon-Name', input.iconPath),
    'Selection=notnone',
    'Extensions=any;',
    'Quote=double',
    '',
  ].join('\n');
}

/** KDE's service menu format; Dolphin 6 only runs it from the user's folder when it is executable. */
export function dolphinServiceMenu(input: TemplateInput): string {
  return [
    markerComment('hash'),
    '[Desktop Entry]',
    'Type=Service',
    `Name=${MENU_LABEL}`,
    'MimeType=all/allfiles;inode/directory;',
    'Actions=share',
    'X-KDE-ServiceTypes=KonqPopupMenu/Plugin',
    '',
    '[Desktop Action share]',
    `Name=${MENU_LABEL}`,
    ...iconLine('Icon', input.iconPath),
    `Exec=${desktopExec(input)}`,
    '',
  ].join('\n');
}

/**
 * An application entry, so KieDrop appears under "Open With" in any file manager. TryExec hides it
 * by itself when the program is moved or removed, instead of leaving a menu item that does nothing.
 */
export function desktopEntry(input: TemplateInput): string {
  return [
    markerComment('hash'),
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.4',
    'Name=KieDrop',
    'GenericName=File Uploader',
    'Comment=Upload files and copy their links',
    `TryExec=${escapeKeyFileValue(input.exePath)}`,
    `Exec=${desktopExec(input)}`,
    ...iconLine('Icon', input.iconPath),
    'Terminal=false',
    'Categories=Network;FileTransfer;',
    'Keywords=upload;share;link;',
    `MimeType=${OPEN_WITH_MIME_TYPES.join(';')};`,
    '',
  ].join('\n');
}
