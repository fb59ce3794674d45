// Right-click "Share with KieDrop": what this platform gets, whether it is installed (read from the app,
// which checks the files or registry keys themselves), and Install / Update / Remove.
import { useId } from 'react';
import type { IntegrationState } from '../../../../shared/ipc-contract';
import { api } from '../../api';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';
import { InstallActions } from './install-actions';
import { SettingRow } from './setting-row';
import { useInstallControl } from './use-install-control';

type Summary = 'installed' | 'absent' | 'partial';

function summaryOf(state: IntegrationState): Summary {
  if (state.installed) return 'installed';
  return state.items.every((i) => i.state === 'absent') ? 'absent' : 'partial';
}

function hintKey(
  platform: string,
): 'settings.shareMenu.hint.win32' | 'settings.shareMenu.hint.darwin' | 'settings.shareMenu.hint.linux' {
  if (platform === 'win32') return 'settings.shareMenu.hint.win32';
  if (platform === 'darwin') return 'settings.shareMenu.hint.darwin';
  return 'settings.shareMenu.hint.linux';
}

export function ShareMenuSetting({ active }: { active: boolean }) {
  const t = useT();
  const hintId = useId();
  const messageId = useId();
  const { state, busy, message, run } = useInstallControl<IntegrationState>(active, {
    status: () => api.integrationStatus(),
    install: () => api.integrationInstall(),
    remove: () => api.integrationUninstall(),
    doneText: (action) =>
      t(action === 'install' ? 'settings.shareMenu.installed' : 'settings.shareMenu.removed'),
  });

  const platform = state?.platform ?? api.platform;
  const summary = state ? summaryOf(state) : null;
  const hint = (
    <>
      {t(hintKey(platform))}
      {state && state.supported && summary !== 'absent' ? (
        <ul className="integration-items" data-testid="share-menu-items">
          {state.items.map((item) => (
            <li key={item.id} data-state={item.state}>
              <span>{item.label}</span>
              <span className="integration-item-state">
                {item.missingProgram === undefined
                  ? t(`settings.shareMenu.item.${item.state}`)
                  : t('settings.shareMenu.item.missingProgram', { program: item.missingProgram })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );

  return (
    <SettingRow
      label={t('settings.shareMenu')}
      hint={hint}
      hintId={hintId}
      error={message?.error ? message.text : null}
      errorId={messageId}
    >
      {state === null ? null : !state.supported ? (
        <span className="field-hint" data-testid="share-menu-status">
          {t('settings.shareMenu.unsupported')}
        </span>
      ) : (
        <div className="setting-stack">
          <span
            className={`pill integration-status integration-status-${summary ?? 'absent'}`}
            data-testid="share-menu-status"
          >
            {summary === 'installed' ? <Icon name="check" size={13} /> : null}
            {t(`settings.shareMenu.status.${summary ?? 'absent'}`)}
          </span>
          <InstallActions
            testId="share-menu"
            install={summary === 'installed' ? null : summary === 'partial' ? 'update' : 'install'}
            remove={summary !== 'absent'}
            busy={busy}
            hintId={hintId}
            onRun={(action) => void run(action)}
            done={message && !message.error ? message.text : null}
          />
        </div>
      )}
    </SettingRow>
  );
}
