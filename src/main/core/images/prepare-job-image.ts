// The image step of one upload attempt: process the job's original (always from the original, so an
// attempt after a crash starts clean) into the job's own temp file, and say what to send under which name.
import { rm } from 'node:fs/promises';
import type { KieDropDb } from '../db';
import { imageTempFolder, noteImageAttempt, tempBaseName } from './job-images';
import type { ImageOptions } from './types';
import type { ImageAttempt } from './job-images';
import { optimizeImage } from './optimize-image';
import { nameWithExtension } from './upload-name';

export interface PreparedImage {
  /** The file to send: the processed copy, or the original. */
  sendPath: string;
  /** The upload name, with the extension of the format sent. */
  fileName: string;
  attempt: ImageAttempt;
  /** Removes the processed copy; safe to call more than once. */
  cleanup: () => Promise<void>;
}

/** `options`: the job's image options, as imageOptionsOf read them. */
export async function prepareJobImage(
  db: KieDropDb,
  job: { id: number; localPath: string; fileName: string },
  options: ImageOptions,
): Promise<PreparedImage> {
  const out = await optimizeImage(job.localPath, options, imageTempFolder(db), {
    baseName: tempBaseName(job.id),
  });
  const attempt: ImageAttempt = {
    tempPath: out.processed ? out.path : null,
    originalSize: out.originalSize,
    uploadedSize: out.size,
    note: out.note,
  };
  noteImageAttempt(db, job.id, attempt);
  return {
    sendPath: out.path,
    fileName: out.processed ? nameWithExtension(job.fileName, out.extension) : job.fileName,
    attempt,
    cleanup: async () => {
      if (out.processed) await rm(out.path, { force: true });
    },
  };
}
