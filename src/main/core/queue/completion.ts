// Recording a successful upload. The history entry, the mark on any entry whose link now serves
// this content, and the job's 'done' are written in ONE transaction: after a crash either all of
// it happened or none did — and if none did, the job is still unfinished and re-uploads to its
// own fixed location, so it can never produce a second entry.
import type { UploadResult } from '../api';
import type { KieDropDb } from '../db';
import type { HistoryEntry, HistoryStore } from '../history';
import { imageSizesOf, recordImageSizes } from '../images/job-images';
import type { ImageAttempt } from '../images/job-images';
import type { JobRow } from './job-row';
import type { JobStore } from './job-store';

export interface Completion {
  entry: HistoryEntry;
  /** History id whose link was overwritten by this upload. */
  replacedId: number | null;
  /** The job as recorded: 'done', with the entry's id. */
  job: JobRow;
}

export function recordSuccess(
  deps: { db: KieDropDb; store: JobStore; history: HistoryStore },
  job: JobRow,
  owner: string,
  result: UploadResult,
  local: { size: number; mtimeMs: number } | null,
  now: number,
  /** An optimised picture: the entry also keeps the original's and the uploaded size. */
  image?: ImageAttempt,
): Completion | null {
  return deps.db.transaction(() => {
    // First, as it is conditional on our lease: cancelled, or taken over after our lease lapsed, the
    // job is left alone and whoever holds it now records it. Everything else below is in the same
    // transaction, so the order changes nothing a reader can see.
    const marked = deps.store.markDone(job.id, owner, now);
    if (!marked) return null;
    const already = deps.history.getByJobId(job.id);
    if (already) return { entry: already, replacedId: null, job: { ...marked, historyId: already.id } };
    // Looked up before the insert, which would otherwise be the newest live entry at this path.
    const previous = deps.history.findLiveByFilePath(result.filePath);
    const inserted = deps.history.insert({
      jobId: job.id,
      localPath: job.method === 'url' ? null : job.localPath,
      localMtimeMs: local?.mtimeMs ?? null,
      size: local?.size ?? result.fileSize,
      method: job.method,
      source: job.source,
      uploadPath: job.uploadPath,
      fileName: result.fileName,
      filePath: result.filePath,
      downloadUrl: result.downloadUrl,
      mimeType: result.mimeType,
      uploadedAt: result.uploadedAt,
      expiresAt: result.expiresAt,
      renewOf: job.renewOf,
    });
    if (image) recordImageSizes(deps.db, inserted.id, image);
    // The entry as it is now stored: the window's upload row and the command line say its image note.
    const entry = image ? { ...inserted, image: imageSizesOf(image) } : inserted;
    let replacedId: number | null = null;
    // The server has already overwritten that file, whether or not the user asked: record the truth.
    if (previous && previous.id !== entry.id) {
      deps.history.markReplaced(previous.id, entry.id);
      replacedId = previous.id;
    }
    return { entry, replacedId, job: { ...marked, historyId: entry.id } };
  });
}
