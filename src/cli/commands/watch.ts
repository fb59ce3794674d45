// `kiedrop watch`: watch a folder in the foreground and upload what appears in it, with the same
// service, settings and ledger as the desktop app (the folder is saved, so the app shows it too).
// Links go to stdout, one line per upload; the live status line and messages go to stderr.
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import { findScreenshotFolder, watchScreenshots } from '../../main/core/screenshots';
import type { Engine } from '../../main/core/engine';
import type { HistoryEntry } from '../../main/core/history';
import { createFolderStore, createWatchService, DEFAULT_QUIET_MS } from '../../main/core/watch';
import type { FolderStatus, NewWatchFolder, WatchFolder, WatchService } from '../../main/core/watch';
import {
  parseQuietSeconds,
  QUIET_SECONDS_MAX,
  QUIET_SECONDS_MIN,
  quietSecondsText,
} from '../../shared/watch-format';
import type { ParsedArgs } from '../args';
import { booleanFlag, listFlag, stringFlag } from '../args';
import type { CliContext } from '../context';
import { copyLinks } from '../copy-links';
import { savedCopyLinkFolders } from '../saved-copy-link-folders';
import { savedImageSettings } from '../saved-image-settings';
import { describeImageChoices, watchImageFlags } from '../watch-image-flags';
import { cliDataDir, openCliEngine, withEngine } from '../engine-session';
import { CliFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { formatLinkLine, formatLocalDateTime } from '../format';
import { parseWholeNumber } from '../number-flags';
import { keyFix } from '../run-outcome';
import type { ResolvedKey } from '../session';
import { renderTable } from '../table';

const COMMAND = 'watch';
/** How often the status line is redrawn on a terminal. */
const REDRAW_MS = 250;

/** Splits "a,b,{c,d}" at the commas outside braces: ["a", "b", "{c,d}"]. */
export function splitGlobs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((g) => g.trim()).filter((g) => g !== '');
}

/** The settings the options ask for; only what was given, so a saved folder keeps the rest. */
export function settingsFromFlags(parsed: ParsedArgs): Omit<NewWatchFolder, 'path'> {
  const settings: Omit<NewWatchFolder, 'path'> = {};
  const path = stringFlag(parsed, 'path');
  if (path !== undefined) settings.uploadPath = path;
  const include = listFlag(parsed, 'include');
  if (include.length > 0) settings.include = include.flatMap(splitGlobs);
  const exclude = listFlag(parsed, 'exclude');
  if (exclude.length > 0) settings.exclude = exclude.flatMap(splitGlobs);
  if (booleanFlag(parsed, 'no-recursive')) settings.recursive = false;
  if (booleanFlag(parsed, 'polling')) settings.polling = true;
  if (booleanFlag(parsed, 'upload-changed')) settings.uploadChanged = true;
  const nameTemplate = stringFlag(parsed, 'name-template');
  if (nameTemplate !== undefined) settings.nameTemplate = nameTemplate;
  const pathTemplate = stringFlag(parsed, 'path-template');
  if (pathTemplate !== undefined) settings.pathTemplate = pathTemplate;
  Object.assign(settings, watchImageFlags(parsed, COMMAND));
  refuseQuietMs(stringFlag(parsed, 'quiet-ms'));
  const quiet = stringFlag(parsed, 'quiet');
  if (quiet !== undefined) settings.quietMs = quietFromSeconds(quiet);
  return settings;
}

/** --quiet: seconds, decimals allowed ("1.5", "1,5"), in the app's range. */
function quietFromSeconds(text: string): number {
  const ms = parseQuietSeconds(text);
  if (ms === null) {
    throw new UsageError(
      `--quiet must be a number of seconds from ${QUIET_SECONDS_MIN} to ${QUIET_SECONDS_MAX} (got "${text}")`,
      COMMAND,
    );
  }
  return ms;
}

/** The old --quiet-ms took milliseconds; the fix is spelled out with the same wait when it can be. */
function refuseQuietMs(text: string | undefined): void {
  if (text === undefined) return;
  const ms = /^\d+$/u.test(text.trim()) ? Number(text.trim()) : DEFAULT_QUIET_MS;
  throw new UsageError(
    `--quiet-ms was replaced by --quiet, in seconds: --quiet ${quietSecondsText(ms)}`,
    COMMAND,
  );
}

function describeSettings(f: WatchFolder): string {
  const parts = [
    f.recursive ? 'with sub-folders' : 'top level only',
    `quiet ${quietSecondsText(f.quietMs)} s`,
    ...(f.include.length > 0 ? [`include ${f.include.join(',')}`] : []),
    ...(f.exclude.length > 0 ? [`exclude ${f.exclude.join(',')}`] : []),
    ...(f.polling ? ['polling'] : []),
    ...(f.uploadChanged ? ['re-upload changes'] : []),
    ...(f.ignoreDotfiles ? [] : ['dotfiles too']),
    ...(f.nameTemplate !== '' ? [`names ${f.nameTemplate}`] : []),
    ...(f.pathTemplate !== '' ? [`path ${f.pathTemplate}`] : []),
    ...describeImageChoices(f),
  ];
  return parts.join(', ');
}

function listFolders(ctx: CliContext, statuses: FolderStatus[], json: boolean): number {
  if (json) {
    const out = statuses.map(
      ({
        state: _s,
        reason: _r,
        reasonCode: _rc,
        settling: _st,
        waiting: _w,
        lastError: _e,
        lastErrorCode: _c,
        notice: _n,
        ...rest
      }) => rest,
    );
    ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  }
  if (statuses.length === 0) {
    ctx.stdout.write('No folders are watched. `kiedrop watch <dir>` adds one.\n');
    return EXIT_OK;
  }
  const rows = statuses.map((f) => [
    String(f.id),
    f.enabled ? 'on' : 'paused',
    f.uploadPath,
    f.lastUploadAt === null ? '-' : formatLocalDateTime(new Date(f.lastUploadAt)),
    f.path,
    describeSettings(f),
  ]);
  const lines = renderTable(['ID', 'STATE', 'UPLOAD PATH', 'LAST UPLOAD', 'FOLDER', 'SETTINGS'], rows);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** Finds or saves the folder for <dir>; options given change a saved folder's settings. */
async function prepareFolder(
  engine: Engine,
  service: WatchService,
  dir: string,
  parsed: ParsedArgs,
): Promise<{ folder: FolderStatus; note: string }> {
  const settings = settingsFromFlags(parsed);
  const saved = createFolderStore(engine.db).findByPath(resolve(dir));
  if (saved === undefined) {
    // Files already there stay local unless asked for: adding ~/Downloads must not publish it.
    if (booleanFlag(parsed, 'upload-existing')) {
      const folder = await service.addFolder({ path: dir, ...settings, existingFiles: 'upload' });
      return { folder, note: `Saved folder #${folder.id}, uploading the files already in it too` };
    }
    const { existingFiles } = await service.previewFolder({ path: dir, ...settings });
    const folder = await service.addFolder({ path: dir, ...settings, existingFiles: 'skip' });
    const left =
      existingFiles === 0
        ? ''
        : `; ${existingFiles} ${existingFiles === 1 ? 'file' : 'files'} already in it left alone (only new files upload; --upload-existing sends them too)`;
    return { folder, note: `Saved folder #${folder.id}${left}` };
  }
  const changes = Object.keys(settings).length > 0;
  // Asking to watch a paused folder switches it back on, for the app too.
  const folder = await service.updateFolder(saved.id, { ...settings, enabled: true });
  const how = [...(changes ? ['settings updated'] : []), ...(saved.enabled ? [] : ['switched back on'])];
  return { folder, note: `Using saved folder #${saved.id}${how.length > 0 ? ` (${how.join(', ')})` : ''}` };
}

/**
 * --screenshots: the system's screenshot folder, saved with the screenshot settings when new (options
 * given change them), and marked so that its links are copied, here and in the app.
 */
async function prepareScreenshots(
  ctx: CliContext,
  service: WatchService,
  parsed: ParsedArgs,
): Promise<{ folder: FolderStatus; note: string }> {
  const settings = savedCopyLinkFolders(cliDataDir(ctx));
  const watched = await watchScreenshots({
    watch: service,
    settings,
    find: () =>
      findScreenshotFolder({
        platform: process.platform,
        env: ctx.env,
        home: ctx.env.HOME ?? ctx.env.USERPROFILE ?? homedir(),
      }),
  });
  const changes = settingsFromFlags(parsed);
  const folder =
    Object.keys(changes).length > 0 || !watched.folder.enabled
      ? await service.updateFolder(watched.folder.id, { ...changes, enabled: true })
      : watched.folder;
  const how = watched.added
    ? `Saved the screenshot folder as #${folder.id}`
    : `Using saved folder #${folder.id}`;
  return { folder, note: `${how}; new screenshots only, each link copied` };
}

interface Counters {
  uploaded: number;
  last: HistoryEntry | null;
  /** Files that should have uploaded but could not (unreadable, refused, upload failed), by path, until
   * a later upload of the same file succeeds. */
  failed: Map<string, string>;
}

/** A name or message on one line: a control character (a line break in a file name) is shown escaped. */
function oneLine(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));
}

/** ", 2 failed (a.txt, b.png)": the end of the summary, naming a few so the lines above can be found. */
function failedSummary(failed: ReadonlyMap<string, string>): string {
  if (failed.size === 0) return '';
  const names = [...failed.keys()].map((p) => oneLine(basename(p)));
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  return `, ${failed.size} failed (${shown})`;
}

function statusLine(statuses: FolderStatus[], counters: Counters): string {
  const waiting = statuses.reduce((n, s) => n + s.waiting, 0);
  const unavailable = statuses.filter((s) => s.state === 'unavailable').length;
  const parts = [
    `watching ${statuses.length} ${statuses.length === 1 ? 'folder' : 'folders'}`,
    ...(unavailable > 0 ? [`${unavailable} unavailable`] : []),
    `waiting ${waiting}`,
    `uploaded ${counters.uploaded}`,
    ...(counters.failed.size > 0 ? [`failed ${counters.failed.size}`] : []),
  ];
  if (counters.last) parts.push(`last: ${counters.last.fileName} → ${counters.last.downloadUrl}`);
  return parts.join(' · ');
}

async function runWatching(
  ctx: CliContext,
  parsed: ParsedArgs,
  dir: string | undefined,
  screenshots: boolean,
): Promise<number> {
  const { engine, key } = await openCliEngine(ctx, parsed, { needsKey: true });
  let service: WatchService | undefined;
  let copyFolder: number | null = null;
  try {
    let folderIds: number[] | undefined;
    if (dir !== undefined || screenshots) {
      // Not started: only used to check and save the folder's settings.
      const setup = createWatchService({ engine });
      const { folder, note } =
        dir !== undefined
          ? await prepareFolder(engine, setup, dir, parsed)
          : await prepareScreenshots(ctx, setup, parsed);
      await setup.close();
      if (screenshots) copyFolder = folder.id;
      folderIds = [folder.id];
      ctx.stderr.write(
        `kiedrop: ${note}: ${folder.path} → ${folder.uploadPath} (${describeSettings(folder)})\n`,
      );
    } else {
      const saved = createFolderStore(engine.db)
        .list()
        .filter((f) => f.enabled);
      if (saved.length === 0) {
        throw new UsageError(
          'no folder given, and no saved folder is switched on; pass the folder to watch',
          COMMAND,
        );
      }
    }
    // Read at each batch: a folder that follows Settings picks up a change made in the app meanwhile.
    const dataDir = cliDataDir(ctx);
    service = createWatchService({ engine, folderIds, imageSettings: () => savedImageSettings(dataDir) });
    return await watchUntilStopped(ctx, engine, service, key, copyFolder);
  } finally {
    await service?.close();
    await engine.close();
  }
}

async function watchUntilStopped(
  ctx: CliContext,
  engine: Engine,
  service: WatchService,
  key: ResolvedKey | null,
  /** The folder whose links go to the clipboard as they are uploaded (--screenshots), or null. */
  copyFolder: number | null = null,
): Promise<number> {
  const counters: Counters = { uploaded: 0, last: null, failed: new Map() };
  /** Jobs queued from copyFolder whose links are not yet copied. */
  const toCopy = new Set<number>();
  const tty = ctx.isTTY.stderr;
  let shown = '';
  const clearLine = (): void => {
    if (tty && shown !== '') ctx.stderr.write('\r\x1b[2K');
    shown = '';
  };
  const draw = (): void => {
    if (!tty) return;
    const width = Math.max(20, ctx.columns - 1);
    const line = statusLine(service.list(), counters);
    const text = line.length > width ? `${line.slice(0, width - 1)}…` : line;
    ctx.stderr.write(`\r\x1b[2K${text}`);
    shown = text;
  };
  const say = (stream: 'stdout' | 'stderr', line: string): void => {
    clearLine();
    ctx[stream].write(`${line}\n`);
    draw();
  };

  // Set from an event handler, so TypeScript must not narrow it to its first value.
  let stopReason = 'signal' as 'signal' | 'auth';
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((res) => (stop = res));
  if (ctx.signal.aborted) stop();
  ctx.signal.addEventListener('abort', () => stop(), { once: true });

  const offs = [
    engine.on('history', ({ added }) => {
      if (!added || added.source !== 'watch') return;
      counters.uploaded++;
      counters.last = added;
      if (added.localPath !== null) counters.failed.delete(added.localPath);
      say(
        'stdout',
        formatLinkLine(
          { name: added.fileName, url: added.downloadUrl, expiresAt: added.expiresAt },
          ctx.now(),
        ),
      );
      if (added.jobId !== null && toCopy.delete(added.jobId)) {
        clearLine();
        void copyLinks(ctx, [added.downloadUrl], { db: engine.db, historyIds: [added.id] }).finally(draw);
      }
    }),
    engine.on('paused', (info) => {
      if (info.reason !== 'auth') return;
      say('stderr', `kiedrop: ${info.message.split(' — ')[0] ?? info.message} — ${keyFix(key)}; stopping.`);
      stopReason = 'auth';
      stop();
    }),
    service.on('file-error', (e) => {
      if (e.kind === 'failed') counters.failed.set(e.path, e.message);
      say('stderr', `kiedrop: ${oneLine(e.message)}`);
    }),
    service.on('enqueued', (e) => {
      if (e.folderId === copyFolder) toCopy.add(e.jobId);
      if (!tty) say('stderr', `kiedrop: queued ${e.path}`);
    }),
  ];
  const reported = new Map<number, string>();
  const noticed = new Map<number, string>();
  offs.push(
    service.on('status', (s) => {
      // Polling because the system refused a watch: say so once, with the fix, and when it is over.
      const notice = s.notice?.code ?? '';
      if (notice !== (noticed.get(s.id) ?? '')) {
        noticed.set(s.id, notice);
        if (s.notice) say('stderr', `kiedrop: ${s.path}: ${s.notice.message}`);
        else if (s.state === 'watching') say('stderr', `kiedrop: ${s.path}: watched by system events again`);
      }
      // Say it once when a folder goes away or comes back, not at every redraw.
      const note =
        s.state === 'unavailable' ? (s.reason ?? 'unavailable') : s.state === 'watching' ? 'watching' : '';
      if (note === '' || reported.get(s.id) === note) return;
      const first = !reported.has(s.id);
      reported.set(s.id, note);
      if (note === 'watching') say('stderr', `kiedrop: ${first ? 'watching' : 'watching again'} ${s.path}`);
      else say('stderr', `kiedrop: ${note}`);
    }),
  );

  engine.queue.start();
  await service.start();
  const timer = tty ? setInterval(draw, REDRAW_MS) : undefined;
  draw();
  try {
    await stopped;
  } finally {
    clearInterval(timer);
    for (const off of offs) off();
    clearLine();
  }
  const waiting = service.list().reduce((n, s) => n + s.queued, 0);
  await service.close();
  const rest =
    waiting > 0
      ? `; ${waiting} queued ${waiting === 1 ? 'file waits' : 'files wait'} for \`kiedrop queue --resume\` or the app`
      : '';
  ctx.stderr.write(
    `kiedrop: stopped watching; ${counters.uploaded} uploaded${failedSummary(counters.failed)}${rest}.\n`,
  );
  // A script running `kiedrop watch` must be able to tell that something did not go out.
  return stopReason === 'auth' || counters.failed.size > 0 ? EXIT_FAILURE : EXIT_OK;
}

export async function runWatch(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const json = booleanFlag(parsed, 'json');
  const list = booleanFlag(parsed, 'list');
  const remove = stringFlag(parsed, 'remove');
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `watch one folder at a time (got ${parsed.positionals.length}); save more with separate runs`,
      COMMAND,
    );
  }
  const dir = parsed.positionals[0];
  const screenshots = booleanFlag(parsed, 'screenshots');
  if (screenshots && dir !== undefined) {
    throw new UsageError('--screenshots finds the folder itself; leave out the folder', COMMAND);
  }
  // Checked before the key and the database are opened, so a mistyped option is the first thing said.
  const settings = settingsFromFlags(parsed);
  if (list && remove !== undefined) throw new UsageError('choose --list or --remove, not both', COMMAND);
  if (
    (list || remove !== undefined) &&
    (dir !== undefined || screenshots || Object.keys(settings).length > 0)
  ) {
    throw new UsageError('--list and --remove take no folder or settings', COMMAND);
  }
  if (json && !list) throw new UsageError('--json works with --list only', COMMAND);

  if (list) {
    return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) =>
      listFolders(ctx, createWatchService({ engine }).list(), json),
    );
  }
  if (remove !== undefined) {
    const id = parseWholeNumber(remove, '--remove', { min: 1 }, COMMAND);
    return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
      const folder = createFolderStore(engine.db).get(id);
      if (!folder)
        throw new CliFailure(`There is no watched folder #${id}; \`kiedrop watch --list\` shows them.`);
      await createWatchService({ engine }).removeFolder(id);
      // Added again later, the folder copies its links only if asked again (--screenshots).
      const copying = savedCopyLinkFolders(cliDataDir(ctx));
      const folders = copying.get().copyLinkFolders;
      if (folders.includes(folder.path))
        copying.set({ copyLinkFolders: folders.filter((p) => p !== folder.path) });
      ctx.stdout.write(
        `Stopped watching #${id} (${folder.path}). Uploads already queued stay queued; added again, its files upload again.\n`,
      );
      return EXIT_OK;
    });
  }
  return runWatching(ctx, parsed, dir, screenshots);
}
