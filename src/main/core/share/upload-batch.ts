// Runs one batch of already-queued jobs to the end, then puts ALL of its links on the clipboard in
// one write (one per line, in the order queued), so the last file never overwrites the others.
// Shared by the share flow, clipboard uploads and the CLI.
import type { Engine } from '../engine';
import type { HistoryEntry } from '../history';
import type { JobSnapshot } from '../queue';
import { formatLink } from '../links';
import type { LinkFormat } from '../links';

export interface TextClipboard {
  /** May be asynchronous: the batch waits, and reports a rejected write as not copied. */
  writeText(text: string): void | Promise<void>;
}

export interface BatchLinkOptions {
  format: LinkFormat;
  /** For format 'custom'. */
  customTemplate?: string;
}

export interface BatchFailure {
  /** The local file, or the link for URL uploads. */
  source: string;
  fileName: string;
  message: string;
  /** The job's error code and params, for wording the fix where the message is shown (the CLI). */
  errorCode?: string | null;
  errorParams?: JobSnapshot['errorParams'];
}

export interface BatchOutcome {
  batchId: string;
  /** Final snapshots, in the order they were queued. */
  jobs: JobSnapshot[];
  /** History entries of the uploads that succeeded, in queue order. */
  uploaded: HistoryEntry[];
  /** One formatted link per uploaded entry, in the same order. */
  links: string[];
  failures: BatchFailure[];
  /** Jobs still queued because the queue paused (e.g. the API key was rejected). */
  waiting: JobSnapshot[];
  /** Why the queue stopped before finishing the batch, when it did. */
  pausedMessage: string | null;
  /** The kind of pause, for words in other languages than the queue's English sentence. */
  pausedReason: 'auth' | 'user' | null;
  /** Whether the links reached the clipboard; an error message when writing failed. */
  copied: boolean;
  copyError: string | null;
}

function failureMessage(job: JobSnapshot): string {
  if (job.status === 'cancelled') return 'cancelled';
  // Done, but its history entry was deleted before we could read the link (from the window, say).
  if (job.status === 'done') return 'uploaded, but its history entry was removed before the link was copied';
  return job.lastError ?? 'the upload failed without a reason';
}

function sourceOf(job: JobSnapshot): string {
  return job.localPath ?? job.sourceUrl ?? job.fileName;
}

export async function runUploadBatch(
  engine: Pick<Engine, 'queue' | 'history'>,
  batchId: string,
  queued: readonly JobSnapshot[],
  clipboard: TextClipboard,
  links: BatchLinkOptions,
): Promise<BatchOutcome> {
  const finished = await engine.queue.runUntilIdle({ batchId });
  const byId = new Map(finished.map((j) => [j.id, j]));
  const jobs = queued.map((j) => byId.get(j.id) ?? engine.queue.get(j.id) ?? j);

  const uploaded: HistoryEntry[] = [];
  const failures: BatchFailure[] = [];
  const waiting: JobSnapshot[] = [];
  for (const job of jobs) {
    const entry =
      job.status === 'done'
        ? ((job.historyId !== null ? engine.history.get(job.historyId) : undefined) ??
          engine.history.getByJobId(job.id))
        : undefined;
    if (entry) uploaded.push(entry);
    else if (job.status === 'queued' || job.status === 'uploading') waiting.push(job);
    else {
      const { errorCode, errorParams } =
        job.status === 'failed' ? job : { errorCode: null, errorParams: null };
      failures.push({
        source: sourceOf(job),
        fileName: job.fileName,
        message: failureMessage(job),
        errorCode,
        errorParams,
      });
    }
  }

  const texts = uploaded.map((e) => formatLink(e, links.format, links.customTemplate));
  let copied = false;
  let copyError: string | null = null;
  if (texts.length > 0) {
    try {
      await clipboard.writeText(texts.join('\n'));
      copied = true;
    } catch (err) {
      copyError = err instanceof Error ? err.message : String(err);
    }
  }
  return {
    batchId,
    jobs,
    uploaded,
    links: texts,
    failures,
    waiting,
    pausedMessage: waiting.length > 0 ? (engine.queue.paused?.message ?? null) : null,
    pausedReason: waiting.length > 0 ? (engine.queue.paused?.reason ?? null) : null,
    copied,
    copyError,
  };
}
