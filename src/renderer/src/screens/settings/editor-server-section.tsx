// Settings → Editor integration: the PicGo-compatible upload server that Typora, Obsidian's
// image-upload plugins and VS Code's PicGo extensions talk to. Off by default; the app starts and
// stops it as these change.
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { SettingsSection } from './settings-section';
import { TextSetting } from './text-setting';
import { ToggleSetting } from './toggle-setting';

export function EditorServerSection() {
  const t = useT();
  const { settings } = useSettings();
  const server = settings.editorServer;
  return (
    <SettingsSection id="settings-editors" title={t('settings.section.editors')} testId="editors-section">
      <ToggleSetting
        label={t('settings.editorServer')}
        hint={t('settings.editorServerHint')}
        checked={server.enabled}
        toPatch={(enabled) => ({ editorServer: { ...server, enabled } })}
      />
      <TextSetting
        label={t('settings.editorServerPort')}
        hint={t('settings.editorServerPortHint', { address: `http://127.0.0.1:${server.port}/upload` })}
        value={String(server.port)}
        toPatch={(v) => ({ editorServer: { ...server, port: Number(v.trim()) } })}
        type="number"
        min={1024}
        max={65535}
        width="short"
        testId="setting-editor-port"
      />
      <TextSetting
        label={t('settings.editorServerToken')}
        hint={t('settings.editorServerTokenHint')}
        value={server.token}
        toPatch={(token) => ({ editorServer: { ...server, token } })}
        mono
        testId="setting-editor-token"
      />
    </SettingsSection>
  );
}
