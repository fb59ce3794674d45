// Turning a request ("upload these files", "upload this link", "renew that entry") into job rows.
// Everything a person can fix (bad path, bad name, name collision) is refused here, before
// anything is queued; a file that cannot be read still becomes a job that failed with the reason,
// so nothing the user dropped silently disappears.
import { basename, resolve } from 'node:path';
import { ApiError, validateFileName, validateHttpUrl, validateUploadPath } from '../api';
import { hasCredentials, withoutCredentials } from '../api/url-credentials';
import type { KieDropDb } from '../db';
import type { HistoryStore } from '../history';
import { NameCollisionError, NameInUseError } from './errors';
import { inspectFile } from './file-state';
import { planRenewal } from './renew-plan';
import { CopyStore } from '../copies/copy-store';
import { attachImageOptions } from '../images/job-images';
import type { JobRow } from './job-row';
import { priorityFor, toSnapshot } from './job-row';
import type { JobStore, NewJob } from './job-store';
import type { EnqueueOptions } from './types';
import { applyNamingTemplates, hasTemplates } from '../naming';

export interface EnqueueDeps {
  db: KieDropDb;
  store: JobStore;
  history: HistoryStore;
  now: () => number;
  uniqueSegment: () => string;
  /** Full links of URL jobs whose user name and password are kept out of the database: in memory only,
   * so a job resumed by another process goes out without them. */
  urlSecrets?: Map<number, string>;
}

/**
 * Where a job's file lands. Without a name, the readable name is kept under a unique folder
 * (`uploadPath/x7k2m9qa/photo.png`), so no upload ever replaces an earlier link. An explicit
 * name means the person wants that exact, predictable path (`uploadPath/photo.png`) — which is
 * why only explicit names can collide with a live entry and need `overwrite`.
 */
export function targetFor(
  uploadPath: string,
  explicitName: string | undefined,
  defaultName: string,
  uniqueSegment: () => string,
): { fileName: string; location: string; explicit: boolean } {
  if (explicitName !== undefined) return { fileName: explicitName, location: uploadPath, explicit: true };
  return { fileName: defaultName, location: `${uploadPath}/${uniqueSegment()}`, explicit: false };
}

/**
 * Run inside the transaction that inserts the job: BEGIN IMMEDIATE serialises it with every other
 * process's enqueue, so two uploads to one name cannot both pass. A queued or in-flight job to the
 * same name is refused even with overwrite: the two would race, and whichever finished last would
 * decide what both links serve.
 */
function refuseCollision(
  deps: EnqueueDeps,
  location: string,
  fileName: string,
  overwrite: boolean | undefined,
): void {
  if (fileName === '') return;
  const pending = deps.store.unfinishedAt(location, fileName);
  if (pending) throw new NameInUseError(toSnapshot(pending, undefined, deps.now()));
  if (overwrite === true) return;
  const existing = deps.history.findLiveByName(location, fileName);
  if (existing) throw new NameCollisionError(existing);
}

/**
 * Names and upload paths from templates, one per file; empty when no template applies. A template
 * name still lands under a unique folder like a file's own name, so no upload replaces another's
 * link; an explicit name is the only way to an exact, predictable path. Any template problem
 * throws here, before a job exists. A file that cannot be read keeps its own name, so its failed job
 * says what is wrong with the file rather than with the template.
 */
async function placeByTemplates(
  deps: EnqueueDeps,
  absolute: string[],
  opts: EnqueueOptions,
): Promise<({ uploadPath: string; fileName: string } | undefined)[]> {
  // An explicit name wins over the name template; the path template still decides where it goes.
  const templates = {
    ...(opts.fileName === undefined && opts.nameTemplate !== undefined
      ? { nameTemplate: opts.nameTemplate }
      : {}),
    ...(opts.pathTemplate === undefined ? {} : { pathTemplate: opts.pathTemplate }),
  };
  if (!hasTemplates(templates)) return [];
  const placed: ({ uploadPath: string; fileName: string } | undefined)[] = [];
  for (const localPath of absolute) {
    const state = await inspectFile(localPath);
    if (state.kind !== 'file') {
      placed.push(undefined);
      continue;
    }
    placed.push(
      await applyNamingTemplates({
        localPath,
        uploadPath: opts.uploadPath,
        ...templates,
        ...(opts.folder === undefined ? {} : { folder: opts.folder }),
        now: new Date(deps.now()),
        db: deps.db,
      }),
    );
  }
  return placed;
}

export async function enqueueFiles(
  deps: EnqueueDeps,
  paths: string[],
  opts: EnqueueOptions,
): Promise<JobRow[]> {
  validateUploadPath(opts.uploadPath);
  if (opts.fileName !== undefined && paths.length > 1) {
    throw new ApiError(
      'invalid-input',
      `A file name can only be given for a single file, but ${paths.length} files were chosen. Leave the name empty to keep each file's own name.`,
    );
  }
  // Absolute paths: a job resumed later (another process, another working folder) must find the same file.
  const absolute = paths.map((p) => resolve(p));
  const placed = await placeByTemplates(deps, absolute, opts);
  const targets = absolute.map((p, i) =>
    targetFor(
      placed[i]?.uploadPath ?? opts.uploadPath,
      opts.fileName,
      placed[i]?.fileName ?? basename(p),
      deps.uniqueSegment,
    ),
  );
  for (const t of targets) validateFileName(t.fileName);
  // Early, so a refused name costs no file inspection; again below, inside the insert's transaction.
  for (const t of targets) if (t.explicit) refuseCollision(deps, t.location, t.fileName, opts.overwrite);

  const states = await Promise.all(absolute.map((p) => inspectFile(p)));
  const method = opts.method ?? 'stream';
  return deps.db.transaction(() =>
    absolute.map((localPath, i) => {
      const state = states[i];
      const target = targets[i];
      if (!state || !target) throw new Error('internal: enqueue lists out of step');
      if (target.explicit) refuseCollision(deps, target.location, target.fileName, opts.overwrite);
      const job: NewJob = {
        status: state.kind === 'file' ? 'queued' : 'failed',
        source: opts.source,
        method,
        localPath,
        sourceUrl: null,
        uploadPath: placed[i]?.uploadPath ?? opts.uploadPath,
        fileName: target.fileName,
        location: target.location,
        overwrite: target.explicit && opts.overwrite === true,
        size: state.kind === 'file' ? state.size : null,
        mtimeMs: state.kind === 'file' ? state.mtimeMs : null,
        priority: priorityFor(opts.source),
        ...(state.kind === 'file'
          ? {}
          : {
              errorKind: 'local-file',
              lastError: state.message,
              errorCode: state.coded.code,
              errorParams: state.coded.params ?? null,
            }),
        batchId: opts.batchId ?? null,
      };
      const row = deps.store.insert(job, deps.now());
      // In the same transaction: no process can claim the job before it knows to optimise.
      if (opts.image !== undefined && row.status === 'queued')
        attachImageOptions(deps.db, row.id, opts.image);
      return row;
    }),
  );
}

/** The link's last path segment when it is usable as a file name; '' lets the server choose one. */
export function nameFromUrl(url: URL): string {
  const raw = url.pathname.split('/').pop() ?? '';
  try {
    const name = decodeURIComponent(raw);
    validateFileName(name);
    return name;
  } catch {
    return '';
  }
}

export function enqueueUrl(
  deps: EnqueueDeps,
  url: string,
  opts: Omit<EnqueueOptions, 'method'>,
  extra: { renewOf?: number } = {},
): JobRow {
  const parsed = validateHttpUrl(url);
  validateUploadPath(opts.uploadPath);
  if (opts.fileName !== undefined) validateFileName(opts.fileName);
  const target = targetFor(opts.uploadPath, opts.fileName, nameFromUrl(parsed), deps.uniqueSegment);
  const row = deps.db.transaction(() => {
    if (target.explicit) refuseCollision(deps, target.location, target.fileName, opts.overwrite);
    return deps.store.insert(
      {
        status: 'queued',
        source: opts.source,
        method: 'url',
        localPath: null,
        // A password in the link is sent, never stored: the database and history keep the bare address.
        sourceUrl: withoutCredentials(parsed),
        uploadPath: opts.uploadPath,
        fileName: target.fileName,
        location: target.location,
        overwrite: target.explicit && opts.overwrite === true,
        size: null,
        mtimeMs: null,
        priority: priorityFor(opts.source),
        renewOf: extra.renewOf ?? null,
        batchId: opts.batchId ?? null,
      },
      deps.now(),
    );
  });
  if (hasCredentials(parsed)) deps.urlSecrets?.set(row.id, parsed.href);
  return row;
}

/** The entry's kept copy as it is on disk now; null when there is none or it is no longer a file. */
async function savedCopyOf(
  deps: EnqueueDeps,
  historyId: number,
): Promise<{ path: string; size: number } | null> {
  const copy = new CopyStore(deps.db).get(historyId);
  if (copy === undefined) return null;
  const state = await inspectFile(copy.path);
  return state.kind === 'file' ? { path: copy.path, size: state.size } : null;
}

/** A renewal always gets a fresh unique location: the old link stays valid until it expires. */
export async function enqueueRenewal(
  deps: EnqueueDeps,
  historyId: number,
  batchId?: string,
): Promise<JobRow> {
  const entry = deps.history.get(historyId);
  if (!entry)
    throw new Error(`Cannot renew: history entry ${historyId} does not exist (it may have been deleted).`);
  let local = entry.localPath !== null && entry.method !== 'url' ? await inspectFile(entry.localPath) : null;
  const plan = planRenewal(entry, local, deps.now(), await savedCopyOf(deps, entry.id));
  if (plan.route === 'none') throw new Error(plan.message);
  const target = targetFor(entry.uploadPath, undefined, entry.fileName, deps.uniqueSegment);
  // Asked for by a person just now, so it goes ahead of any watched-folder backlog.
  const priority = 0;
  if (plan.route === 'url') {
    return deps.store.insert(
      {
        status: 'queued',
        source: entry.source,
        method: 'url',
        localPath: null,
        sourceUrl: plan.sourceUrl,
        uploadPath: entry.uploadPath,
        fileName: target.fileName,
        location: target.location,
        overwrite: false,
        size: entry.size,
        mtimeMs: null,
        priority,
        renewOf: entry.id,
        batchId: batchId ?? null,
      },
      deps.now(),
    );
  }
  if (plan.route === 'saved-copy') local = await inspectFile(plan.path);
  const state = local?.kind === 'file' ? local : null;
  return deps.store.insert(
    {
      status: 'queued',
      source: entry.source,
      method: 'stream',
      localPath: plan.route === 'saved-copy' ? plan.path : entry.localPath,
      sourceUrl: null,
      uploadPath: entry.uploadPath,
      fileName: target.fileName,
      location: target.location,
      overwrite: false,
      size: state?.size ?? entry.size,
      mtimeMs: state?.mtimeMs ?? entry.localMtimeMs,
      priority,
      renewOf: entry.id,
      batchId: batchId ?? null,
    },
    deps.now(),
  );
}
