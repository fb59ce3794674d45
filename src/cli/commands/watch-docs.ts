// `kiedrop watch`'s help and options, apart from the command itself so that reading them (for --help and
// argument parsing) loads nothing of the watch service.
import type { CommandDoc } from '../command-table';
import { IMAGE_CONVERSION_OPTIONS, OPTIMIZE_OPTION } from '../image-option-docs';

const COMMAND = 'watch';

export const WATCH_COMMAND: CommandDoc = {
  name: COMMAND,
  summary: 'Watch a folder and upload each file that appears in it.',
  usage:
    'kiedrop watch [<dir>] [--path PATH] [--include GLOBS] [--exclude GLOBS]\n' +
    '       [--no-recursive] [--polling] [--quiet SECONDS] [--upload-changed]\n' +
    '       [--upload-existing] [--name-template T] [--path-template T]\n' +
    '       [--optimize | --no-optimize] [--image-format F] [--quality N]\n' +
    '       [--max-size N] [--strip-metadata | --keep-metadata] [--follow-settings]\n' +
    '       kiedrop watch --screenshots [--path PATH]\n' +
    '       kiedrop watch --list [--json] | --remove ID',
  details:
    'Runs in the foreground until Ctrl-C. A file is uploaded once its size and modification time have ' +
    'stayed the same for the quiet period (2 seconds by default, as in the app), so files still being written, downloaded or ' +
    'copied are never sent half-done. Files already in a folder when it is first added are left alone (only ' +
    'new files upload) unless --upload-existing is given. Temporary files (.part, .crdownload, .tmp, ~$…) and dotfiles are ' +
    'skipped. The folder is saved, so the desktop app watches it too, and each file is uploaded only once ' +
    'however often either program restarts. Without <dir>, every saved folder is watched. Options given ' +
    'for a saved folder change its settings. GLOBS is one pattern or several separated by commas (and --include/--exclude may be repeated); a pattern ' +
    'without "/" matches file names at any depth ("*.png"), one with "/" the path inside the folder ' +
    '("shots/**"). Links are not followed; one leading out of the folder is named and nothing is uploaded ' +
    'through it. A file that cannot be read or whose upload fails is named with the reason, retried when it ' +
    'changes or at the next start, and makes the exit code 1. On Ctrl-C, files already queued stay queued ' +
    'and upload with `kiedrop queue --resume` or the app. --screenshots watches the folder the system ' +
    'saves screenshots in (macOS: the screencapture location, else the Desktop; Windows: ' +
    'Pictures\\Screenshots; GNOME and KDE: the Screenshots folder in the XDG Pictures folder) for new ' +
    'files named as the system names screenshots, uploads them to "screenshots" unless --path says ' +
    'otherwise, and copies each link to the clipboard as it is uploaded (the app does too). ' +
    '--name-template and --path-template are saved with the folder and take the variables of ' +
    "`kiedrop upload` (see its help) and {folder}, the folder's name; {hash} reads each file once more " +
    'before it is sent; "" removes a template. Pictures are processed as the app\'s Settings say ' +
    '(Settings → Uploads) unless the folder has its own choices: the image options of `kiedrop upload` ' +
    'mean the same here and are saved with the folder (--optimize and the options that imply it also ' +
    'remove metadata unless --keep-metadata is given); --no-optimize sends its pictures as they are, and ' +
    '--follow-settings goes back to Settings. A folder named like a camera or screenshot folder ' +
    '(DCIM, Camera, Camera Roll, Camera Uploads, Screenshots and their Chinese names) and the --screenshots ' +
    'folder remove location and camera data from the start; --keep-metadata turns that off.',
  options: [
    { name: 'path', type: 'string', value: 'PATH', description: 'Folder on the server (default "kiedrop").' },
    {
      name: 'include',
      type: 'string',
      repeatable: true,
      value: 'GLOBS',
      description: 'Upload only files matching one of these (repeatable).',
    },
    {
      name: 'exclude',
      type: 'string',
      repeatable: true,
      value: 'GLOBS',
      description: 'Never upload files matching these (repeatable).',
    },
    { name: 'no-recursive', type: 'boolean', description: 'Ignore files in sub-folders.' },
    { name: 'polling', type: 'boolean', description: 'Poll for changes (network drives, some mounts).' },
    {
      name: 'quiet',
      type: 'string',
      value: 'SECONDS',
      description: 'Wait this long without a change (0.1–600, default 2).',
    },
    { name: 'upload-changed', type: 'boolean', description: 'Upload a file again each time it changes.' },
    {
      name: 'upload-existing',
      type: 'boolean',
      description: 'Upload the files already in a new folder too.',
    },
    {
      name: 'name-template',
      type: 'string',
      value: 'T',
      description: 'Name uploads by a template, e.g. "{folder}-{counter}".',
    },
    {
      name: 'path-template',
      type: 'string',
      value: 'T',
      description: 'Upload path from a template, e.g. "shots/{date}".',
    },
    OPTIMIZE_OPTION,
    {
      name: 'no-optimize',
      type: 'boolean',
      description: 'Send pictures as they are, whatever Settings say.',
    },
    ...IMAGE_CONVERSION_OPTIONS,
    {
      name: 'strip-metadata',
      type: 'boolean',
      description: 'Always remove EXIF, GPS and XMP.',
    },
    { name: 'keep-metadata', type: 'boolean', description: 'Never remove EXIF, GPS and XMP.' },
    {
      name: 'follow-settings',
      type: 'boolean',
      description: "Process pictures as the app's Settings say (default).",
    },
    {
      name: 'screenshots',
      type: 'boolean',
      description: "Watch the system's screenshot folder; copy each link.",
    },
    { name: 'list', type: 'boolean', description: 'List the saved folders and their settings.' },
    {
      name: 'remove',
      type: 'string',
      value: 'ID',
      description: 'Stop watching saved folder ID and forget it.',
    },
    { name: 'json', type: 'boolean', description: 'With --list: print JSON on stdout.' },
  ],
  // --quiet-ms took milliseconds: still recognised, so using it names --quiet instead of "unknown option".
  retired: [{ name: 'quiet-ms', type: 'string' }],
  examples: [
    'kiedrop watch ~/Screenshots --path shots --include "*.png,*.jpg"',
    'kiedrop watch --screenshots',
    'kiedrop watch ~/Scans --name-template "scan-{counter}.{ext}"',
    'kiedrop watch ~/Photos --optimize --max-size 2560',
    'kiedrop watch --list',
    'kiedrop watch --remove 2',
  ],
};
