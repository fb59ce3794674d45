// Settings → Desktop integration: the right-click menu, the clipboard shortcut, the floating drop window
// and how shares behave. Everything here is also reachable from the tray.
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { numberPatch } from './number-patch';
import { SettingsSection } from './settings-section';
import { CliCommandSetting } from './cli-command-setting';
import { ShareMenuSetting } from './share-menu-setting';
import { ShortcutSetting } from './shortcut-setting';
import { TextSetting } from './text-setting';
import { ToggleSetting } from './toggle-setting';
import './integration.css';

/** active: Settings is on screen; the right-click menu's state is read again each time it comes back. */
export function IntegrationSection({ active }: { active: boolean }) {
  const t = useT();
  const { settings } = useSettings();
  const dropWindow = settings.dropWindow;
  return (
    <SettingsSection
      id="settings-integration"
      title={t('settings.section.integration')}
      testId="integration-section"
    >
      <ToggleSetting
        label={t('settings.launchAtLogin')}
        hint={t('settings.launchAtLoginHint')}
        checked={settings.launchAtLogin}
        toPatch={(launchAtLogin) => ({ launchAtLogin })}
      />
      <ShareMenuSetting active={active} />
      <CliCommandSetting active={active} />
      <ShortcutSetting />
      <ToggleSetting
        label={t('settings.dropWindow')}
        hint={t('settings.dropWindowHint')}
        checked={dropWindow.enabled}
        toPatch={(enabled) => ({ dropWindow: { ...dropWindow, enabled } })}
      />
      <ToggleSetting
        label={t('settings.dropWindowOnTop')}
        checked={dropWindow.alwaysOnTop}
        toPatch={(alwaysOnTop) => ({ dropWindow: { ...dropWindow, alwaysOnTop } })}
      />
      <ToggleSetting
        label={t('settings.shareRecurse')}
        hint={t('settings.shareRecurseHint')}
        checked={settings.shareRecurseFolders}
        toPatch={(shareRecurseFolders) => ({ shareRecurseFolders })}
      />
      <TextSetting
        label={t('settings.shareConfirm')}
        hint={t('settings.shareConfirmHint')}
        value={String(settings.shareConfirmAbove)}
        toPatch={(v) => numberPatch('shareConfirmAbove', v)}
        type="number"
        min={1}
        width="short"
      />
    </SettingsSection>
  );
}
