// The uploads panel: overall progress for what is on screen, queue controls, and a row per file.
import type { JobSnapshot, PauseInfo } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { Icon } from '../../components/icon';
import { ProgressBar } from '../../components/progress-bar';
import { formatBytes, formatRate } from '../../format/bytes';
import { formatEta } from '../../format/duration';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import type { HistoryItem } from '../../state/history-item';
import { batchProgress, batchTone, canRetry } from '../../state/job-list';
import type { BatchProgress } from '../../state/job-list';
import { JobRow } from './job-row';
import { translateError } from '../../i18n/translate-error';

export interface JobListProps {
  jobs: JobSnapshot[];
  /** Progress over every row of the list, also those beyond the ones shown. Default: over `jobs`. */
  batch?: BatchProgress;
  linkFor: (job: JobSnapshot) => string | null;
  entryFor?: (job: JobSnapshot) => HistoryItem | null;
  paused: PauseInfo | null;
  onClearFinished: () => void;
  onDismiss?: (id: number) => void;
  /** The list is on screen; a hidden list's rows look at their files again when it comes back. */
  visible?: boolean;
}

/** History ids of the finished files of the newest batch (the rows at the top), in the order given. */
function newestBatchLinks(jobs: readonly JobSnapshot[]): number[] {
  const first = jobs[0];
  if (!first) return [];
  const batch = first.batchId;
  return jobs
    .filter((j) => (batch === null ? j.id === first.id : j.batchId === batch))
    .flatMap((j) => (j.status === 'done' && j.historyId !== null ? [j.historyId] : []));
}

export function JobList({
  jobs,
  batch: all,
  linkFor,
  entryFor,
  paused,
  onClearFinished,
  onDismiss,
  visible = true,
}: JobListProps) {
  const t = useT();
  const announce = useAnnounce();
  const { settings } = useSettings();
  const batch = all ?? batchProgress(jobs);
  const finished = jobs.some((j) => j.status === 'done' || j.status === 'failed' || j.status === 'cancelled');

  // Done, failed and still to go, always in words next to the bar, so the bar never stands alone.
  const summary = [
    t('upload.summary.done', { done: batch.done, count: batch.count }),
    batch.failed > 0 ? t('upload.summary.failed', { failed: batch.failed }) : null,
    t('upload.summary.left', { left: batch.running }),
    batch.totalBytes > 0
      ? t('upload.summary.bytes', {
          sent: formatBytes(batch.sentBytes),
          total: formatBytes(batch.totalBytes),
        })
      : null,
    batch.rate > 0 ? formatRate(batch.rate) : null,
    batch.running > 0 ? formatEta(batch.etaMs, t) : null,
  ].filter(Boolean);
  const retryable = jobs.filter(canRetry).map((j) => j.id);
  const batchLinks = newestBatchLinks(jobs);

  const copyAll = async () => {
    const res = await settle(api.historyCopyLink(batchLinks, settings.copyFormat));
    if (res.ok) announce(t('announce.copiedAll', { count: batchLinks.length }));
    else announce(translateError(res.error, t), 'error');
  };

  const retryAll = async () => {
    const res = await settle(api.jobsRetry(retryable));
    if (res.ok) announce(t('announce.retryingAll', { count: res.value }), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const togglePause = async () => {
    const res = await settle(paused ? api.queueResume() : api.queuePause());
    if (!res.ok) announce(translateError(res.error, t), 'error');
  };
  const cancelAll = async () => {
    const res = await settle(api.jobsCancelAll());
    if (res.ok)
      announce(
        t(res.value === 1 ? 'announce.cancelledAllOne' : 'announce.cancelledAll', { count: res.value }),
        'info',
      );
    else announce(translateError(res.error, t), 'error');
  };

  return (
    <section className="panel uploads" aria-labelledby="uploads-title">
      <header className="panel-header">
        <div className="panel-heading">
          <h2 id="uploads-title" className="panel-title">
            {t('upload.list.title')}
          </h2>
          {paused ? (
            <span className="pill pill-warning" data-testid="queue-paused">
              <Icon name="pause" size={12} />
              {t('upload.paused')}
            </span>
          ) : null}
        </div>
        <div className="panel-actions">
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => void togglePause()}
            aria-pressed={paused !== null}
          >
            <Icon name={paused ? 'play' : 'pause'} size={14} />
            {paused ? t('upload.resume') : t('upload.pause')}
          </button>
          {batch.running > 0 ? (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => void cancelAll()}
            >
              <Icon name="close" size={14} />
              {t('upload.cancelAll')}
            </button>
          ) : null}
          {batchLinks.length > 1 ? (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => void copyAll()}
              title={t('upload.copyAllHint', { count: batchLinks.length })}
            >
              <Icon name="copy" size={14} />
              {t('upload.copyAll')}
            </button>
          ) : null}
          {retryable.length > 1 ? (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => void retryAll()}
            >
              <Icon name="renew" size={14} />
              {t('upload.retryAll')}
            </button>
          ) : null}
          {finished ? (
            <button type="button" className="button button-small button-ghost" onClick={onClearFinished}>
              <Icon name="broom" size={14} />
              {t('upload.clearFinished')}
            </button>
          ) : null}
        </div>
      </header>
      {batch.count > 0 ? (
        <div className="batch">
          <ProgressBar
            label={t('upload.overallLabel')}
            value={batch.percent}
            size="regular"
            tone={batchTone(batch)}
          />
          <div className="batch-line">
            <span className="batch-percent">{Math.floor(batch.percent)}%</span>
            <span className="batch-summary">{summary.join(' · ')}</span>
          </div>
        </div>
      ) : null}
      {jobs.length === 0 ? (
        <div className="empty">
          <div className="empty-art" aria-hidden="true">
            <Icon name="upload" size={26} />
          </div>
          <p className="empty-title">{t('upload.empty.title')}</p>
          <p className="empty-body">{t('upload.empty.body')}</p>
        </div>
      ) : (
        <ul className="job-list" aria-label={t('upload.list.title')}>
          {jobs.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              link={linkFor(job)}
              entry={entryFor?.(job) ?? null}
              onDismiss={onDismiss}
              visible={visible}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
