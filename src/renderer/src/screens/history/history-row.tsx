// One history entry: preview, name and facts, the live expiry pill, and its actions. A dead link offers
// Renew where Copy would be: copying it would only hand someone a link that no longer works.
import { memo } from 'react';
import type { MouseEvent } from 'react';
import type { ExpiryStatus, HistoryEntry } from '../../../../shared/domain';
import type { LinkFormat } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { IconButton } from '../../components/icon-button';
import { formatBytes } from '../../format/bytes';
import { formatUploadedAt } from '../../format/date';
import { imageNoteText } from '../../format/image-note';
import { formatLinkHealth } from '../../format/link-health';
import type { LocalLinkHealth } from '../../format/link-health';
import { useDragCue } from '../../hooks/use-drag-cue';
import { useI18n } from '../../i18n/i18n-context';
import { CopyButton } from './copy-button';
import { ExpiryBadge } from './expiry-badge';
import { pinStatusText } from './pin-status';
import type { LocalPin } from './pin-status';
import { Thumbnail } from './thumbnail';
import { useFilePresent } from './use-file-present';
import type { RowActions } from './use-history-actions';

export interface HistoryRowProps {
  entry: HistoryEntry;
  status: ExpiryStatus;
  msLeft: number;
  /** The last check of the link, or null when never checked. */
  health: LocalLinkHealth | null;
  /** Its host said the link is gone before its expiry: the row is dead (status is then 'expired'). */
  gone: boolean;
  /** The entry's pin, or null when it was never pinned. */
  pin: LocalPin | null;
  now: number;
  preferredFormat: LinkFormat;
  actions: RowActions;
  /** While the list scrolls fast, the actions are drawn as an empty slot of the same width. */
  lite?: boolean;
  /** False unless this is the list's active row: its buttons then stay out of the Tab order. */
  tabbable: boolean;
  index: number;
  selected: boolean;
  /** A click on the row's body (not its buttons): select it, or add it / a range with Ctrl/Cmd or Shift. */
  onPick: (entry: HistoryEntry, index: number, event: MouseEvent) => void;
}

// Memoized: while the list scrolls only rows that come into view render; the rest keep their DOM.
export const HistoryRow = memo(function HistoryRow({
  entry,
  status,
  msLeft,
  health,
  gone,
  pin,
  now,
  preferredFormat,
  actions,
  lite,
  tabbable,
  index,
  selected,
  onPick,
}: HistoryRowProps) {
  const { t, language } = useI18n();
  const name = entry.fileName;
  const imageNote = imageNoteText(entry.image, t);
  const expired = status === 'expired';
  const tabIndex = tabbable ? 0 : -1;
  const renewLabel = t('history.action.renewNamed', { name });
  const filePresent = useFilePresent(entry);
  const fileGone = filePresent === false;
  const { cue, startCue } = useDragCue();
  const pinned = pin?.pinned === true;
  const pinText = pinStatusText(pin, now, t);
  return (
    <div
      className="history-row"
      data-testid="history-row"
      data-status={status}
      data-gone={gone || undefined}
      data-selected={selected || undefined}
      data-dragging={cue ?? undefined}
      // Drag out into another app: the local file while it is there (an OS file drag, started by the
      // main process), otherwise the link as a URL and as text. A dead link is not handed out.
      draggable={fileGone || filePresent === true || !expired}
      onDragStart={(event) => {
        if (filePresent === true) {
          event.preventDefault();
          startCue('file');
          void actions.dragFile(entry);
          return;
        }
        if (expired) {
          event.preventDefault();
          return;
        }
        event.dataTransfer.setData('text/uri-list', entry.downloadUrl);
        event.dataTransfer.setData('text/plain', entry.downloadUrl);
        event.dataTransfer.effectAllowed = 'copy';
        startCue('link');
      }}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest('button, a, input, [role="menu"]')) return;
        onPick(entry, index, event);
      }}
    >
      <Thumbnail entry={entry} />
      <div className="history-main">
        <div className="history-title">
          <span className="history-name" title={entry.filePath}>
            {name}
          </span>
          {status === 'replaced' ? <span className="pill pill-replaced">{t('history.replaced')}</span> : null}
          {pinned ? (
            <span className="pill pill-pinned" data-testid="pinned-marker">
              {t('history.pinned')}
            </span>
          ) : null}
          {entry.renewOf !== null ? <span className="pill pill-muted">{t('history.renewed')}</span> : null}
          {entry.source === 'editor' ? (
            // The only source labelled: an editor uploads without the person dropping anything, so
            // its entries would otherwise look like uploads nobody remembers making.
            <span
              className="pill pill-muted"
              data-testid="source-editor"
              title={t('history.source.editorHint')}
            >
              {t('history.source.editor')}
            </span>
          ) : null}
          {cue ? (
            <span className="pill pill-drag" role="status">
              {t(cue === 'file' ? 'drag.cue.file' : 'drag.cue.link')}
            </span>
          ) : null}
        </div>
        <div className="history-meta">
          {entry.image && entry.image.uploadedSize !== entry.image.originalSize ? (
            // An optimised picture: what it was and what went up ("2.4 MB → 310 KB").
            <span data-testid="image-saving">
              {formatBytes(entry.image.originalSize)} → {formatBytes(entry.image.uploadedSize)}
            </span>
          ) : (
            <span>{formatBytes(entry.size)}</span>
          )}
          {imageNote !== null ? (
            <>
              <span aria-hidden="true">·</span>
              <span className="history-image-note" data-testid="image-note">
                {imageNote}
              </span>
            </>
          ) : null}
          <span aria-hidden="true">·</span>
          <span>{formatUploadedAt(entry.uploadedAt, new Date(now), language, t)}</span>
          <span aria-hidden="true">·</span>
          {health ? (
            <>
              <span
                className={`history-health health-${health.state}`}
                data-testid="link-health"
                data-state={health.state}
              >
                {formatLinkHealth(health, Math.max(now, health.checkedAt), language, t)}
              </span>
              <span aria-hidden="true">·</span>
            </>
          ) : null}
          {pinText !== null ? (
            <>
              <span className="history-keepalive" data-testid="keepalive-status">
                {pinText}
              </span>
              <span aria-hidden="true">·</span>
            </>
          ) : null}
          <span className="mono history-path" title={entry.downloadUrl}>
            {entry.uploadPath}/
          </span>
        </div>
      </div>
      <ExpiryBadge status={status} msLeft={msLeft} gone={gone} />
      {lite ? (
        <div className="history-actions" aria-hidden="true" />
      ) : (
        <div className="history-actions">
          {expired ? (
            <button
              type="button"
              className="button button-small row-renew"
              tabIndex={tabIndex}
              aria-label={renewLabel}
              title={t('history.action.renew')}
              onClick={() => void actions.renew(entry)}
            >
              <Icon name="renew" size={14} />
              {t('history.action.renewShort')}
            </button>
          ) : (
            <CopyButton
              entry={entry}
              preferred={preferredFormat}
              onCopy={(e, f) => void actions.copy(e, f)}
              onCheck={actions.check}
              onSaveCopy={(e) => void actions.saveCopy(e)}
              onShowQr={actions.showQr}
              tabIndex={tabIndex}
            />
          )}
          <IconButton
            icon="open"
            tabIndex={tabIndex}
            label={t('history.action.openNamed', { name })}
            title={t('history.action.open')}
            onClick={() => void actions.open(entry)}
            disabled={expired}
          />
          {entry.localPath ? (
            <IconButton
              icon="folder"
              tabIndex={tabIndex}
              label={
                fileGone
                  ? t('history.action.revealGoneNamed', { name })
                  : t('history.action.revealNamed', { name })
              }
              title={fileGone ? t('history.action.revealGone') : t('history.action.reveal')}
              disabled={fileGone}
              data-testid="reveal-file"
              onClick={() => void actions.reveal(entry)}
            />
          ) : (
            <span className="icon-button-spacer" aria-hidden="true" />
          )}
          {expired ? (
            <span className="icon-button-spacer" aria-hidden="true" />
          ) : (
            <IconButton
              icon="renew"
              tabIndex={tabIndex}
              label={renewLabel}
              title={t('history.action.renew')}
              onClick={() => void actions.renew(entry)}
            />
          )}
          <IconButton
            icon="pin"
            className={pinned ? 'icon-button-on' : undefined}
            tabIndex={tabIndex}
            label={t(pinned ? 'history.action.unpinNamed' : 'history.action.pinNamed', { name })}
            title={t(pinned ? 'history.action.unpin' : 'history.action.pin')}
            aria-pressed={pinned}
            data-testid="pin-toggle"
            onClick={() => actions.togglePin(entry, pinned)}
          />
          <IconButton
            icon="trash"
            className="icon-button-danger"
            tabIndex={tabIndex}
            label={t('history.action.deleteNamed', { name })}
            title={t('history.action.delete')}
            onClick={() => actions.askDelete(entry)}
          />
        </div>
      )}
    </div>
  );
});

export function HistoryRowPlaceholder() {
  return (
    <div className="history-row" aria-hidden="true">
      <div className="thumb skeleton" />
      <div className="history-main">
        <div className="skeleton skeleton-line" style={{ width: '38%' }} />
        <div className="skeleton skeleton-line skeleton-thin" style={{ width: '24%' }} />
      </div>
    </div>
  );
}
