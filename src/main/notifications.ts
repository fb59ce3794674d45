// Native notifications when uploads finish or fail (if the setting is on). Jobs that finish close
// together are told in one notification, so a batch of 50 files does not raise 50 of them. Shares and
// clipboard uploads summarize their own batch, so their jobs are left out here. Clicking one brings
// the window forward and, for a single upload, shows its history entry.
import type { AppService } from './core/app-service';
import type { JobSnapshot } from '../shared/ipc-contract';
import { showNotice } from './desktop-notify';
import { mainTranslator } from './i18n';
import type { Language } from './i18n';
import { appLanguage } from './i18n/app-language';
import { jobErrorText } from './i18n/error-text';

const GATHER_MS = 1500;

/** The notice for jobs that finished together, in the person's language (a failure's reason by its code). */
export function describeFinished(jobs: JobSnapshot[], language: Language): { title: string; body: string } {
  const t = mainTranslator(language);
  const failed = jobs.filter((j) => j.status === 'failed');
  const done = jobs.filter((j) => j.status === 'done');
  const [only] = jobs;
  if (jobs.length === 1 && only) {
    return only.status === 'done'
      ? { title: t('notify.finished.title'), body: t('notify.finished.body', { name: only.fileName }) }
      : {
          title: t('notify.failed.title'),
          body: t('notify.failed.body', {
            name: only.fileName,
            reason: jobErrorText(language, only) ?? t('notify.failed.noReason'),
          }),
        };
  }
  if (failed.length > 0) {
    return {
      title: t('notify.manyFailed.title', { failed: failed.length, total: jobs.length }),
      body: t('notify.manyFailed.body'),
    };
  }
  return {
    title: t('notify.manyFinished.title', { count: done.length }),
    body: t('notify.manyFinished.body'),
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
    const settings = service.settings.get();
    showNotice(describeFinished(jobs, appLanguage(settings)), settings, () => show(historyId));
  }

  service.engine.on('job', (job) => {
    if (job.status !== 'done' && job.status !== 'failed') return;
    if (service.batches.has(job.batchId)) return;
    gathered.push(job);
    timer ??= setTimeout(flush, GATHER_MS);
  });
}
