// One file in the upload list: its preview, name, size, progress, the expiry of its link once it is up,
// and the actions that fit its state (Retry only where trying again can help).
import type { DragEvent } from 'react';
import type { JobSnapshot } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { FILE_KIND_ICON } from '../../components/file-kind-icon';
import { Icon } from '../../components/icon';
import { IconButton } from '../../components/icon-button';
import { ProgressBar } from '../../components/progress-bar';
import { fileKindOf } from '../../format/file-kind';
import { imageNoteText } from '../../format/image-note';
import { useDragCue } from '../../hooks/use-drag-cue';
import { useNow } from '../../hooks/use-now';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import type { HistoryItem } from '../../state/history-item';
import { canRetry, jobDisplayName } from '../../state/job-list';
import { ExpiryBadge } from '../history/expiry-badge';
import { rowStatus } from '../history/row-status';
import { Thumbnail } from '../history/thumbnail';
import { useFilePresent } from '../history/use-file-present';
import { JobStatus, jobSizeText } from './job-status';
import { translateError } from '../../i18n/translate-error';

const HOUR_MS = 60 * 60 * 1000;

function LinkExpiry({ item }: { item: HistoryItem }) {
  const { settings } = useSettings();
  const now = useNow(60_000);
  const { status, msLeft } = rowStatus(item, now, settings.expiringSoonHours * HOUR_MS);
  return <ExpiryBadge status={status} msLeft={msLeft} />;
}

export interface JobRowProps {
  job: JobSnapshot;
  link: string | null;
  /** The history entry the finished upload made, when the window heard of it. */
  entry?: HistoryItem | null;
  onDismiss?: (id: number) => void;
  /** The list is on screen (its screen may be hidden while another is shown). */
  visible?: boolean;
}

export function JobRow({ job, link, entry = null, onDismiss, visible = true }: JobRowProps) {
  const t = useT();
  const announce = useAnnounce();
  const { settings } = useSettings();
  const name = jobDisplayName(job);
  const size = jobSizeText(job);
  const active = job.status === 'queued' || job.status === 'uploading';
  const processing = job.status === 'uploading' && job.phase === 'processing';
  const sent = job.progress && job.progress.total > 0 ? (job.progress.sent / job.progress.total) * 100 : 0;

  const report = (res: { ok: boolean; error?: { message: string } }, success: string) => {
    if (res.ok) announce(success);
    else announce(res.error ? translateError(res.error, t) : t('common.failed'), 'error');
  };

  // Drag out, as from a History row: the local file while it is there, otherwise the live link.
  const done = job.status === 'done' ? (entry?.entry ?? null) : null;
  const doneNote = done === null ? null : imageNoteText(done.image, t);
  const filePresent = useFilePresent(done, visible);
  const expired =
    entry !== null && rowStatus(entry, Date.now(), settings.expiringSoonHours * HOUR_MS).status === 'expired';
  const dragLink = done !== null && link !== null && !expired ? link : null;
  const { cue, startCue } = useDragCue();
  const onDragStart = (event: DragEvent): void => {
    if (done === null) return;
    if (filePresent === true) {
      event.preventDefault();
      startCue('file');
      void settle(api.historyStartDrag(done.id)).then((res) => {
        if (!res.ok) announce(translateError(res.error, t), 'error');
      });
      return;
    }
    if (dragLink === null) {
      event.preventDefault();
      return;
    }
    event.dataTransfer.setData('text/uri-list', dragLink);
    event.dataTransfer.setData('text/plain', dragLink);
    event.dataTransfer.effectAllowed = 'copy';
    startCue('link');
  };

  const copy = async () => {
    if (job.historyId === null) return;
    const res = await settle(api.historyCopyLink([job.historyId], settings.copyFormat));
    report(res, t('announce.copied', { name }));
  };

  return (
    <li
      className={`job job-${job.status}${processing ? ' job-processing' : ''}`}
      data-testid="job-row"
      data-status={job.status}
      aria-label={name}
      data-dragging={cue ?? undefined}
      draggable={filePresent === true || dragLink !== null}
      onDragStart={onDragStart}
    >
      {job.status === 'done' && entry ? (
        <div className="job-thumb" aria-hidden="true">
          <Thumbnail entry={entry.entry} />
        </div>
      ) : (
        <div className="job-icon" aria-hidden="true">
          <Icon
            name={
              job.status === 'done'
                ? 'check'
                : job.status === 'failed'
                  ? 'alert'
                  : job.method === 'url'
                    ? 'link'
                    : FILE_KIND_ICON[fileKindOf(null, name)]
            }
            size={18}
          />
        </div>
      )}
      <div className="job-main">
        <div className="job-title">
          <span className="job-name" title={job.localPath ?? job.sourceUrl ?? name}>
            {name}
          </span>
          {size ? <span className="job-size">{size}</span> : null}
          {job.status === 'done' && entry ? <LinkExpiry item={entry} /> : null}
        </div>
        {cue ? (
          <span className="pill pill-drag job-drag-cue" role="status">
            {t(cue === 'file' ? 'drag.cue.file' : 'drag.cue.link')}
          </span>
        ) : null}
        <JobStatus job={job} link={link} />
        {doneNote !== null ? (
          // Why an optimised picture went up unchanged, as its History row says it.
          <span className="job-status job-status-muted" data-testid="job-image-note">
            {doneNote}
          </span>
        ) : null}
        {job.status === 'uploading' || job.phase === 'retrying' ? (
          <ProgressBar
            label={t('job.progressLabel', { name })}
            value={processing ? 100 : sent}
            valueText={processing ? t('job.processing') : undefined}
            indeterminate={processing || (job.status === 'uploading' && !job.progress)}
            tone={job.phase === 'retrying' ? 'muted' : 'accent'}
          />
        ) : null}
      </div>
      <div className="job-actions">
        {active ? (
          <IconButton
            icon="close"
            label={t('job.cancel', { name })}
            title={t('job.cancelShort')}
            onClick={() =>
              void settle(api.jobsCancel(job.id)).then((res) =>
                report(res, t('announce.cancelled', { name })),
              )
            }
          />
        ) : null}
        {job.status === 'done' && job.historyId !== null ? (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => void copy()}
              aria-label={t('job.copy', { name })}
              title={t('job.copyShort')}
            >
              <Icon name="copy" size={15} />
              <span className="job-copy-label">{t('job.copyShort')}</span>
            </button>
            <IconButton
              icon="open"
              label={t('job.open', { name })}
              title={t('history.action.open')}
              onClick={() => job.historyId !== null && void settle(api.historyOpenLink(job.historyId))}
            />
          </>
        ) : null}
        {canRetry(job) ? (
          <button
            type="button"
            className="button button-small"
            aria-label={t('job.retry', { name })}
            onClick={() =>
              void settle(api.jobsRetry([job.id])).then((res) =>
                report(res, t('announce.retrying', { name })),
              )
            }
          >
            <Icon name="renew" size={15} />
            {t('job.retryShort')}
          </button>
        ) : null}
        {(job.status === 'failed' || job.status === 'cancelled') && onDismiss ? (
          <IconButton
            icon="close"
            label={t('job.dismiss', { name })}
            title={t('job.dismissShort')}
            onClick={() => onDismiss(job.id)}
          />
        ) : null}
      </div>
    </li>
  );
}
