// Where uploads and the credits check go, and through which proxy: on the Settings screen, and on the
// welcome screen, where a key cannot be checked at all until these are right (a proxy, a custom host).
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { ProxySettingRow } from './proxy-setting';
import { TextSetting } from './text-setting';

export function NetworkSettings() {
  const t = useT();
  const { settings } = useSettings();
  return (
    <>
      <TextSetting
        label={t('settings.uploadHost')}
        hint={t('settings.hostHint')}
        value={settings.uploadBaseUrl}
        toPatch={(v) => ({ uploadBaseUrl: v.trim() })}
        type="url"
        mono
      />
      <TextSetting
        label={t('settings.creditsHost')}
        value={settings.creditsBaseUrl}
        toPatch={(v) => ({ creditsBaseUrl: v.trim() })}
        type="url"
        mono
      />
      <ProxySettingRow value={settings.proxy} />
    </>
  );
}
