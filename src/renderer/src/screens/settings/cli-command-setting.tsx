// The `kiedrop` command for the terminal. Linux: Install writes ~/.local/bin/kiedrop (a small script that
// starts this app as the command line), Remove takes it away. macOS and Windows: the command comes with
// the app, and this shows the path to add to PATH. Read again each time Settings opens.
import { useId } from 'react';
import type { CliCommandState } from '../../../../shared/ipc-contract';
import { api } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { InstallActions } from './install-actions';
import { SettingRow } from './setting-row';
import { useInstallControl } from './use-install-control';

export function CliCommandSetting({ active }: { active: boolean }) {
  const t = useT();
  const hintId = useId();
  const messageId = useId();
  const { state, busy, message, run } = useInstallControl<CliCommandState>(active, {
    status: () => api.cliStatus(),
    install: () => api.cliInstall(),
    remove: () => api.cliUninstall(),
    doneText: (action) =>
      t(action === 'install' ? 'settings.cliCommand.installed' : 'settings.cliCommand.removed'),
  });

  if (state === null) return null;
  const installed = state.state === 'installed';
  const hint =
    state.mode === 'install'
      ? t('settings.cliCommand.hint.install', { location: state.location ?? '' })
      : state.mode === 'path'
        ? t('settings.cliCommand.hint.path', { path: state.bundledPath ?? '' })
        : t('settings.cliCommand.hint.unavailable');
  return (
    <SettingRow
      label={t('settings.cliCommand')}
      hint={hint}
      hintId={hintId}
      error={message?.error ? message.text : null}
      errorId={messageId}
    >
      {state.mode !== 'install' ? null : (
        <div className="setting-stack" data-testid="cli-command">
          <span className="field-hint" data-testid="cli-command-status">
            {state.missingProgram !== undefined
              ? t('settings.cliCommand.missingProgram', { program: state.missingProgram })
              : t(`settings.cliCommand.state.${state.state ?? 'absent'}`)}
          </span>
          {installed && !state.onPath ? (
            <span className="field-hint" data-testid="cli-command-path-hint">
              {t('settings.cliCommand.notOnPath')}
            </span>
          ) : null}
          <InstallActions
            testId="cli-command"
            install={installed ? null : state.state === 'outdated' ? 'update' : 'install'}
            remove={state.state === 'installed' || state.state === 'outdated'}
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
