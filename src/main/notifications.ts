// Native notifications when uploads finish or fail (if the setting is on). Jobs that finish close
// together are told in one notification, so a batch of 50 files does not raise 50 of them. Shares and
// clipboard uploads summarize their own batch, so their jobs are left out here. Clicking one brings
// the window forward and, for a single upload, shows its history entry.
import type { AppService } from './core/app-service';
import type { JobSnapshot } from '../shared/ipc-contract';
import { showNotice } from './desktop-notify';

const GATHER_MS = 1500;

function describe(jobs: JobSnapshot[]): { title: string; body: string } {
  const failed = jobs.filter((j) => j.status === 'failed');
  const done = jobs.filter((j) => j.status === 'done');
  const [only] = jobs;
  if (jobs.length === 1 && only) {
    return only.status === 'done'
      ? { title: 'Upload finished', body: `${only.fileName} is uploaded; its link is in your history.` }
      : {
          title: 'Upload failed',
          body: `${only.fileName}: ${only.lastError ?? 'the upload did not succeed.'}`,
        };
  }
  const title =
    failed.length > 0
      ? `${failed.length} of ${jobs.length} uploads failed`
      : `${done.length} uploads finished`;
  return {
    title,
    body:
      failed.length > 0
        ? 'Open KieDrop to see what went wrong and retry.'
        : 'Their links are in your history.',
  };
}

export function setupNotifications(service: AppService, show: (historyId: number | null) => void): void {
  let gathered: JobSnapshot[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    timer = undefined;
    const jobs = gathered;
    gathered = [];
    if (jobs.length === 0) return;
    const [only] = jobs;
    const historyId = jobs.length === 1 && only ? only.historyId : null;
    showNotice(describe(jobs), service.settings.get(), () => show(historyId));
  }

  service.engine.on('job', (job) => {
    if (job.status !== 'done' && job.status !== 'failed') return;
    if (service.batches.has(job.batchId)) return;
    gathered.push(job);
    timer ??= setTimeout(flush, GATHER_MS);
  });
}
