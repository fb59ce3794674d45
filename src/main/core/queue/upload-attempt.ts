// One try at sending a job: check the local file again (it may have changed or vanished since
// it was queued), then hand it to the API client with the job's fixed location.
import { ApiError } from '../api';
import type { ApiClient, ProgressListener, UploadResult } from '../api';
import { inspectFile, sameFile } from './file-state';
import type { JobRow } from './job-row';

export interface AttemptOptions {
  signal: AbortSignal;
  /** No byte sent for this long → the client aborts with 'timeout', which the queue retries. */
  stallTimeoutMs: number;
  onProgress: ProgressListener;
  /** Called before sending when the file differs from what was queued. */
  onFileChanged: (now: { size: number; mtimeMs: number }) => void;
  /** Called once the request is out and only the server's answer is awaited (URL uploads). */
  onWaiting: () => void;
}

export interface AttemptResult {
  result: UploadResult;
  /** The local file as it was when this attempt started; null for URL uploads. */
  local: { size: number; mtimeMs: number } | null;
}

export async function runAttempt(
  client: ApiClient,
  job: JobRow,
  opts: AttemptOptions,
): Promise<AttemptResult> {
  const common = { signal: opts.signal, idleTimeoutMs: opts.stallTimeoutMs, uploadPath: job.location };
  if (job.method === 'url') {
    if (job.sourceUrl === null)
      throw new ApiError('invalid-input', `Job ${job.id} is a URL upload without a URL; remove it.`);
    opts.onWaiting();
    const result = await client.urlUpload({
      ...common,
      fileUrl: job.sourceUrl,
      ...(job.fileName === '' ? {} : { fileName: job.fileName }),
    });
    return { result, local: null };
  }

  if (job.localPath === null)
    throw new ApiError('invalid-input', `Job ${job.id} has no file to send; remove it.`);
  const request = { ...common, fileName: job.fileName, onProgress: opts.onProgress };
  if (job.method === 'base64') {
    const local = await localState(job.localPath);
    if (!sameFile(job, local)) opts.onFileChanged(local);
    const result = await client.base64Upload({ ...request, source: { filePath: job.localPath } });
    return { result, local };
  }
  // The client opens the file and says what version it is about to send: no separate stat, which
  // for a batch of small files is a noticeable share of the cost of each.
  let local: { size: number; mtimeMs: number } | undefined;
  const result = await client.streamUpload({
    ...request,
    filePath: job.localPath,
    onOpened: (opened) => {
      local = opened;
      if (!sameFile(job, opened)) opts.onFileChanged(opened);
    },
  });
  return { result, local: local ?? (await localState(job.localPath)) };
}

async function localState(path: string): Promise<{ size: number; mtimeMs: number }> {
  const state = await inspectFile(path);
  if (state.kind === 'problem') throw state.error;
  return { size: state.size, mtimeMs: state.mtimeMs };
}
