// First run: what KieDrop does, and the one thing it needs — an API key. When the OS keychain is missing,
// the screen says why and offers to keep the key in memory for this session only.
import { useId, useState } from 'react';
import type { KeyState } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';
import { NetworkSettings } from '../settings/network-settings';
import { KeyForm } from './key-form';

export interface WelcomeScreenProps {
  keyState: KeyState;
  onSaved: (state: KeyState) => void;
  onRetryKeychain: () => void;
}

export function WelcomeScreen({ keyState, onSaved, onRetryKeychain }: WelcomeScreenProps) {
  const t = useT();
  const keychain = keyState.keychain;
  const networkId = useId();
  // Behind a proxy or with a self-hosted API the key cannot even be checked until these are set.
  const [networkOpen, setNetworkOpen] = useState(false);
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <div className="welcome-mark" aria-hidden="true">
          <Icon name="cloud" size={30} />
        </div>
        <h1 id="welcome-title" className="welcome-title">
          {t('welcome.title')}
        </h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        {/* Without a keychain the warning below matters more than the tour, and both must fit. */}
        {keychain.available ? (
          <ul className="welcome-points">
            <li>
              <Icon name="upload" size={16} />
              {t('welcome.point.drop')}
            </li>
            <li>
              <Icon name="clock" size={16} />
              {t('welcome.point.expiry')}
            </li>
            <li>
              <Icon name="lock" size={16} />
              {t('welcome.point.keychain')}
            </li>
          </ul>
        ) : null}
        {keychain.available ? null : (
          <section
            className="keychain-warning"
            aria-labelledby="keychain-title"
            data-testid="keychain-unavailable"
          >
            <h2 id="keychain-title" className="keychain-warning-title">
              <Icon name="alert" size={16} />
              {t('keychain.unavailable.title')}
            </h2>
            <p>{t('keychain.unavailable.body')}</p>
            <p className="keychain-reason">
              <span className="field-label">{t('keychain.unavailable.reason')}</span> {keychain.reason}
            </p>
            <p>{t('keychain.unavailable.session')}</p>
            <button type="button" className="button button-small" onClick={onRetryKeychain}>
              {t('keychain.unavailable.retry')}
            </button>
          </section>
        )}
        <KeyForm
          keychainAvailable={keychain.available}
          onSaved={onSaved}
          networkSettings="below"
          onNetworkError={() => setNetworkOpen(true)}
        />
        <div className="welcome-network">
          <button
            type="button"
            className="button button-ghost button-small welcome-network-toggle"
            aria-expanded={networkOpen}
            aria-controls={networkId}
            onClick={() => setNetworkOpen((open) => !open)}
          >
            <Icon name="chevronDown" size={14} />
            {t('welcome.network')}
          </button>
          {networkOpen ? (
            <section id={networkId} className="welcome-network-panel" aria-label={t('welcome.network')}>
              <NetworkSettings />
            </section>
          ) : null}
        </div>
      </div>
    </main>
  );
}
