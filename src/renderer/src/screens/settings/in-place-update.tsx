// "Download and restart" under "KieDrop X.Y is available", where the installed build can replace itself
// (an AppImage, the Windows installer's copy, the macOS app). The main process downloads only when this
// button (or the tray's) is pressed, reports progress, then offers "Restart to update". Where the build
// cannot update itself, nothing shows here and the release page link stays the way.
import { useEffect, useState } from 'react';
import type { InPlaceUpdateState } from '../../../../shared/desktop';
import { api, settle } from '../../api';
import { FieldError } from '../../components/field-error';
import { ProgressBar } from '../../components/progress-bar';
import { useApiEvent } from '../../hooks/use-api-event';
import { useI18n } from '../../i18n/i18n-context';
import type { TFunction } from '../../i18n/messages';

/** "Could not download the update: …", said in the window's language where the reason is known. */
function failureText(state: Extract<InPlaceUpdateState, { phase: 'failed' }>, t: TFunction): string {
  switch (state.problem) {
    case 'offline':
      return t('update.failed', { reason: t('update.problem.offline') });
    case 'no-update':
      return t('update.failed', { reason: t('update.problem.noUpdate') });
    case 'install':
      return t('update.installFailed', { reason: state.detail });
    default:
      return t('update.failed', { reason: state.detail });
  }
}

export function InPlaceUpdate() {
  const { t } = useI18n();
  const [state, setState] = useState<InPlaceUpdateState | null>(null);
  useEffect(() => {
    let live = true;
    void settle(api.updateInstallStatus()).then((res) => live && res.ok && setState(res.value));
    return () => {
      live = false;
    };
  }, []);
  useApiEvent('update-install', setState);
  if (state === null || state.phase === 'unsupported') return null;

  const download = async () => {
    const res = await settle(api.updateDownload());
    if (res.ok) setState(res.value);
  };
  const restart = async () => {
    const res = await settle(api.updateRestart());
    if (res.ok) setState(res.value);
  };
  const downloadButton = (
    <button type="button" className="button button-small" onClick={() => void download()}>
      {t('update.download')}
    </button>
  );

  switch (state.phase) {
    case 'idle':
      return <div className="setting-stack">{downloadButton}</div>;
    case 'downloading': {
      const label =
        state.version === null
          ? t('update.finding')
          : t('update.downloading', { version: state.version, percent: `${state.percent} %` });
      return (
        <div className="setting-stack" data-testid="update-download">
          <p className="field-hint">{label}</p>
          <ProgressBar
            value={state.percent}
            label={label}
            indeterminate={state.version === null}
            size="regular"
          />
        </div>
      );
    }
    case 'downloaded':
      return (
        <div className="setting-stack">
          <p role="status">{t('update.downloaded', { version: state.version })}</p>
          <button type="button" className="button button-small button-primary" onClick={() => void restart()}>
            {t('update.restart')}
          </button>
        </div>
      );
    case 'restarting':
      return <p role="status">{t('update.restarting', { version: state.version })}</p>;
    case 'failed':
      return (
        <div className="setting-stack">
          <FieldError className="setting-error" message={failureText(state, t)} />
          {downloadButton}
        </div>
      );
  }
}
