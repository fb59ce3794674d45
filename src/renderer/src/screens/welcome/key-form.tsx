// Paste a key, check it with the credits call, store it: in the keychain, or for this session only when the
// keychain is unavailable (or the person chooses so). Used by the welcome screen and the "Replace key" dialog.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { IpcError, KeyState } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { FieldError } from '../../components/field-error';
import { IconButton } from '../../components/icon-button';
import { useT } from '../../i18n/i18n-context';
import type { TFunction } from '../../i18n/messages';
import { translateError } from '../../i18n/translate-error';

/** Shown as the link's address; the app opens its own copy of it (key-handlers.ts). */
const KEY_PAGE_URL = 'https://kie.ai/api-key';

/** Where the network settings are from the form: below it (welcome screen) or in Settings (the app). */
export type NetworkSettingsPlace = 'below' | 'settings';

export interface KeyFormProps {
  keychainAvailable: boolean;
  onSaved: (state: KeyState) => void;
  /** The dialog adds a Cancel button next to Save. */
  onCancel?: () => void;
  /** Default 'settings'. */
  networkSettings?: NetworkSettingsPlace;
  /** The key could not be checked because the server was not reached. */
  onNetworkError?: () => void;
}

/**
 * The app's account of a failed connection, without its own advice ("Check the address in Settings"):
 * the form says where to look instead, which on the welcome screen is not Settings.
 */
export function connectionProblem(message: string): string {
  const first = /^.*?\.(?=\s|$)/su.exec(message)?.[0] ?? message;
  return first.replace(/\.$/u, '');
}

/** What went wrong, phrased for this screen; the app's own message when there is nothing better to say. */
export function keyErrorMessage(
  error: IpcError,
  t: TFunction,
  networkSettings: NetworkSettingsPlace = 'settings',
): string {
  switch (error.kind) {
    case 'auth':
      return t('key.error.rejected');
    case 'network':
    case 'timeout': {
      // The translated code when there is one (it names the host); its own full stop makes way for the
      // form's advice, which says where the network settings are from here.
      const coded = translateError({ ...error, message: '' }, t).replace(/[.。]$/u, '');
      const reason =
        coded === '' ? connectionProblem(error.message) : t('key.error.notChecked', { reason: coded });
      return t(networkSettings === 'below' ? 'key.error.networkBelow' : 'key.error.network', { reason });
    }
    case 'invalid-input':
      return error.code === 'key.malformed'
        ? translateError(error, t)
        : t('key.error.invalid', { reason: error.message });
    default:
      return translateError(error, t);
  }
}

export function KeyForm({
  keychainAvailable,
  onSaved,
  onCancel,
  networkSettings = 'settings',
  onNetworkError,
}: KeyFormProps) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [key, setKey] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState<'keychain' | 'session' | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const save = async (sessionOnly: boolean) => {
    const trimmed = key.trim();
    if (trimmed === '') {
      setError({ kind: 'empty', message: t('key.error.empty') });
      return;
    }
    setBusy(sessionOnly ? 'session' : 'keychain');
    setError(null);
    const res = await settle(api.keySave(trimmed, { sessionOnly }));
    setBusy(null);
    if (res.ok) {
      setKey('');
      onSaved(res.value);
    } else {
      setError(res.error);
      if (res.error.kind === 'network' || res.error.kind === 'timeout') onNetworkError?.();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(!keychainAvailable);
  };

  // A keychain failure while saving: the key itself may be fine, so offer to keep it for this session.
  const keychainFailed = error !== null && /keychain|keyring|secret/i.test(`${error.kind} ${error.message}`);

  return (
    <form className="key-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="field-label">
        {t('key.label')}
      </label>
      <div className="input-with-button">
        <input
          id={inputId}
          className="input input-mono"
          type={visible ? 'text' : 'password'}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder={t('key.placeholder')}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          data-autofocus
          autoFocus
        />
        <IconButton
          icon={visible ? 'eyeOff' : 'eye'}
          className="input-affix"
          label={visible ? t('key.hide') : t('key.show')}
          title={visible ? t('key.hide') : t('key.show')}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        />
      </div>
      <p id={hintId} className="field-hint">
        {t('key.whereFrom')}{' '}
        <a
          className="mono link"
          href={KEY_PAGE_URL}
          onClick={(event) => {
            // Opened by the app in the browser, never inside this window.
            event.preventDefault();
            void settle(api.keyOpenPage());
          }}
        >
          kie.ai/api-key
        </a>
      </p>
      <FieldError id={errorId} message={error ? keyErrorMessage(error, t, networkSettings) : null} />
      <div className="key-form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        {keychainAvailable && keychainFailed ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void save(true)}>
            {busy === 'session' ? t('key.checking') : t('key.useForSession')}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'keychain' || (busy === 'session' && !keychainAvailable)
            ? t('key.checking')
            : keychainAvailable
              ? t('key.save')
              : t('key.useForSession')}
        </button>
      </div>
    </form>
  );
}
