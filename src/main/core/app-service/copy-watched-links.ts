// "Copy the link when each upload finishes" for the watched folders that ask for it (Upload my
// screenshots): take a screenshot, paste its link. Each file's link is copied on its own as soon as its
// upload is done, whatever the window's "copy on upload" setting says, since this folder asked for it.
// The window hears "copied" only once the write went through.
import type { Engine } from '../engine';
import { formatLinks } from '../links';
import type { SettingsStore } from '../settings';
import type { WatchService } from '../watch';
import type { ClipboardAdapter } from './types';

export interface CopyWatchedLinks {
  dispose(): void;
}

export function createCopyWatchedLinks(
  engine: Pick<Engine, 'on' | 'queue' | 'history'>,
  watch: Pick<WatchService, 'on' | 'get'>,
  settings: Pick<SettingsStore, 'get'>,
  clipboard: ClipboardAdapter,
  onCopyFailed: (message: string) => void,
  onCopied: (copied: { count: number; name: string | null }, historyIds: number[]) => void,
): CopyWatchedLinks {
  /** Jobs from folders that copy their links, not yet finished. */
  const waiting = new Set<number>();

  function copy(historyId: number): void {
    const entry = engine.history.get(historyId);
    if (entry === undefined) return;
    const { copyFormat, customCopyTemplate } = settings.get();
    Promise.resolve()
      .then(() => clipboard.writeText(formatLinks([entry], copyFormat, customCopyTemplate)))
      .then(
        () => onCopied({ count: 1, name: entry.fileName }, [entry.id]),
        (err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          onCopyFailed(`The link of ${entry.fileName} was not copied: ${why} It is in your history.`);
        },
      );
  }

  function settle(jobId: number, status: string, historyId: number | null): void {
    if (!waiting.has(jobId)) return;
    if (status === 'done' && historyId !== null) {
      waiting.delete(jobId);
      copy(historyId);
    } else if (status === 'failed' || status === 'cancelled') {
      waiting.delete(jobId);
    }
  }

  const offJob = engine.on('job', (job) => settle(job.id, job.status, job.historyId));
  const offEnqueued = watch.on('enqueued', (item) => {
    const folder = watch.get(item.folderId);
    if (folder === undefined || !settings.get().copyLinkFolders.includes(folder.path)) return;
    waiting.add(item.jobId);
    // A small file may have finished before the watch service said it queued it.
    const job = engine.queue.get(item.jobId);
    if (job) settle(job.id, job.status, job.historyId);
  });
  return {
    dispose() {
      offJob();
      offEnqueued();
    },
  };
}
