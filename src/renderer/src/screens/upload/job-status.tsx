// The one line under a file's name that says where it is: queued, 45 % at 2.3 MB/s, processing, retrying
// in 12 s, uploaded, or failed and why.
import type { JobSnapshot } from '../../../../shared/domain';
import { formatBytes, formatPercent, formatRate } from '../../format/bytes';
import { formatEta, formatRetryIn } from '../../format/duration';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/i18n-context';
import type { TFunction } from '../../i18n/messages';
import { translateJobError } from '../../i18n/translate-error';

function RetryCountdown({ at }: { at: number }) {
  const t = useT();
  const now = useNow(1000);
  return <>{formatRetryIn(at - now, t)}</>;
}

export function jobSizeText(job: JobSnapshot): string | null {
  const size = job.progress?.total ?? job.size;
  return size === null || size === undefined ? null : formatBytes(size);
}

/** The running-upload numbers: "45% · 2.3 MB/s · 12 s left". */
export function sendingText(job: JobSnapshot, t: TFunction): string {
  const p = job.progress;
  if (!p || p.total <= 0) return t('job.sending');
  const parts = [formatPercent(p.sent, p.total), `${formatBytes(p.sent)} / ${formatBytes(p.total)}`];
  if (p.rate > 0) parts.push(formatRate(p.rate));
  const eta = formatEta(p.etaMs, t);
  if (eta) parts.push(eta);
  return parts.join(' · ');
}

export function JobStatus({ job, link }: { job: JobSnapshot; link: string | null }) {
  const t = useT();
  if (job.status === 'queued') {
    if (job.phase === 'retrying' && job.nextAttemptAt !== null) {
      return (
        <span className="job-status job-status-warning">
          <RetryCountdown at={job.nextAttemptAt} />
          {job.lastError ? <span className="job-error-inline"> — {translateJobError(job, t)}</span> : null}
        </span>
      );
    }
    return <span className="job-status">{job.attempts > 0 ? t('job.queuedAgain') : t('job.queued')}</span>;
  }
  if (job.status === 'uploading') {
    if (job.phase === 'processing')
      return <span className="job-status job-status-accent">{t('job.processing')}</span>;
    if (job.phase === 'asking')
      return <span className="job-status job-status-warning">{t('job.askingLocation')}</span>;
    if (job.method === 'url' && !job.progress)
      return <span className="job-status">{t('job.fetchingUrl')}</span>;
    return <span className="job-status job-status-numbers">{sendingText(job, t)}</span>;
  }
  if (job.status === 'done') {
    return (
      <span className="job-status job-status-success">
        {t('job.done')}
        {link ? (
          <>
            {' · '}
            <span className="job-link mono" title={link}>
              {link}
            </span>
          </>
        ) : null}
      </span>
    );
  }
  if (job.status === 'failed') {
    return (
      <span className="job-status job-status-danger" data-testid="job-error">
        {translateJobError(job, t)}
      </span>
    );
  }
  return <span className="job-status job-status-muted">{t('job.cancelled')}</span>;
}
