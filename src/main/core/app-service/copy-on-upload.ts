// "Copy the link as soon as an upload finishes": for a batch, once every job of it has finished, all of
// its links go to the clipboard at once (one per line), so the last file does not overwrite the others.
// The window is told only once the write went through: "link copied" is never said ahead of the fact.
import type { Engine } from '../engine';
import type { SettingsStore } from '../settings';
import type { JobSnapshot } from '../../../shared/ipc-contract';
import { formatLinks } from '../links';
import type { ClipboardAdapter } from './types';

interface Batch {
  pending: Set<number>;
  done: Map<number, number>;
}

export interface CopyOnUpload {
  track(batchId: string, jobIds: number[]): void;
  dispose(): void;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

export function createCopyOnUpload(
  engine: Pick<Engine, 'on' | 'queue' | 'history'>,
  settings: Pick<SettingsStore, 'get'>,
  clipboard: ClipboardAdapter,
  /** Told when the links did not reach the clipboard, so the user is never left believing they did. */
  /** `count`: how many links were not copied (the window says it in the person's language). */
  onCopyFailed: (message: string, count: number) => void = () => undefined,
  /** Told once the links are on the clipboard: how many, the file's name when there was one, and the
   * history entries copied (their expiry reminders follow). */
  onCopied: (copied: { count: number; name: string | null }, historyIds: number[]) => void = () => undefined,
): CopyOnUpload {
  const batches = new Map<string, Batch>();

  function settle(batchId: string, batch: Batch): void {
    if (batch.pending.size > 0) return;
    batches.delete(batchId);
    const { copyOnUpload, copyFormat, customCopyTemplate } = settings.get();
    if (!copyOnUpload || batch.done.size === 0) return;
    const entries = [...batch.done.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, historyId]) => engine.history.get(historyId) ?? []);
    if (entries.length === 0) return;
    const links = entries.length === 1 ? 'The link was' : `The ${entries.length} links were`;
    const copied = {
      count: entries.length,
      name: entries.length === 1 ? (entries[0]?.fileName ?? null) : null,
    };
    Promise.resolve()
      .then(() => clipboard.writeText(formatLinks(entries, copyFormat, customCopyTemplate)))
      .then(
        () =>
          onCopied(
            copied,
            entries.map((e) => e.id),
          ),
        (err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          onCopyFailed(`${links} not copied: ${why} They are in your history.`, entries.length);
        },
      );
  }

  function observe(job: JobSnapshot): void {
    if (job.batchId === null) return;
    const batch = batches.get(job.batchId);
    if (!batch || !batch.pending.has(job.id) || !FINISHED.has(job.status)) return;
    batch.pending.delete(job.id);
    if (job.status === 'done' && job.historyId !== null) batch.done.set(job.id, job.historyId);
    settle(job.batchId, batch);
  }

  const off = engine.on('job', observe);
  return {
    track(batchId, jobIds) {
      const batch: Batch = { pending: new Set(jobIds), done: new Map() };
      batches.set(batchId, batch);
      // A tiny file may have finished before the caller got its job ids back.
      for (const id of jobIds) {
        const job = engine.queue.get(id);
        if (job) observe(job);
      }
    },
    dispose: off,
  };
}
