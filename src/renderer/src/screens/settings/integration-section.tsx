// Settings → Desktop integration: the right-click menu, the clipboard shortcut, the floating drop window
// and how shares behave. Everything here is also reachable from the tray.
import type { Settings } from '../../../../shared/settings';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { ShareMenuSetting } from './share-menu-setting';
import { ShortcutSetting } from './shortcut-setting';
import { TextSetting } from './text-setting';
import { ToggleSetting } from './toggle-setting';
import './integration.css';

/** A number typed by a person: the app's validation explains what is wrong, so odd input goes along. */
function confirmPatch(text: string): Partial<Settings> {
  const trimmed = text.trim();
  return { shareConfirmAbove: trimmed === '' ? Number.NaN : Number(trimmed) };
}

export function IntegrationSection() {
  const t = useT();
  const { settings } = useSettings();
  const dropWindow = settings.dropWindow;
  return (
    <section
      className="settings-section"
      aria-labelledby="settings-integration"
      data-testid="integration-section"
    >
      <h2 id="settings-integration" className="section-title">
        {t('settings.section.integration')}
      </h2>
      <div className="panel settings-panel">
        <ShareMenuSetting />
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
          toPatch={confirmPatch}
          type="number"
          min={1}
          width="short"
        />
      </div>
    </section>
  );
}
