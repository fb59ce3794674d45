// Every keyboard shortcut in one place, opened with "?" (and listed by what it does, in the system's
// spelling: ⌘ on macOS, Ctrl elsewhere).
import { Dialog } from './dialog';
import { useT } from '../i18n/i18n-context';
import { api } from '../api';
import { displayAccelerator } from '../format/shortcut-keys';

export interface ShortcutsSheetProps {
  /** The saved "Upload clipboard" shortcut, '' when it is off. */
  clipboardShortcut: string;
  onClose: () => void;
}

const ROWS = [
  { keys: 'CommandOrControl+1', what: 'shortcuts.upload' },
  { keys: 'CommandOrControl+2', what: 'shortcuts.history' },
  { keys: 'CommandOrControl+3', what: 'shortcuts.watch' },
  { keys: 'CommandOrControl+4', what: 'shortcuts.settings' },
  { keys: 'CommandOrControl+O', what: 'shortcuts.chooseFiles' },
  { keys: 'CommandOrControl+V', what: 'shortcuts.paste' },
  { keys: 'CommandOrControl+F', what: 'shortcuts.search' },
  { keys: 'CommandOrControl+A', what: 'shortcuts.selectAll' },
  { keys: 'Shift+?', what: 'shortcuts.sheet' },
] as const;

export function ShortcutsSheet({ clipboardShortcut, onClose }: ShortcutsSheetProps) {
  const t = useT();
  const show = (keys: string) => (keys === 'Shift+?' ? '?' : displayAccelerator(keys, api.platform));
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcuts-sheet">
      <dl className="shortcuts-list">
        {ROWS.map((row) => (
          <div key={row.keys} className="shortcuts-row">
            <dt>{t(row.what)}</dt>
            <dd>
              <kbd>{show(row.keys)}</kbd>
            </dd>
          </div>
        ))}
        {clipboardShortcut !== '' ? (
          <div className="shortcuts-row">
            <dt>{t('shortcuts.clipboard')}</dt>
            <dd>
              <kbd>{show(clipboardShortcut)}</kbd>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
