import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../main/core/queue/defaults';
import type { FlagSpec, FlagSpecs } from './args';
import { INTEGRATION_COMMANDS, INTEGRATION_SUBCOMMANDS } from './commands/integration-docs';
import { WATCH_COMMAND } from './commands/watch-docs';
import { IMAGE_CONVERSION_OPTIONS, OPTIMIZE_OPTION } from './image-option-docs';

// One table describes every command: the parser reads its flags and the help text is rendered from it,
// so the two cannot drift apart.

export interface NamedFlag extends FlagSpec {
  name: string;
}

export interface OptionDoc extends NamedFlag {
  /** Placeholder shown in help for string options, e.g. "PATH". */
  value?: string;
  description: string;
}

export interface CommandDoc {
  /** As typed: "upload", "key set". */
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: readonly OptionDoc[];
  /** Options that were replaced: still parsed, so the command can refuse one by naming its successor
   * instead of "unknown option"; left out of help. */
  retired?: readonly NamedFlag[];
  examples?: readonly string[];
}

/** Where uploads go on the server when --path is not given. */
export const DEFAULT_UPLOAD_PATH = 'kiedrop';

export const GLOBAL_OPTIONS: readonly OptionDoc[] = [
  {
    name: 'base-url',
    type: 'string',
    value: 'URL',
    description: 'Upload API base URL (env KIEDROP_BASE_URL).',
  },
  {
    name: 'credits-url',
    type: 'string',
    value: 'URL',
    description: 'Credits API base URL (env KIEDROP_CREDITS_URL).',
  },
  {
    name: 'proxy',
    type: 'string',
    value: 'URL',
    description: 'HTTP(S) proxy for this run (default: from HTTPS_PROXY).',
  },
  { name: 'no-proxy', type: 'boolean', description: 'Connect directly, ignoring the proxy variables.' },
  { name: 'help', type: 'boolean', short: 'h', description: 'Show help.' },
  { name: 'version', type: 'boolean', description: 'Print the version.' },
];

const JSON_OPTION: OptionDoc = {
  name: 'json',
  type: 'boolean',
  description: 'Print JSON on stdout, and nothing else there.',
};

const PATH_OPTION: OptionDoc = {
  name: 'path',
  type: 'string',
  value: 'PATH',
  description: `Folder on the server (default "${DEFAULT_UPLOAD_PATH}").`,
};

const OVERWRITE_OPTION: OptionDoc = {
  name: 'overwrite',
  type: 'boolean',
  description: 'With --name: replace a live upload of that name.',
};

// Templates are documented in full in docs/cli.md; {hash} is named here because it costs a read.
const NAME_TEMPLATE_OPTION: OptionDoc = {
  name: 'name-template',
  type: 'string',
  value: 'T',
  description: 'File name from a template, e.g. "{hash:8}.{ext}".',
};

const PATH_TEMPLATE_OPTION: OptionDoc = {
  name: 'path-template',
  type: 'string',
  value: 'T',
  description: 'Upload path from a template, e.g. "img/{date}".',
};

// Pictures processed before they are sent; docs/cli.md has the details.
const IMAGE_OPTIONS: readonly OptionDoc[] = [
  OPTIMIZE_OPTION,
  ...IMAGE_CONVERSION_OPTIONS,
  {
    name: 'strip-metadata',
    type: 'boolean',
    description: 'Remove EXIF, GPS and XMP (turned upright first).',
  },
  { name: 'keep-metadata', type: 'boolean', description: 'With --optimize: keep EXIF, GPS and XMP.' },
];

const CONCURRENCY_OPTION: OptionDoc = {
  name: 'concurrency',
  type: 'string',
  value: 'N',
  description: `Uploads sent at the same time, 1–${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}).`,
};

export const COMMANDS: readonly CommandDoc[] = [
  {
    name: 'upload',
    summary: 'Upload local files and folders and print their links.',
    usage:
      'kiedrop upload <file or folder…> [-r] [--concurrency N] [--path PATH]\n' +
      '       [--copy] [--format url|markdown|html|bbcode] [--json | --plain]\n' +
      '       [--name NAME [--overwrite]] [--base64]\n' +
      '       [--optimize] [--image-format F] [--quality N] [--max-size N]\n' +
      '       [--strip-metadata | --keep-metadata]\n' +
      '       [--name-template T] [--path-template T]\n' +
      '       kiedrop upload - --name NAME   (uploads what is piped in)',
    details:
      'Files go through the upload queue shared with the desktop app: several at a time, retried with ' +
      'backoff on network errors and server trouble, and recorded in the history. Each file keeps its name ' +
      'under a folder of its own (PATH/x7k2m9qa/photo.png), so no upload replaces an earlier link. A file ' +
      'that fails is reported on stderr and the others still upload; the exit code is 0 only if every file ' +
      'was uploaded; the last line counts what was uploaded and what failed, below the failures. If the API ' +
      'key is rejected, the rest wait in the queue for `kiedrop queue --resume`. A folder uploads the files ' +
      'in it (hidden files skipped), as `kiedrop share` does; -r includes its sub-folders. `-` uploads what ' +
      'is piped in, under --name. Uploaded files are deleted by the service after 3 days. Templates take ' +
      "{name} and {ext} (the file's), {date} or {date:YYYY-MM-DD HH.mm.ss}, {time}, {random:N}, {hash:N} " +
      '(SHA-256 of the content: each file is read once more before it is sent), and {counter}; the name ' +
      "still goes under a folder of its own. A photo that holds a GPS position follows the app's " +
      '"Pictures with a location" setting; while that was never chosen, the photo is sent with its ' +
      'position and a note on stderr says so (--strip-metadata removes it). With --optimize, a file sent ' +
      'unchanged (not a picture, unreadable, or not made smaller) gets a note on stderr saying why.',
    options: [
      {
        name: 'recursive',
        type: 'boolean',
        short: 'r',
        description: 'Include files in sub-folders of the folders given.',
      },
      CONCURRENCY_OPTION,
      PATH_OPTION,
      {
        name: 'name',
        type: 'string',
        value: 'NAME',
        description: 'Exact name on the server: PATH/NAME (one file only).',
      },
      OVERWRITE_OPTION,
      ...IMAGE_OPTIONS,
      NAME_TEMPLATE_OPTION,
      PATH_TEMPLATE_OPTION,
      {
        name: 'base64',
        type: 'boolean',
        description: 'Send as Base64 JSON, not a stream (up to 10 MB).',
      },
      {
        name: 'copy',
        type: 'boolean',
        description: 'Copy all links to the clipboard when the batch is done.',
      },
      {
        name: 'format',
        type: 'string',
        value: 'FORMAT',
        description: 'url (default), markdown, html, bbcode; implies --copy.',
      },
      JSON_OPTION,
      {
        name: 'plain',
        type: 'boolean',
        description: 'Print only the links, one a line, in the order given.',
      },
    ],
    examples: [
      'kiedrop upload photo.png',
      'kiedrop upload -r screenshots --copy --format markdown',
      'pg_dump mydb | kiedrop upload - --name mydb.sql',
      'kiedrop upload *.jpg --path holidays --concurrency 4 --json',
      'kiedrop upload report.pdf --name latest.pdf --overwrite',
      'kiedrop upload shot.png --optimize --max-size 2560',
      'kiedrop upload *.png --name-template "{hash:12}.{ext}"',
      'kiedrop upload scan.pdf --path-template "scans/{date}"',
    ],
  },
  {
    name: 'upload-url',
    summary: 'Have the service fetch a file from a public URL.',
    usage: 'kiedrop upload-url <url> [--path PATH] [--name NAME [--overwrite]]\n' + '       [--json]',
    details:
      'The service downloads the URL itself (30 s limit, about 100 MB at most). The job goes through the ' +
      'upload queue and lands in the history like any upload.',
    options: [
      PATH_OPTION,
      { name: 'name', type: 'string', value: 'NAME', description: 'Exact file name on the server.' },
      OVERWRITE_OPTION,
      JSON_OPTION,
    ],
    examples: ['kiedrop upload-url https://example.com/cat.jpg --name cat.jpg'],
  },
  {
    name: 'share',
    summary: 'Upload files and folders as one batch and copy all links.',
    usage:
      'kiedrop share <file or folder…> [--format url|markdown|html|bbcode]\n' +
      '       [--recursive] [--yes] [--path PATH]',
    details:
      'The desktop\'s "Share with KieDrop" from a terminal. A folder shares the files in it (hidden files ' +
      'skipped). The links are printed one per line in the order given and copied in one go with wl-copy, ' +
      'xclip, xsel, pbcopy or clip.exe when available. More than 100 files asks first (--yes skips the ' +
      'question). Missing paths are reported and the rest upload; the exit code is 0 only if all uploaded.',
    options: [
      {
        name: 'format',
        type: 'string',
        value: 'FORMAT',
        description: 'url (default), markdown, html or bbcode.',
      },
      { name: 'recursive', type: 'boolean', description: 'Include files in sub-folders of shared folders.' },
      { name: 'yes', type: 'boolean', description: 'Do not ask before sharing more than 100 files.' },
      PATH_OPTION,
    ],
    examples: ['kiedrop share screenshots/', 'kiedrop share a.png b.png --format markdown'],
  },
  {
    name: 'history',
    summary: 'List, search and tidy up past uploads.',
    usage:
      'kiedrop history [--search TEXT] [--status STATUS] [--pinned]\n' +
      '       [--limit N] [--offset N] [--json]\n' +
      '       kiedrop history --delete ID | --clear-expired',
    details:
      'Newest first, with each link and when it expires. STATUS is all (default), active, expiring (less ' +
      'than 6 hours left), expired, or failed (uploads that gave up, with the reason). --delete and ' +
      '--clear-expired remove entries from the history only; files stay on the server until they expire. ' +
      'Pinned entries (kept alive at the same link) are marked in a PIN column; --json gives each a ' +
      '"pinned" field.',
    options: [
      {
        name: 'search',
        type: 'string',
        value: 'TEXT',
        description: 'Only entries whose name or link contains TEXT.',
      },
      {
        name: 'status',
        type: 'string',
        value: 'STATUS',
        description: 'all, active, expiring, expired or failed.',
      },
      { name: 'pinned', type: 'boolean', description: 'Only entries pinned with `kiedrop pin`.' },
      { name: 'limit', type: 'string', value: 'N', description: 'Show at most N entries (default 50).' },
      { name: 'offset', type: 'string', value: 'N', description: 'Skip the first N entries (next page).' },
      {
        name: 'delete',
        type: 'string',
        value: 'ID',
        description: 'Remove entry ID (h34, or j12 for the entry job 12 made).',
      },
      { name: 'clear-expired', type: 'boolean', description: 'Remove every entry whose link has expired.' },
      JSON_OPTION,
    ],
    examples: [
      'kiedrop history',
      'kiedrop history --search invoice --status active',
      'kiedrop history --status failed',
      'kiedrop history --pinned',
      'kiedrop history --clear-expired',
    ],
  },
  {
    name: 'renew',
    summary: 'Get a fresh 3-day link for a history entry.',
    usage: 'kiedrop renew <id> [--json]',
    details:
      'Re-uploads the local file when it is still there and unchanged; otherwise, if the old link still ' +
      'works, asks the service to fetch it (URL upload). The new entry points back to the old one. The ' +
      "output says which way was used. The id is the entry's (h42, as `kiedrop history` shows it) or the " +
      "upload job's that made it (j17, as `kiedrop queue` shows it).",
    options: [JSON_OPTION],
    examples: ['kiedrop renew h42', 'kiedrop renew j17'],
  },
  {
    name: 'check',
    summary: 'Ask whether links still work.',
    usage: 'kiedrop check <id>... [--json]\n       kiedrop check --all [--json]',
    details:
      'Asks the host of each link (HEAD, or a one-byte GET when HEAD is refused) whether it still serves ' +
      'the file: alive, gone (404 or 410: deleted), host unreachable (no connection; the file may still be ' +
      'there) or no answer about the file (another status). Needs no API key; goes through the same proxy ' +
      'as uploads, at most 4 at a time, trying a failed connection twice more. Each result is stored with ' +
      'its history entry, with when a link was first seen gone. --all checks every entry not overwritten ' +
      'by a later upload. Exits 1 when any link is not alive.',
    options: [{ name: 'all', type: 'boolean', description: 'Check every link in the history.' }, JSON_OPTION],
    examples: ['kiedrop check h42 h43', 'kiedrop check --all --json'],
  },
  {
    name: 'save',
    summary: "Download a history entry's link to a file.",
    usage: 'kiedrop save <id> [--output PATH] [--json]',
    details:
      'Downloads the bytes the link serves now (no API key needed; through the same proxy as uploads) to ' +
      "PATH, or to the entry's file name in the current folder. A folder as PATH saves inside it. An " +
      'existing file is never replaced, and a failed download leaves nothing behind. Refused when the link ' +
      'has expired or now serves a newer upload.',
    options: [
      { name: 'output', type: 'string', short: 'o', value: 'PATH', description: 'Where to save it.' },
      JSON_OPTION,
    ],
    examples: ['kiedrop save h42', 'kiedrop save h42 --output ~/Downloads/'],
  },
  {
    name: 'qr',
    summary: "Show an entry's link as a QR code, to open it on a phone.",
    usage: 'kiedrop qr <id> [--svg FILE]',
    details:
      'Prints the code in the terminal, with the link under it. --svg saves the code as an SVG image ' +
      'instead. Nothing is sent and no API key is needed.',
    options: [{ name: 'svg', type: 'string', value: 'FILE', description: 'Save the code as an SVG image.' }],
    examples: ['kiedrop qr h42', 'kiedrop qr j17 --svg link.svg'],
  },
  {
    name: 'pin',
    summary: 'Keep a link alive at the same URL past its 3 days.',
    usage: 'kiedrop pin <id> [--follow-file] [--json]',
    details:
      'Marks a history entry so that `kiedrop keepalive` (and the app, while it runs) uploads it again to ' +
      "its own path and name before it expires, 12 hours ahead unless the app's setting says otherwise. " +
      'The service overwrites a file uploaded again under the same path and name, so the link stays the ' +
      'same. The local file is sent when it is unchanged; otherwise the service fetches the link itself, ' +
      'so the link keeps serving what it serves now. --follow-file sends a changed local file instead. ' +
      'Refused where a kept-alive link was seen to die at its first expiry anyway.',
    options: [
      {
        name: 'follow-file',
        type: 'boolean',
        description: 'Send the local file even when it has changed.',
      },
      JSON_OPTION,
    ],
    examples: ['kiedrop pin h42', 'kiedrop pin j17 --follow-file'],
  },
  {
    name: 'unpin',
    summary: 'Stop keeping a link alive; it expires as usual.',
    usage: 'kiedrop unpin <id> [--json]',
    options: [JSON_OPTION],
    examples: ['kiedrop unpin h42'],
  },
  {
    name: 'keepalive',
    summary: 'Upload pinned links again before they expire (one pass).',
    usage: 'kiedrop keepalive [--lead-hours N] [--json]',
    details:
      'One pass, then exit: for cron or a systemd timer (see docs/cli.md). Each pinned link due within ' +
      'the lead time is uploaded again to its own path and name, then checked: same link and alive, a new ' +
      'link (recorded; the old entry is marked replaced), or, once its old expiry has passed, gone anyway: ' +
      'then keep-alive does not work for that account and is turned off there. Links that died while ' +
      'nothing ran are listed for renewing. Safe to run while the app runs: each link is uploaded once. ' +
      'Exits 1 when a link was lost or could not be kept alive.',
    options: [
      {
        name: 'lead-hours',
        type: 'string',
        value: 'N',
        description: 'Keep alive links expiring within N hours (default 12).',
      },
      JSON_OPTION,
    ],
    examples: ['kiedrop keepalive', 'kiedrop keepalive --json'],
  },
  {
    name: 'queue',
    summary: 'Show, resume, retry or cancel unfinished uploads.',
    usage:
      'kiedrop queue [--resume | --retry-failed | --cancel ID | --cancel-all]\n' +
      '       [--concurrency N] [--json]',
    details:
      'Without options, lists uploads that are waiting, running or failed. Uploads interrupted by a crash, ' +
      'Ctrl-C or a rejected key stay in the queue; --resume finishes them, with progress.',
    options: [
      { name: 'resume', type: 'boolean', description: 'Upload every unfinished job now and wait for them.' },
      { name: 'retry-failed', type: 'boolean', description: 'Queue the failed uploads again and run them.' },
      {
        name: 'cancel',
        type: 'string',
        value: 'ID',
        description: 'Cancel one waiting or running upload (j17).',
      },
      { name: 'cancel-all', type: 'boolean', description: 'Cancel every waiting or running upload.' },
      CONCURRENCY_OPTION,
      JSON_OPTION,
    ],
    examples: ['kiedrop queue', 'kiedrop queue --resume', 'kiedrop queue --cancel j17'],
  },
  {
    name: 'export',
    summary: 'Export the history as JSON or CSV.',
    usage:
      'kiedrop export [--format json|csv] [--output FILE] [--status STATUS]\n' + '       [--search TEXT]',
    details: 'Writes every matching entry, newest first, to stdout or to FILE. Dates are ISO 8601 in UTC.',
    options: [
      { name: 'format', type: 'string', value: 'FORMAT', description: 'json (default) or csv.' },
      { name: 'output', type: 'string', value: 'FILE', description: 'Write to FILE instead of stdout.' },
      {
        name: 'status',
        type: 'string',
        value: 'STATUS',
        description: 'all (default), active, expiring or expired.',
      },
      {
        name: 'search',
        type: 'string',
        value: 'TEXT',
        description: 'Only entries whose name or link contains TEXT.',
      },
    ],
    examples: ['kiedrop export --format csv --output uploads.csv', 'kiedrop export | jq length'],
  },
  WATCH_COMMAND,
  {
    name: 'credits',
    summary: 'Show the credits left on your account.',
    usage: 'kiedrop credits [--json]',
    options: [JSON_OPTION],
  },
  {
    name: 'key set',
    summary: 'Check an API key and save it in the system keychain.',
    usage: 'kiedrop key set [--no-verify]',
    details:
      'Reads the key from stdin when it is piped in, otherwise asks for it without echoing it. The key is ' +
      'checked with the credits call first and saved only if the API accepts it.',
    options: [
      { name: 'no-verify', type: 'boolean', description: 'Save the key without checking it with the API.' },
    ],
    examples: ['kiedrop key set', 'pass show kie | kiedrop key set'],
  },
  {
    name: 'key test',
    summary: 'Check that the API key in use works.',
    usage: 'kiedrop key test',
    details: 'Uses KIEDROP_API_KEY when it is set, otherwise the key in the system keychain.',
    options: [],
  },
  {
    name: 'key clear',
    summary: 'Remove the API key from the system keychain.',
    usage: 'kiedrop key clear',
    options: [],
  },
  ...INTEGRATION_COMMANDS,
  {
    name: 'help',
    summary: 'Show help for a command.',
    usage: 'kiedrop help [command]',
    options: [],
  },
];

export const KEY_SUBCOMMANDS = ['set', 'test', 'clear'] as const;

/** Commands that are a group word plus a subcommand ("key set", "integration install"). */
export const COMMAND_GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['key', KEY_SUBCOMMANDS],
  ['integration', INTEGRATION_SUBCOMMANDS],
]);

export function findCommand(name: string): CommandDoc | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function toFlagSpecs(options: readonly NamedFlag[]): FlagSpecs {
  const specs: Record<string, FlagSpec> = {};
  for (const o of options)
    specs[o.name] = {
      type: o.type,
      ...(o.short === undefined ? {} : { short: o.short }),
      ...(o.repeatable === true ? { repeatable: true } : {}),
    };
  return specs;
}

/** What the parser accepts for a command: its own options plus the global ones. */
export function flagSpecsFor(command: CommandDoc | undefined): FlagSpecs {
  return toFlagSpecs([...GLOBAL_OPTIONS, ...(command?.options ?? []), ...(command?.retired ?? [])]);
}
