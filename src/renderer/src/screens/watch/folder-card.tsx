// One watched folder: where it is and where its files go, its status, how many files are waiting, the
// newest upload (with its link to copy), the latest problem, a notice when it is polled because the
// system's watch limit was hit, and its actions and settings.
import { useId, useState } from 'react';
import type { IpcResult, WatchFolderPatch, WatchFolderStatus } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { IconButton } from '../../components/icon-button';
import { formatUploadedAt } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';
import { FolderSettings } from './folder-settings';
import { FolderStatusChip } from './folder-status-chip';
import { folderName } from '../../../../shared/watch-format';

/** The command that raises Linux's watch limit; the same in every language. */
const INOTIFY_FIX = 'sudo sysctl fs.inotify.max_user_watches=524288';

export interface FolderCardProps {
  folder: WatchFolderStatus;
  now: number;
  onPause: (folder: WatchFolderStatus) => void;
  onResume: (folder: WatchFolderStatus) => void;
  onRemove: (folder: WatchFolderStatus) => void;
  onCopyLink: (historyId: number, fileName: string) => void;
  onUpdate: (id: number, patch: WatchFolderPatch) => Promise<IpcResult<WatchFolderStatus>>;
}

export function FolderCard({
  folder,
  now,
  onPause,
  onResume,
  onRemove,
  onCopyLink,
  onUpdate,
}: FolderCardProps) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const settingsId = useId();
  const name = folderName(folder.path);
  // Paused for this folder (saved): its own Resume. Paused by "Pause all": the banner resumes all.
  const ownPause = !folder.enabled;
  const last = folder.lastUpload;
  const lastAt = last
    ? last.uploadedAt
    : folder.lastUploadAt === null
      ? null
      : new Date(folder.lastUploadAt).toISOString();
  const waitingText =
    folder.waiting === 0
      ? t('watch.waitingNone')
      : t(folder.waiting === 1 ? 'watch.waitingOne' : 'watch.waitingCount', { count: folder.waiting });

  return (
    <li
      className={`panel watch-card watch-card-${folder.state}`}
      aria-labelledby={titleId}
      data-testid="watch-folder"
      data-state={folder.state}
    >
      <div className="watch-card-head">
        <span className="watch-card-icon" aria-hidden="true">
          <Icon name="folderWatch" size={20} />
        </span>
        <div className="watch-card-title">
          <h3 id={titleId} className="watch-name" title={folder.path}>
            {name}
          </h3>
          <p className="watch-route">
            <span className="mono watch-path" title={folder.path}>
              {folder.displayPath}
            </span>
            <span className="watch-arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden">{t('watch.uploadsTo')}</span>
            <span className="mono watch-target">{folder.uploadPath}/</span>
          </p>
        </div>
        <FolderStatusChip state={folder.state} />
        <div className="watch-card-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={t(ownPause ? 'watch.resumeNamed' : 'watch.pauseNamed', { name })}
            onClick={() => (ownPause ? onResume(folder) : onPause(folder))}
          >
            <Icon name={ownPause ? 'play' : 'pause'} size={14} />
            {t(ownPause ? 'watch.resume' : 'watch.pause')}
          </button>
          <IconButton
            icon="sliders"
            className={open ? 'icon-button-on' : undefined}
            label={t('watch.settingsNamed', { name })}
            title={t('watch.settings')}
            aria-expanded={open}
            aria-controls={settingsId}
            onClick={() => setOpen((o) => !o)}
          />
          <IconButton
            icon="trash"
            className="icon-button-danger"
            label={t('watch.removeNamed', { name })}
            title={t('watch.remove')}
            onClick={() => onRemove(folder)}
          />
        </div>
      </div>

      {folder.reason && folder.state !== 'watching' ? (
        <p className={`watch-reason watch-reason-${folder.state}`} data-testid="watch-reason">
          <Icon name={folder.state === 'unavailable' ? 'alert' : 'info'} size={14} />
          {translateError({ ...folder.reasonCode, message: folder.reason }, t)}
        </p>
      ) : null}

      {folder.notice ? (
        <div className="watch-reason watch-reason-notice" role="status" data-testid="watch-notice">
          <Icon name="alert" size={14} />
          <div>
            <p>{t(`watch.notice.${folder.notice.code}`)}</p>
            {folder.notice.code === 'WATCH_LIMIT' ? (
              <code className="mono watch-notice-fix">{INOTIFY_FIX}</code>
            ) : null}
          </div>
        </div>
      ) : null}

      <dl className="watch-facts">
        <div className="watch-fact">
          <dt>{t('watch.waiting')}</dt>
          <dd data-testid="watch-waiting">{waitingText}</dd>
        </div>
        <div className="watch-fact watch-fact-wide">
          <dt>{t('watch.lastUpload')}</dt>
          <dd data-testid="watch-last-upload">
            {lastAt === null ? (
              <span className="watch-none">{t('watch.lastUploadNone')}</span>
            ) : (
              <>
                {last ? <span className="watch-last-name">{last.fileName}</span> : null}
                <span className="watch-last-time">
                  {formatUploadedAt(lastAt, new Date(now), language, t)}
                </span>
                {last ? (
                  <button
                    type="button"
                    className="button button-small button-ghost watch-copy"
                    aria-label={t('watch.copyLinkNamed', { name: last.fileName })}
                    onClick={() => onCopyLink(last.historyId, last.fileName)}
                  >
                    <Icon name="copy" size={14} />
                    {t('watch.copyLink')}
                  </button>
                ) : null}
              </>
            )}
          </dd>
        </div>
        {folder.lastError ? (
          <div className="watch-fact watch-fact-error">
            <dt>{t('watch.lastError')}</dt>
            <dd className="text-danger" data-testid="watch-last-error">
              {translateError({ ...folder.lastErrorCode, message: folder.lastError }, t)}
            </dd>
          </div>
        ) : null}
      </dl>

      {open ? <FolderSettings id={settingsId} folder={folder} onUpdate={onUpdate} /> : null}
    </li>
  );
}
