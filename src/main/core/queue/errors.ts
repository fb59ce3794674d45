// Errors the queue raises to its callers before anything is queued.
import type { HistoryEntry } from '../history';

/** An explicit file name would replace the content behind a live link; the caller must confirm
 * (the app asks, the CLI wants --overwrite) and enqueue again with overwrite: true. */
export class NameCollisionError extends Error {
  readonly existing: HistoryEntry;

  constructor(existing: HistoryEntry) {
    super(
      `"${existing.filePath}" already holds a live upload (history entry ${existing.id}, link ${existing.downloadUrl}). ` +
        'Uploading under the same name would make that link serve the new file; confirm to overwrite it, or choose another name.',
    );
    this.name = 'NameCollisionError';
    this.existing = existing;
  }
}
