// Settings → "Links that last": reminders before copied links expire, and how long before expiry a
// pinned link is uploaded again to keep it alive. Both are read by the app's own timers. And whether URL
// uploads keep a local copy of their bytes (so they can be renewed after the link died), within a cap.
import { useSettings } from '../../hooks/use-settings';
import { LearnedLifetimeHint } from './learned-lifetime-hint';
import { useT } from '../../i18n/i18n-context';
import { numberPatch } from './number-patch';
import { SETTING_LIMITS } from './setting-error-text';
import { SettingsSection } from './settings-section';
import { TextSetting } from './text-setting';
import { ToggleSetting } from './toggle-setting';

export function LinksSection() {
  const t = useT();
  const { settings } = useSettings();
  return (
    <SettingsSection id="settings-links" title={t('settings.section.links')} testId="links-section">
      <ToggleSetting
        label={t('settings.expiryReminders')}
        hint={t('settings.expiryRemindersHint')}
        checked={settings.expiryReminders}
        toPatch={(expiryReminders) => ({ expiryReminders })}
      />
      <TextSetting
        label={t('settings.keepAliveLead')}
        hint={t('settings.keepAliveLeadHint')}
        value={String(settings.keepAliveLeadHours)}
        toPatch={(v) => numberPatch('keepAliveLeadHours', v)}
        type="number"
        min={1}
        max={SETTING_LIMITS.keepAliveLeadHours}
        width="short"
        testId="setting-keepalive-lead"
      />
      <TextSetting
        label={t('settings.linkLifetime')}
        hint={<LearnedLifetimeHint />}
        value={settings.linkLifetimeHours === null ? '' : String(settings.linkLifetimeHours)}
        // Empty means automatic; anything else goes to the app, which explains a bad value.
        toPatch={(v) => ({ linkLifetimeHours: v.trim() === '' ? null : Number(v.trim()) })}
        type="number"
        min={1}
        max={SETTING_LIMITS.linkLifetimeHours}
        width="short"
        testId="setting-link-lifetime"
      />
      <ToggleSetting
        label={t('settings.keepUrlCopies')}
        hint={t('settings.keepUrlCopiesHint')}
        checked={settings.keepUrlUploadCopies}
        toPatch={(keepUrlUploadCopies) => ({ keepUrlUploadCopies })}
      />
      <TextSetting
        label={t('settings.urlCopiesMax')}
        hint={t('settings.urlCopiesMaxHint')}
        value={String(settings.urlUploadCopiesMaxMiB)}
        toPatch={(v) => numberPatch('urlUploadCopiesMaxMiB', v)}
        type="number"
        min={1}
        max={SETTING_LIMITS.urlUploadCopiesMaxMiB}
        width="short"
        testId="setting-url-copies-max"
      />
    </SettingsSection>
  );
}
