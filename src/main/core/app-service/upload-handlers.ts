// Upload, job and queue channels. Every job started from the window is remembered for this run, so the
// upload screen can list what the user did today without scanning every job ever recorded.
import { randomUUID } from 'node:crypto';
import type { Handlers, JobSnapshot, UploadImageChoice, UploadOptions } from '../../../shared/ipc-contract';
import { imageOptionsFor } from '../images/from-settings';
import type { ImageOptions } from '../images/types';
import { formatLinks } from '../links';
import { NameInUseError } from '../queue';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

type UploadHandlerNames =
  | 'upload:files'
  | 'upload:url'
  | 'upload:pick'
  | 'jobs:list'
  | 'jobs:cancel'
  | 'jobs:cancel-all'
  | 'jobs:retry'
  | 'jobs:dismiss'
  | 'activity:copy-links'
  | 'queue:pause'
  | 'queue:resume'
  | 'queue:state'
  | 'history:renew';

const FINISHED: ReadonlySet<string> = new Set(['done', 'failed', 'cancelled']);

/** A name another upload is still sending to is no live link to confirm away (unlike 'name-collision'):
 * the window shows why and which upload, and offers no "upload anyway". */
async function refusingNamesInUse<T>(enqueue: () => Promise<T>): Promise<T> {
  try {
    return await enqueue();
  } catch (err) {
    if (err instanceof NameInUseError) throw new IpcFailure('name-in-use', err.message);
    throw err;
  }
}

export function uploadHandlers(deps: HandlerDeps): Pick<Handlers, UploadHandlerNames> {
  const { engine, settings, dialogs } = deps;
  // What the upload list shows besides unfinished jobs. Rows dismissed from the window leave this set, so
  // they stay away when the window is reloaded or opened again (they remain in History).
  const thisRun = new Set<number>();

  function remember(jobs: JobSnapshot[]): JobSnapshot[] {
    for (const job of jobs) thisRun.add(job.id);
    engine.queue.start();
    return jobs;
  }

  function target(options: UploadOptions): { uploadPath: string; fileName?: string; overwrite?: boolean } {
    return {
      uploadPath: options.uploadPath ?? settings.get().defaultUploadPath,
      fileName: options.fileName,
      overwrite: options.overwrite,
    };
  }

  // Templates given for this upload, else Settings' naming templates. A path typed for this one upload
  // wins over Settings' path template.
  function namingTemplates(options: UploadOptions): { nameTemplate: string; pathTemplate?: string } {
    const { nameTemplate, uploadPathTemplate, defaultUploadPath } = settings.get();
    const ownPath = options.uploadPath !== undefined && options.uploadPath !== defaultUploadPath;
    const pathTemplate = options.pathTemplate ?? (ownPath ? undefined : uploadPathTemplate);
    return {
      nameTemplate: options.nameTemplate ?? nameTemplate,
      ...(pathTemplate === undefined ? {} : { pathTemplate }),
    };
  }

  // The picture choice made for this upload on the Upload screen, else Settings' picture processing
  // (when either part of it is on).
  function imageProcessing(choice: UploadImageChoice | undefined): { image?: ImageOptions } {
    const image = imageOptionsFor(choice, settings.get());
    return image === undefined ? {} : { image };
  }

  return {
    'upload:files': async (paths, options) => {
      if (paths.length === 0) throw new IpcFailure('invalid-argument', 'There are no files to upload.');
      if (options.fileName !== undefined && paths.length > 1) {
        throw new IpcFailure(
          'invalid-argument',
          `A file name can be given only when uploading one file (${paths.length} were chosen).`,
        );
      }
      const batchId = randomUUID();
      const jobs = await refusingNamesInUse(() =>
        engine.queue.enqueueFiles(paths, {
          source: 'manual',
          method: options.method,
          batchId,
          ...target(options),
          ...namingTemplates(options),
          ...imageProcessing(options.images),
        }),
      );
      deps.trackBatch?.(
        batchId,
        jobs.map((j) => j.id),
      );
      return remember(jobs);
    },
    'upload:url': async (url, options) => {
      const batchId = randomUUID();
      const job = await refusingNamesInUse(() =>
        engine.queue.enqueueUrl(url, { source: 'url', batchId, ...target(options) }),
      );
      deps.trackBatch?.(batchId, [job.id]);
      return remember([job])[0] as JobSnapshot;
    },
    'upload:pick': () => dialogs.pickFiles(),
    'jobs:list': () => {
      const byId = new Map<number, JobSnapshot>();
      for (const job of engine.queue.list({ status: ['queued', 'uploading'] })) byId.set(job.id, job);
      for (const id of thisRun) {
        const job = byId.get(id) ?? engine.queue.get(id);
        if (job) byId.set(id, job);
      }
      return [...byId.values()].sort((a, b) => a.id - b.id);
    },
    'jobs:cancel': (id) => engine.queue.cancel(id),
    'jobs:cancel-all': () => engine.queue.cancelAll(),
    'jobs:retry': (ids) => {
      // An empty list means "every failed job", the Retry all button.
      const count = engine.queue.retryFailed(ids.length > 0 ? ids : undefined);
      for (const id of ids) thisRun.add(id);
      engine.queue.start();
      return count;
    },
    'jobs:dismiss': (ids) => {
      let dismissed = 0;
      for (const id of ids.length > 0 ? ids : [...thisRun]) {
        const job = engine.queue.get(id);
        // A row still on its way is not finished business: it stays until it is done, failed or cancelled.
        if (job && FINISHED.has(job.status) && thisRun.delete(id)) dismissed += 1;
      }
      return dismissed;
    },
    'activity:copy-links': async () => {
      const entries = deps.activity.doneHistoryIds().flatMap((id) => engine.history.get(id) ?? []);
      if (entries.length === 0)
        throw new IpcFailure('not-found', 'None of the latest uploads has a link to copy any more.');
      const { copyFormat, customCopyTemplate } = settings.get();
      try {
        await deps.clipboard.writeText(formatLinks(entries, copyFormat, customCopyTemplate));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new IpcFailure('io', `The links were not copied: ${why}`);
      }
      deps.recordShared?.(entries.map((e) => e.id));
      return entries.length;
    },
    'queue:pause': () => engine.queue.pause(),
    'queue:resume': () => {
      engine.queue.resume();
      engine.queue.start();
    },
    'queue:state': () => engine.queue.paused,
    'history:renew': async (id) => {
      if (!engine.history.get(id)) throw new IpcFailure('not-found', `History entry ${id} no longer exists.`);
      let job: JobSnapshot;
      try {
        job = await engine.queue.renew(id);
      } catch (err) {
        // The queue explains in plain words why neither the local file nor the old link can be used.
        if (err instanceof Error && err.constructor === Error)
          throw new IpcFailure('cannot-renew', err.message);
        throw err;
      }
      return remember([job])[0] as JobSnapshot;
    },
  };
}
