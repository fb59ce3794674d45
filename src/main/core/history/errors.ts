// A job may produce at most one history entry; the database enforces it and this says so plainly.

export class DuplicateHistoryEntryError extends Error {
  readonly jobId: number;

  constructor(jobId: number, options?: { cause?: unknown }) {
    super(`Upload job ${jobId} already has a history entry; an upload is recorded only once.`, options);
    this.name = 'DuplicateHistoryEntryError';
    this.jobId = jobId;
  }
}
