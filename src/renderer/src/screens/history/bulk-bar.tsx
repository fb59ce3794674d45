// Shown while entries are selected: how many, and what can be done with all of them at once.
import type { LinkFormat } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';

export interface BulkBarProps {
  count: number;
  format: LinkFormat;
  onCopy: () => void;
  onRenew: () => void;
  /** Asks each selected link's host now whether it still serves the file. */
  onCheck: () => void;
  /** Pins every selected link (kept alive at the same address). */
  onPin: () => void;
  onDelete: () => void;
  onClear: () => void;
}

export function BulkBar({ count, format, onCopy, onRenew, onCheck, onPin, onDelete, onClear }: BulkBarProps) {
  const t = useT();
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('history.bulk.label')} data-testid="bulk-bar">
      <span className="bulk-count">
        {count === 1 ? t('history.bulk.selectedOne') : t('history.bulk.selected', { count })}
      </span>
      <button type="button" className="button button-small" onClick={onCopy}>
        <Icon name="copy" size={14} />
        {t('history.bulk.copy', { format: t(`copyFormat.${format}`) })}
      </button>
      <button type="button" className="button button-small" onClick={onRenew}>
        <Icon name="renew" size={14} />
        {t('history.bulk.renew')}
      </button>
      <button type="button" className="button button-small" onClick={onCheck}>
        <Icon name="globe" size={14} />
        {t('history.bulk.check')}
      </button>
      <button type="button" className="button button-small" onClick={onPin}>
        <Icon name="pin" size={14} />
        {t('history.bulk.pin')}
      </button>
      <button type="button" className="button button-small button-danger" onClick={onDelete}>
        <Icon name="trash" size={14} />
        {t('history.bulk.delete')}
      </button>
      <button type="button" className="button button-small button-ghost" onClick={onClear}>
        {t('history.bulk.clear')}
      </button>
    </div>
  );
}

export interface UndoBarProps {
  count: number;
  onUndo: () => void;
}

/** The Undo offer after a delete; also a live region, so the count is heard. */
export function UndoBar({ count, onUndo }: UndoBarProps) {
  const t = useT();
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{count === 1 ? t('history.bulk.deletedOne') : t('history.bulk.deleted', { count })}</span>
      <button type="button" className="button button-small" onClick={onUndo}>
        {t('history.bulk.undo')}
      </button>
    </div>
  );
}
