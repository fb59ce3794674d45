// Native notifications when uploads finish or fail (if the setting is on). Jobs that finish close
// together are told in one notification, so a batch of 50 files does not raise 50 of them. Clicking
// one brings the window forward and, for a single upload, shows its history entry.
import { Notification } from 'electron';
import type { AppService } from './core/app-service';
import type { JobSnapshot } from '../shared/ipc-contract';

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
    if (jobs.length === 0 || !service.settings.get().notifications || !Notification.isSupported()) return;
    const notification = new Notification(describe(jobs));
    const [only] = jobs;
    const historyId = jobs.length === 1 && only ? only.historyId : null;
    notification.on('click', () => show(historyId));
    notification.show();
  }

  service.engine.on('job', (job) => {
    if (job.status !== 'done' && job.status !== 'failed') return;
    gathered.push(job);
    timer ??= setTimeout(flush, GATHER_MS);
  });
}
