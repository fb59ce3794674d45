// The top bar: the app's name, the four screens, the credit balance and the key's status.
import type { KeyState } from '../../../shared/ipc-contract';
import { api } from '../api';
import { displayAccelerator } from '../format/shortcut-keys';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from './icon';
import type { IconName } from './icon';

export type Screen = 'upload' | 'history' | 'watch' | 'settings';

export interface AppHeaderProps {
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  credits: number | null;
  creditsError: string | null;
  onRefreshCredits: () => void;
  keyState: KeyState;
  onKeyClick: () => void;
  activeUploads: number;
}

const SCREENS: ReadonlyArray<{ id: Screen; icon: IconName }> = [
  { id: 'upload', icon: 'upload' },
  { id: 'history', icon: 'history' },
  { id: 'watch', icon: 'folderWatch' },
  { id: 'settings', icon: 'settings' },
];

export function AppHeader(props: AppHeaderProps) {
  const { t, language } = useI18n();
  const { screen, onNavigate, credits, creditsError, keyState, activeUploads } = props;
  const creditsText =
    credits === null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(credits);
  const keyTone = keyState.rejected ? 'danger' : keyState.source === 'session' ? 'warning' : 'ok';

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="cloud" size={18} />
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        {SCREENS.map((item, i) => (
          <button
            key={item.id}
            type="button"
            className={screen === item.id ? 'nav-item nav-item-current' : 'nav-item'}
            aria-current={screen === item.id ? 'page' : undefined}
            aria-keyshortcuts={`Control+${i + 1}`}
            title={t('nav.tooltip', {
              name: t(`nav.${item.id}`),
              keys: displayAccelerator(`CommandOrControl+${i + 1}`, api.platform),
            })}
            aria-describedby={item.id === 'upload' && activeUploads > 0 ? 'nav-upload-count' : undefined}
            onClick={() => onNavigate(item.id)}
          >
            <Icon name={item.icon} size={16} />
            {t(`nav.${item.id}`)}
            {item.id === 'upload' && activeUploads > 0 ? (
              <span className="nav-badge" aria-hidden="true">
                {activeUploads}
              </span>
            ) : null}
          </button>
        ))}
        {/* Outside the button, so the count describes it without changing its name ("Upload"). */}
        <span id="nav-upload-count" className="visually-hidden">
          {activeUploads > 0
            ? t(activeUploads === 1 ? 'nav.activeUploadsOne' : 'nav.activeUploads', { count: activeUploads })
            : ''}
        </span>
      </nav>
      <div className="header-status">
        {/* Named by what it shows, then what it does: the visible words start the name (WCAG 2.5.3). */}
        <button
          type="button"
          className={creditsError ? 'status-chip status-chip-warning' : 'status-chip'}
          onClick={props.onRefreshCredits}
          title={creditsError ?? t('header.creditsRefresh')}
          data-testid="credits"
        >
          <Icon name="coins" size={15} />
          <span className="status-chip-value">{creditsText}</span>{' '}
          <span className="status-chip-unit">{t('header.credits')}</span>
          <span className="visually-hidden">
            {creditsError
              ? t('header.creditsErrorAction', { reason: creditsError })
              : t('header.creditsAction')}
          </span>
        </button>
        <button
          type="button"
          className={`status-chip status-chip-key key-${keyTone}`}
          onClick={props.onKeyClick}
          title={t('header.keyTitle')}
          data-testid="key-status"
        >
          <span className="key-dot" aria-hidden="true" />
          <Icon name="key" size={15} />
          <span className="visually-hidden">{t('header.keyName')} </span>
          <span className="mono">{keyState.hint ?? '—'}</span>
          <span className="visually-hidden">
            {keyState.rejected
              ? t('header.keyRejectedState')
              : t('header.keyState', { source: t(`header.keySource.${keyState.source ?? 'keychain'}`) })}
          </span>
        </button>
      </div>
    </header>
  );
}
