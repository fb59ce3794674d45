// Install (or Update) and Remove for something Settings puts on the system (the right-click menu, the
// kiedrop command), and the line saying what was done. The caller decides which buttons apply.
import { useT } from '../../i18n/i18n-context';

export interface InstallActionsProps {
  /** Prefix of the test ids: `<prefix>-install`, `<prefix>-remove`, `<prefix>-message`. */
  testId: string;
  /** null: no Install button; 'install' or 'update': its label. */
  install: 'install' | 'update' | null;
  remove: boolean;
  busy: boolean;
  /** The hint the Install button is described by. */
  hintId: string;
  onRun: (action: 'install' | 'remove') => void;
  /** What the last action did (errors are shown by the setting row). */
  done: string | null;
}

export function InstallActions({ testId, install, remove, busy, hintId, onRun, done }: InstallActionsProps) {
  const t = useT();
  return (
    <>
      <div className="integration-actions">
        {install !== null ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            aria-describedby={hintId}
            data-testid={`${testId}-install`}
            onClick={() => onRun('install')}
          >
            {t(install === 'update' ? 'settings.shareMenu.update' : 'settings.shareMenu.install')}
          </button>
        ) : null}
        {remove ? (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid={`${testId}-remove`}
            onClick={() => onRun('remove')}
          >
            {t('settings.shareMenu.remove')}
          </button>
        ) : null}
      </div>
      {done !== null ? (
        <p className="field-hint integration-done" role="status" data-testid={`${testId}-message`}>
          {done}
        </p>
      ) : null}
    </>
  );
}
