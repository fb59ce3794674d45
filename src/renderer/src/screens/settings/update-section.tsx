// Settings → Updates: the daily check's switch, and what it found. The check itself runs in the main
// process (never at start-up's expense); this shows its result, opens the release page on request and,
// where the build can replace itself, offers "Download and restart".
import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { FieldError } from '../../components/field-error';
import { formatUploadedAt } from '../../format/date';
import { useApiEvent } from '../../hooks/use-api-event';
import { useSettings } from '../../hooks/use-settings';
import { useI18n } from '../../i18n/i18n-context';
import { InPlaceUpdate } from './in-place-update';
import { SettingsSection } from './settings-section';
import { ToggleSetting } from './toggle-setting';
import { translateError } from '../../i18n/translate-error';

function StatusLine({ status }: { status: UpdateStatus }) {
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  if (!status.configured) return <p className="field-hint">{t('settings.updates.notConfigured')}</p>;
  if (status.available !== null) {
    const open = async () => {
      const res = await settle(api.updateOpen());
      setError(res.ok ? null : translateError(res.error, t));
    };
    return (
      <div className="setting-stack" data-testid="update-available">
        <p role="status">{t('settings.updates.available', { version: status.available.version })}</p>
        <button type="button" className="button button-small button-primary" onClick={() => void open()}>
          {t('settings.updates.open')}
        </button>
        <FieldError className="setting-error" message={error} />
        <InPlaceUpdate />
      </div>
    );
  }
  if (!status.enabled) return null;
  if (status.checkedAt === null) return <p className="field-hint">{t('settings.updates.notYet')}</p>;
  const when = formatUploadedAt(new Date(status.checkedAt).toISOString(), new Date(), language, t);
  return <p className="field-hint">{t('settings.updates.upToDate', { when })}</p>;
}

export function UpdateSection() {
  const { t } = useI18n();
  const { settings } = useSettings();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    let live = true;
    void settle(api.updateStatus()).then((res) => live && res.ok && setStatus(res.value));
    return () => {
      live = false;
    };
  }, []);
  useApiEvent('update', setStatus);
  return (
    <SettingsSection id="settings-updates" title={t('settings.section.updates')} testId="update-section">
      <ToggleSetting
        label={t('settings.updates.check')}
        hint={t('settings.updates.checkHint')}
        checked={settings.checkForUpdates}
        toPatch={(checkForUpdates) => ({ checkForUpdates })}
      />
      {status ? <StatusLine status={status} /> : null}
    </SettingsSection>
  );
}
