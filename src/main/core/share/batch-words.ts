// The words a batch's notification and share messages are made of. The core says them in English (the
// CLI, the logs); the desktop app hands in its person's language (src/main/i18n/batch-words.ts).
import path from 'node:path';
import type { BatchFailure } from './upload-batch';

export interface BatchWords {
  /** "3 files". */
  files(count: number): string;
  /** The title when everything went up; `what` is the file's name or files(n). */
  uploaded(what: string, linksCopied: number | null): string;
  failed(count: number): string;
  notFound(count: number): string;
  unreadable(count: number): string;
  waiting(count: number): string;
  /** Joins the problems above into one phrase. */
  problems(list: readonly string[]): string;
  nothingUploaded(problems: string): string;
  someUploaded(uploaded: number, total: number, problems: string): string;
  /** One file that failed, with its reason (see `reason`). */
  failureLine(name: string, reason: string): string;
  /** Why a file failed: the queue's (or the service's) sentence, or its code said in this language. */
  reason(failure: Pick<BatchFailure, 'message' | 'errorCode' | 'errorParams'>): string;
  notFoundLine(filePath: string): string;
  /** `reason`: why the queue is paused (the queue's English sentence), or null when it does not say;
   * `pause`: which kind of pause it is. */
  waitingLine(reason: string | null, pause: 'auth' | 'user' | null): string;
  andMore(count: number): string;
  copyFailed(links: number, reason: string): string;
  linksCopied(count: number): string;
  pasteHint(links: number): string;
  nothingToShare: string;
  couldNotShare: string;
  /** A path the service cannot take by its name, with the service's reason. */
  notUploaded(reason: string): string;
  emptyFolder(name: string): string;
  hiddenSkipped(recurseHint: string): string;
  recurseHint: string;
  noFilesGiven: string;
  confirm(count: number, threshold: number): string;
  declined: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const ENGLISH_BATCH_WORDS: BatchWords = {
  files: (n) => plural(n, 'file', 'files'),
  uploaded: (what, copied) =>
    copied === null ? `${what} uploaded` : `${what} uploaded — ${copied === 1 ? 'link' : 'links'} copied`,
  failed: (n) => `${n} failed`,
  notFound: (n) => `${n} not found`,
  unreadable: (n) => `${n} unreadable`,
  waiting: (n) => `${n} waiting`,
  problems: (list) => list.join(', '),
  nothingUploaded: (problems) => `Nothing uploaded; ${problems}`,
  someUploaded: (ok, total, problems) => `${ok} of ${total} uploaded; ${problems}`,
  failureLine: (name, reason) => `${name}: ${reason}`,
  reason: (failure) => failure.message,
  notFoundLine: (p) => `Not found: ${p}`,
  waitingLine: (reason) => `Waiting: ${reason ?? 'the upload queue is paused'}`,
  andMore: (n) => `…and ${n} more`,
  copyFailed: (links, reason) => `The ${links === 1 ? 'link' : 'links'} could not be copied: ${reason}`,
  linksCopied: (n) => `${plural(n, 'link', 'links')} copied.`,
  pasteHint: (links) =>
    links === 1
      ? 'Paste it anywhere; it works for 3 days.'
      : 'Paste them anywhere, one per line; they work for 3 days.',
  nothingToShare: 'Nothing to share',
  couldNotShare: 'Could not share',
  notUploaded: (reason) => `not uploaded: ${reason}.`,
  emptyFolder: (name) => `"${name}" has no files to share.`,
  hiddenSkipped: (hint) => `Hidden files are skipped. ${hint}`,
  recurseHint: 'Files in sub-folders are included only when sharing sub-folders is turned on.',
  noFilesGiven: 'No files were given.',
  confirm: (count, threshold) =>
    `Upload ${count} files and copy all their links? That is more than ${threshold} at once.`,
  declined: 'Share cancelled; nothing was uploaded.',
};

/** A folder's name as a person knows it ("/" has none: then the path). */
export function folderName(folder: string): string {
  return path.basename(folder) || folder;
}
