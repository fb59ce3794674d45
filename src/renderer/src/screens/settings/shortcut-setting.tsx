// The "Upload clipboard" global shortcut, recorded from the keys pressed and shown the system's way
// (⌘⇧U on macOS, Ctrl+Shift+U elsewhere). The app takes the keys from the OS before saving them: keys
// another app holds are refused with the reason, and the old shortcut keeps working.
import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ShortcutState } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';
import type { ErrorParams } from '../../../../shared/ipc-contract';
import { SettingRow } from './setting-row';
import { displayAccelerator, recordKeys } from '../../format/shortcut-keys';

/** A code's params with each shortcut in them shown the way the field shows it. */
function paramsInOwnWords(params: ErrorParams | undefined, platform: string): ErrorParams | undefined {
  if (!params) return undefined;
  const shown: ErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    shown[name] = typeof value === 'string' ? displayAccelerator(value, platform) : value;
  }
  return shown;
}

/** The app's message with every accelerator in it shown the way the field shows it. */
function inOwnWords(message: string, accelerators: readonly string[], platform: string): string {
  let out = message;
  for (const a of [...accelerators].sort((x, y) => y.length - x.length)) {
    if (a !== '') out = out.split(a).join(displayAccelerator(a, platform));
  }
  return out;
}

export function ShortcutSetting() {
  const t = useT();
  const platform = api.platform;
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [state, setState] = useState<ShortcutState | null>(null);
  /** Modifiers held down while recording, shown until a key completes the shortcut. */
  const [held, setHeld] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void settle(api.shortcutState()).then((res) => {
      if (live && res.ok) setState(res.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const current = state?.accelerator ?? '';

  const save = async (accelerator: string) => {
    setSaved(null);
    setHeld(null);
    const res = await settle(api.shortcutSet(accelerator));
    if (!res.ok) {
      // In the person's language by its code; the app's English, in the field's words, as the fallback.
      setError(
        translateError(
          {
            code: res.error.code,
            params: paramsInOwnWords(res.error.params, platform),
            message: inOwnWords(res.error.message, [accelerator, current], platform),
          },
          t,
        ),
      );
      return;
    }
    setError(null);
    setState(res.value);
    setSaved(res.value.accelerator === '' ? t('settings.shortcut.off') : t('settings.shortcut.saved'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    // Tab still moves on, Escape leaves the field as it was: neither can be a global shortcut here.
    if (
      (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) ||
      event.key === 'Escape'
    ) {
      setHeld(null);
      return;
    }
    event.preventDefault();
    if (plain && (event.key === 'Backspace' || event.key === 'Delete')) {
      if (current !== '') void save('');
      return;
    }
    const recorded = recordKeys(event, platform);
    switch (recorded.kind) {
      case 'partial':
        setHeld(recorded.accelerator);
        break;
      case 'needs-modifier':
        setHeld(null);
        setSaved(null);
        setError(t('settings.shortcut.needsModifier'));
        break;
      case 'shortcut':
        if (recorded.accelerator !== current) void save(recorded.accelerator);
        else setHeld(null);
        break;
      default:
        break;
    }
  };

  const example = displayAccelerator('CommandOrControl+Shift+U', platform);
  // Registered at start but lost to another app, or no global shortcuts here: say why.
  const inactive =
    state && state.accelerator !== '' && !state.active && state.message
      ? translateError(
          {
            code: state.problem?.code,
            params: paramsInOwnWords(state.problem?.params, platform),
            message: inOwnWords(state.message, [state.accelerator], platform),
          },
          t,
        )
      : null;
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  const shown =
    held !== null
      ? `${displayAccelerator(`${held}+`, platform).replace(/\+$/u, '')}…`
      : displayAccelerator(current, platform);
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
        <div className="shortcut-form">
          <input
            id={id}
            className="input input-mono shortcut-input"
            value={shown}
            readOnly
            placeholder={t('settings.shortcut.placeholder')}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid="shortcut-input"
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (!event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) setHeld(null);
            }}
            onBlur={() => setHeld(null)}
          />
          {current !== '' ? (
            <button
              type="button"
              className="button button-small"
              data-testid="shortcut-off"
              onClick={() => void save('')}
            >
              {t('settings.shortcut.turnOff')}
            </button>
          ) : null}
        </div>
        {saved ? (
          <span className="field-hint" role="status" data-testid="shortcut-saved">
            {saved}
          </span>
        ) : null}
      </div>
    </SettingRow>
  );
}
