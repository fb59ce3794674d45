// Settings, grouped the way people look for them; each change is saved at once and checked by the app.
import { useEffect, useState } from 'react';
import type { KeyState } from '../../../../shared/ipc-contract';
import type { Settings } from '../../../../shared/settings';
import { api, settle } from '../../api';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { ChoiceSetting } from './choice-setting';
import { EditorServerSection } from './editor-server-section';
import { ImageSettings } from './image-settings';
import { LocationSetting } from './location-setting';
import { IntegrationSection } from './integration-section';
import { KeySection } from './key-section';
import { LinksSection } from './links-section';
import { numberPatch } from './number-patch';
import { NamingSettings } from './naming-settings';
import { NetworkSettings } from './network-settings';
import { SettingsSection } from './settings-section';
import { UpdateSection } from './update-section';
import { TextSetting } from './text-setting';
import { ToggleSetting } from './toggle-setting';

export interface SettingsScreenProps {
  active: boolean;
  keyState: KeyState;
  onReplaceKey: () => void;
  onKeyChanged: (state: KeyState) => void;
}

export function SettingsScreen({ active, keyState, onReplaceKey, onKeyChanged }: SettingsScreenProps) {
  const t = useT();
  const { settings } = useSettings();
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void settle(api.appInfo()).then((res) => {
      if (res.ok) setVersion(res.value.version);
    });
  }, []);

  return (
    <div className="settings-screen" hidden={!active}>
      <div className="settings-inner">
        <SettingsSection id="settings-uploads" title={t('settings.section.uploads')}>
          <TextSetting
            label={t('settings.defaultPath')}
            hint={t('settings.defaultPathHint')}
            value={settings.defaultUploadPath}
            toPatch={(v) => ({ defaultUploadPath: v.trim() })}
            mono
            testId="setting-default-path"
          />
          <NamingSettings />
          <TextSetting
            label={t('settings.concurrency')}
            hint={t('settings.concurrencyHint')}
            value={String(settings.concurrency)}
            toPatch={(v) => numberPatch('concurrency', v)}
            type="number"
            min={1}
            max={10}
            width="short"
            testId="setting-concurrency"
          />
          <ImageSettings />
          <LocationSetting />
        </SettingsSection>

        <SettingsSection id="settings-after" title={t('settings.section.after')}>
          <ToggleSetting
            label={t('settings.copyOnUpload')}
            hint={t('settings.copyOnUploadHint')}
            checked={settings.copyOnUpload}
            toPatch={(on) => ({ copyOnUpload: on })}
          />
          <ChoiceSetting<Settings['copyFormat']>
            label={t('settings.copyFormat')}
            hint={t('settings.copyFormatHint')}
            value={settings.copyFormat}
            toPatch={(copyFormat) => ({ copyFormat })}
            options={[
              { value: 'url', label: t('copyFormat.url') },
              { value: 'markdown', label: t('copyFormat.markdown') },
              { value: 'html', label: t('copyFormat.html') },
              { value: 'bbcode', label: t('copyFormat.bbcode') },
              { value: 'custom', label: t('copyFormat.custom') },
            ]}
          />
          {settings.copyFormat === 'custom' ? (
            <TextSetting
              label={t('settings.template')}
              hint={t('settings.templateHint', { tokens: '{url} {name} {expires}' })}
              value={settings.customCopyTemplate}
              toPatch={(customCopyTemplate) => ({ customCopyTemplate })}
              mono
            />
          ) : null}
          <ToggleSetting
            label={t('settings.notifications')}
            hint={t('settings.notificationsHint')}
            checked={settings.notifications}
            toPatch={(on) => ({ notifications: on })}
          />
          <ToggleSetting
            label={t('settings.playSound')}
            hint={t('settings.playSoundHint')}
            checked={settings.playSound}
            toPatch={(playSound) => ({ playSound })}
          />
        </SettingsSection>

        <IntegrationSection active={active} />

        <EditorServerSection />

        <SettingsSection id="settings-history" title={t('settings.section.history')}>
          <TextSetting
            label={t('settings.expiringSoon')}
            hint={t('settings.expiringSoonHint')}
            value={String(settings.expiringSoonHours)}
            toPatch={(v) => numberPatch('expiringSoonHours', v)}
            type="number"
            min={1}
            max={71}
            width="short"
          />
        </SettingsSection>

        <LinksSection />

        <SettingsSection id="settings-appearance" title={t('settings.section.appearance')}>
          <ChoiceSetting<Settings['theme']>
            label={t('settings.theme')}
            value={settings.theme}
            toPatch={(theme) => ({ theme })}
            options={[
              { value: 'system', label: t('settings.theme.system') },
              { value: 'light', label: t('settings.theme.light') },
              { value: 'dark', label: t('settings.theme.dark') },
            ]}
          />
          <ChoiceSetting<Settings['language']>
            label={t('settings.language')}
            value={settings.language}
            toPatch={(language) => ({ language })}
            options={[
              { value: 'system', label: t('settings.language.system') },
              { value: 'en', label: 'English' },
              { value: 'zh-CN', label: '简体中文' },
            ]}
          />
        </SettingsSection>

        <SettingsSection id="settings-network" title={t('settings.section.network')}>
          <NetworkSettings />
        </SettingsSection>

        <SettingsSection id="settings-key" title={t('settings.section.key')}>
          <KeySection keyState={keyState} onReplace={onReplaceKey} onChanged={onKeyChanged} />
        </SettingsSection>

        <UpdateSection />
        {version ? <p className="settings-footer">{t('settings.version', { version })}</p> : null}
      </div>
    </div>
  );
}
