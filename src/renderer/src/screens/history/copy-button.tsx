// Copy as a split button: the main half copies in the user's preferred format, the arrow offers the others.
import type { HistoryEntry } from '../../../../shared/domain';
import type { LinkFormat } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { MenuButton } from '../../components/menu-button';
import { useT } from '../../i18n/i18n-context';

export interface CopyButtonProps {
  entry: HistoryEntry;
  preferred: LinkFormat;
  onCopy: (entry: HistoryEntry, format: LinkFormat) => void;
  /** -1 while the row is not the list's active one (see VirtualList). */
  tabIndex: number;
  /** "Check link" at the end of the menu: asks the link's host now whether it still serves the file. */
  onCheck?: (entry: HistoryEntry) => void;
  /** "Save a copy…": downloads the link to a place chosen in a save dialog (live links only). */
  onSaveCopy?: (entry: HistoryEntry) => void;
  /** "Show QR code": the link as a code to scan with a phone. */
  onShowQr?: (entry: HistoryEntry) => void;
}

const MENU_FORMATS: readonly LinkFormat[] = ['url', 'markdown', 'html', 'bbcode'];

export function CopyButton({
  entry,
  preferred,
  onCopy,
  tabIndex,
  onCheck,
  onSaveCopy,
  onShowQr,
}: CopyButtonProps) {
  const t = useT();
  return (
    <div className="split-button">
      <button
        type="button"
        className="button button-small split-main"
        tabIndex={tabIndex}
        aria-label={t('history.action.copyNamed', { name: entry.fileName })}
        title={t('history.action.copyAs', { format: t(`copyFormat.${preferred}`) })}
        onClick={() => onCopy(entry, preferred)}
      >
        <Icon name="copy" size={14} />
        {t('history.action.copy')}
      </button>
      <MenuButton
        className="button button-small split-toggle"
        label={t('history.action.copyMenu', { name: entry.fileName })}
        title={t('history.action.copyMenuShort')}
        tabIndex={tabIndex}
        items={[
          ...MENU_FORMATS.map((format) => ({
            id: format,
            label: t(`copyFormat.${format}`),
            onSelect: () => onCopy(entry, format),
          })),
          ...(onCheck ? [{ id: 'check', label: t('health.checkLink'), onSelect: () => onCheck(entry) }] : []),
          ...(onShowQr ? [{ id: 'qr', label: t('qr.show'), onSelect: () => onShowQr(entry) }] : []),
          // A replaced link serves another upload's bytes: saving it would not save this entry.
          ...(onSaveCopy && entry.replacedBy === null
            ? [{ id: 'save-copy', label: t('history.action.saveCopy'), onSelect: () => onSaveCopy(entry) }]
            : []),
        ]}
      >
        <Icon name="chevronDown" size={14} />
      </MenuButton>
    </div>
  );
}
