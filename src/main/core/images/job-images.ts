// The job_images table (schema v12): which jobs optimise their picture before sending, with what options,
// and the processed copy an attempt is sending. Processed copies live beside the database in the data
// folder, named by job id, so a sweep at start can tell which ones nobody is sending any more.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KieDropDb } from '../db';
import { readImageNote } from '../../../shared/image-note';
import type { ImageSizes } from '../../../shared/domain';
import { parseImageOptions } from './types';
import type { ImageOptions } from './types';

export const IMAGE_TEMP_FOLDER_NAME = 'image-temp';

export function imageTempFolder(db: Pick<KieDropDb, 'file'>): string {
  return join(dirname(db.file), IMAGE_TEMP_FOLDER_NAME);
}

/** The processed copy's name without extension: `job-<id>`. */
export function tempBaseName(jobId: number): string {
  return `job-${jobId}`;
}

/** Call inside the transaction that inserts the job, so no process can claim it without its options. */
export function attachImageOptions(db: KieDropDb, jobId: number, options: ImageOptions): void {
  db.conn
    .prepare('INSERT INTO job_images (job_id, options) VALUES (?, ?)')
    .run(jobId, JSON.stringify(options));
}

const optionsQueries = new WeakMap<KieDropDb['conn'], ReturnType<KieDropDb['conn']['prepare']>>();

/** The job's options; null when it does not optimise (or its options are unreadable). */
export function imageOptionsOf(db: KieDropDb, jobId: number): ImageOptions | null {
  // Asked before every upload, picture or not: prepared once per connection, not per file of a batch.
  let select = optionsQueries.get(db.conn);
  if (select === undefined) {
    select = db.conn.prepare('SELECT options FROM job_images WHERE job_id = ?');
    optionsQueries.set(db.conn, select);
  }
  const row = select.get(jobId) as { options: unknown } | undefined;
  return row === undefined ? null : parseImageOptions(typeof row.options === 'string' ? row.options : null);
}

export interface ImageAttempt {
  tempPath: string | null;
  originalSize: number;
  uploadedSize: number;
  note: string | null;
}

/** What the current attempt is sending, written before it is sent so the job always knows its temp file. */
export function noteImageAttempt(db: KieDropDb, jobId: number, attempt: ImageAttempt): void {
  db.conn
    .prepare(
      'UPDATE job_images SET temp_path = ?, original_size = ?, uploaded_size = ?, note = ? WHERE job_id = ?',
    )
    .run(attempt.tempPath, attempt.originalSize, attempt.uploadedSize, attempt.note, jobId);
}

/** Call inside the transaction that records the upload: the entry keeps both sizes and the note. */
export function recordImageSizes(db: KieDropDb, historyId: number, attempt: ImageAttempt): void {
  db.conn
    .prepare('UPDATE history SET original_size = ?, uploaded_size = ?, image_note = ? WHERE id = ?')
    .run(attempt.originalSize, attempt.uploadedSize, attempt.note, historyId);
}

/** The sizes and note an entry reads back after recordImageSizes, for the entry the upload returns. */
export function imageSizesOf(attempt: ImageAttempt): ImageSizes {
  const note = readImageNote(attempt.note);
  return {
    originalSize: attempt.originalSize,
    uploadedSize: attempt.uploadedSize,
    note: note?.text ?? null,
    noteCode: note?.code ?? null,
  };
}

/**
 * Removes processed copies no running attempt is sending: left by a crash, or by jobs since finished or
 * removed. Synchronous on purpose: it runs before the queue claims anything, so it can never delete a
 * copy an attempt of ours has just started writing. `busy`: job ids an attempt may be processing now.
 */
export function sweepImageTemp(db: KieDropDb, busy: (jobId: number) => boolean): number {
  const folder = imageTempFolder(db);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  const uploading = db.conn.prepare("SELECT 1 FROM jobs WHERE id = ? AND status = 'uploading'");
  let removed = 0;
  for (const name of names) {
    const id = /^job-(\d+)\./.exec(name)?.[1];
    if (id !== undefined && (busy(Number(id)) || uploading.get(Number(id)) !== undefined)) continue;
    rmSync(join(folder, name), { force: true, recursive: true });
    removed += 1;
  }
  return removed;
}
