// The "Upload clipboard" global shortcut. Set through the app, which takes the keys from the OS first:
// a typo or keys another app holds are refused with the reason, and the old shortcut keeps working.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ShortcutState } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { SettingRow } from './setting-row';

export function ShortcutSetting() {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [state, setState] = useState<ShortcutState | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void settle(api.shortcutState()).then((res) => {
      if (!live || !res.ok) return;
      setState(res.value);
      setDraft(res.value.accelerator);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const res = await settle(api.shortcutSet(draft.trim()));
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setError(null);
    setState(res.value);
    setDraft(res.value.accelerator);
    setSaved(res.value.accelerator === '' ? t('settings.shortcut.off') : t('settings.shortcut.saved'));
  };

  const example = api.platform === 'darwin' ? 'Command+Shift+U' : 'Ctrl+Shift+U';
  // Registered at start but lost to another app, or no global shortcuts here: say why.
  const inactive = state && state.accelerator !== '' && !state.active ? state.message : null;
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <SettingRow
      label={t('settings.shortcut')}
      htmlFor={id}
      hint={
        <>
          {t('settings.shortcutHint', { example })}
          {inactive ? (
            <span className="shortcut-inactive" data-testid="shortcut-inactive">
              {' '}
              {inactive}
            </span>
          ) : null}
        </>
      }
      hintId={hintId}
      error={error}
      errorId={errorId}
    >
      <div className="setting-stack">
        <form className="shortcut-form" onSubmit={(event) => void submit(event)} noValidate>
          <input
            id={id}
            className="input input-mono shortcut-input"
            value={draft}
            placeholder="CommandOrControl+Shift+U"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid="shortcut-input"
            onChange={(event) => {
              setDraft(event.target.value);
              setSaved(null);
            }}
          />
          <button type="submit" className="button button-small" data-testid="shortcut-set">
            {t('settings.shortcut.set')}
          </button>
        </form>
        {saved ? (
          <span className="field-hint" role="status" data-testid="shortcut-saved">
            {saved}
          </span>
        ) : null}
      </div>
    </SettingRow>
  );
}
