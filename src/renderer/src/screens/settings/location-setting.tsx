// Settings → Uploads: what happens to a photo's GPS position when nothing else removes its metadata.
// "Ask me" is answered once, in the window, the first time such a photo is about to go up.
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import type { LocationInPictures } from '../../../../shared/settings';
import { ChoiceSetting } from './choice-setting';

export function LocationSetting() {
  const t = useT();
  const { settings } = useSettings();
  return (
    <ChoiceSetting<LocationInPictures>
      label={t('location.setting')}
      hint={t('location.settingHint')}
      value={settings.locationInPictures}
      options={[
        { value: 'ask', label: t('location.ask') },
        { value: 'remove', label: t('location.remove') },
        { value: 'keep', label: t('location.keep') },
      ]}
      toPatch={(v) => ({ locationInPictures: v })}
    />
  );
}
