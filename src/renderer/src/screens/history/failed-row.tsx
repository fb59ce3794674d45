// A failed upload under the Failed chip: what it was, why it failed, and a Retry.
import type { FailedJob } from '../../../../shared/domain';
import { Icon } from '../../components/icon';
import { formatUploadedAt } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { translateJobError } from '../../i18n/translate-error';

export interface FailedRowProps {
  job: FailedJob;
  now: number;
  onRetry: (job: FailedJob) => void;
  /** False while the row is not the list's active one: its button then stays out of the Tab order. */
  tabbable: boolean;
}

export function FailedRow({ job, now, onRetry, tabbable }: FailedRowProps) {
  const { t, language } = useI18n();
  const when =
    job.finishedAt === null
      ? null
      : formatUploadedAt(new Date(job.finishedAt).toISOString(), new Date(now), language, t);
  return (
    <div className="history-row failed-row" data-testid="failed-row">
      <div className="thumb thumb-placeholder thumb-failed" aria-hidden="true">
        <Icon name="alert" size={18} />
      </div>
      <div className="history-main">
        <div className="history-title">
          <span className="history-name" title={job.localPath ?? job.sourceUrl ?? job.fileName}>
            {job.fileName}
          </span>
        </div>
        <div className="history-meta failed-reason">{translateJobError(job, t)}</div>
      </div>
      <span className="failed-facts">
        {t(job.attempts === 1 ? 'failed.attemptsOne' : 'failed.attempts', { count: job.attempts })}
        {when ? ` · ${when}` : ''}
      </span>
      <div className="history-actions">
        <button
          type="button"
          className="button button-small"
          tabIndex={tabbable ? 0 : -1}
          aria-label={t('job.retry', { name: job.fileName })}
          onClick={() => onRetry(job)}
        >
          <Icon name="renew" size={14} />
          {t('job.retryShort')}
        </button>
      </div>
    </div>
  );
}
