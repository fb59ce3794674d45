// The API key as far as the window may know it: a hint ('…f3a9'), where it is kept, and Replace / Remove.
import { useState } from 'react';
import type { KeyState } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';
import type { TFunction } from '../../i18n/messages';
import { translateError } from '../../i18n/translate-error';

export interface KeySectionProps {
  keyState: KeyState;
  onReplace: () => void;
  onChanged: (state: KeyState) => void;
}

function sourceText(source: KeyState['source'], t: TFunction): string {
  switch (source) {
    case 'keychain':
      return t('settings.key.source.keychain');
    case 'session':
      return t('settings.key.source.session');
    case 'env':
      return t('settings.key.source.env');
    default:
      return t('settings.key.source.none');
  }
}

export function KeySection({ keyState, onReplace, onChanged }: KeySectionProps) {
  const t = useT();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);

  const remove = async () => {
    setConfirming(false);
    const res = await settle(api.keyClear());
    if (res.ok) {
      announce(t('announce.keyRemoved'), 'info');
      onChanged(res.value);
    } else {
      announce(translateError(res.error, t), 'error');
    }
  };

  return (
    <div className="key-card" data-testid="key-section">
      <div className="key-card-icon" aria-hidden="true">
        <Icon name="key" size={20} />
      </div>
      <dl className="key-facts">
        <div>
          <dt>{t('settings.key.hint')}</dt>
          <dd className="mono" data-testid="key-hint">
            {keyState.hint ?? '—'}
          </dd>
        </div>
        <div>
          <dt>{t('settings.key.source')}</dt>
          <dd>{sourceText(keyState.source, t)}</dd>
        </div>
        {keyState.rejected ? (
          <div>
            <dt>{t('settings.key.status')}</dt>
            <dd className="text-danger">{t('settings.key.rejected')}</dd>
          </div>
        ) : null}
      </dl>
      <div className="key-card-actions">
        <button type="button" className="button" onClick={onReplace}>
          {t('settings.key.replace')}
        </button>
        <button
          type="button"
          className="button button-danger-ghost"
          onClick={() => setConfirming(true)}
          disabled={keyState.source === 'env'}
        >
          {t('settings.key.remove')}
        </button>
      </div>
      {keyState.source === 'env' ? (
        <p className="field-hint key-card-note">{t('settings.key.envNote')}</p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('settings.key.removeTitle')}
          description={t('settings.key.removeBody')}
          confirmLabel={t('settings.key.remove')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
