// Where each file-based entry point lives, and what goes in it. Linux follows XDG_DATA_HOME;
// macOS puts Quick Actions in ~/Library/Services.
import path from 'node:path';
import { addProgramNote } from './marker';
import type { CommentStyle } from './marker';
import { desktopEntry, dolphinServiceMenu, nautilusScript, nemoAction } from './linux-templates';
import type { TemplateInput } from './linux-templates';
import { macDocumentWflow, macInfoPlist } from './macos-templates';

export interface FileSpec {
  path: string;
  text: string;
  mode: number;
}

export interface FileItem {
  id: string;
  label: string;
  /** What uninstall removes: the file itself, or the whole bundle folder. */
  root: string;
  files: FileSpec[];
  /** The file that carries the KieDrop marker (and the created-folder note). */
  markerFile: string;
  style: CommentStyle;
}

/** XDG_DATA_HOME when set to an absolute path (the spec says to ignore relative ones), else ~/.local/share. */
export function xdgDataHome(home: string, env: Readonly<Record<string, string | undefined>>): string {
  const value = env['XDG_DATA_HOME'];
  return value !== undefined && path.posix.isAbsolute(value)
    ? value
    : path.posix.join(home, '.local', 'share');
}

function single(
  id: string,
  label: string,
  file: string,
  text: string,
  mode: number,
  program: string,
): FileItem {
  const noted = addProgramNote(text, 'hash', program);
  return {
    id,
    label,
    root: file,
    files: [{ path: file, text: noted, mode }],
    markerFile: file,
    style: 'hash',
  };
}

export function linuxItems(
  home: string,
  env: Readonly<Record<string, string | undefined>>,
  input: TemplateInput,
): FileItem[] {
  const data = xdgDataHome(home, env);
  const join = path.posix.join;
  return [
    single(
      'nautilus',
      'Nautilus (GNOME Files) script',
      join(data, 'nautilus', 'scripts', 'Share with KieDrop'),
      nautilusScript(input),
      0o755,
      input.exePath,
    ),
    single(
      'nemo',
      'Nemo (Cinnamon) action',
      join(data, 'nemo', 'actions', 'kiedrop-share.nemo_action'),
      nemoAction(input),
      0o644,
      input.exePath,
    ),
    single(
      'dolphin',
      'Dolphin (KDE) service menu',
      join(data, 'kio', 'servicemenus', 'kiedrop-share.desktop'),
      dolphinServiceMenu(input),
      0o755,
      input.exePath,
    ),
    single(
      'desktop-entry',
      '"Open With" application entry',
      join(data, 'applications', 'kiedrop.desktop'),
      desktopEntry(input),
      0o644,
      input.exePath,
    ),
  ];
}

export const MAC_WORKFLOW_NAME = 'Share with KieDrop.workflow';

export function macItems(home: string, input: TemplateInput): FileItem[] {
  const bundle = path.posix.join(home, 'Library', 'Services', MAC_WORKFLOW_NAME);
  const plist = path.posix.join(bundle, 'Contents', 'Info.plist');
  return [
    {
      id: 'quick-action',
      label: 'Finder Quick Action',
      root: bundle,
      files: [
        { path: plist, text: addProgramNote(macInfoPlist(), 'xml', input.exePath), mode: 0o644 },
        {
          path: path.posix.join(bundle, 'Contents', 'document.wflow'),
          text: macDocumentWflow(input.exePath, input.exeArgs),
          mode: 0o644,
        },
      ],
      markerFile: plist,
      style: 'xml',
    },
  ];
}
