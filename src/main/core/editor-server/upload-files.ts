// Uploads the paths an editor sent through the engine's queue, as one batch, and returns the links
// in the order given. The editor puts the links into the document itself, so the clipboard is left
// alone.
import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine';
import { runUploadBatch } from '../share';
import type { UploadSource } from '../../../shared/domain';

export interface EditorUploadResult {
  /** One link per path, in the order given; null where that file did not upload. */
  links: (string | null)[];
  /** Why files did not upload, one line each. */
  failures: string[];
}

export interface EditorUploadOptions {
  uploadPath: string;
  /** The history source the uploads are recorded with. */
  source: UploadSource;
  /** Settings' naming templates ('' = none). */
  naming?: { nameTemplate: string; pathTemplate: string };
}

const leaveClipboardAlone = { writeText: (): void => undefined };

export async function uploadFilesForEditor(
  engine: Pick<Engine, 'queue' | 'history'>,
  paths: readonly string[],
  opts: EditorUploadOptions,
): Promise<EditorUploadResult> {
  const batchId = randomUUID();
  const jobs = await engine.queue.enqueueFiles([...paths], {
    uploadPath: opts.uploadPath,
    batchId,
    source: opts.source,
    method: 'stream',
    ...(opts.naming ?? {}),
  });
  const outcome = await runUploadBatch(engine, batchId, jobs, leaveClipboardAlone, { format: 'url' });
  const byJob = new Map(outcome.uploaded.map((e) => [e.jobId, e.downloadUrl]));
  const links = outcome.jobs.map((j) => byJob.get(j.id) ?? null);
  const failures = [
    ...outcome.failures.map((f) => `${f.fileName}: ${f.message}`),
    ...outcome.waiting.map(
      (j) => `${j.fileName}: still queued (${outcome.pausedMessage ?? 'the queue is paused'})`,
    ),
  ];
  return { links, failures };
}
