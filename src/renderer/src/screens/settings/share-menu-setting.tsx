// Right-click "Share with KieDrop": what this platform gets, whether it is installed (read from the app,
// which checks the files or registry keys themselves), and Install / Update / Remove.
import { useEffect, useId, useState } from 'react';
import type { IntegrationState } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';
import { InstallActions } from './install-actions';
import { SettingRow } from './setting-row';
import { translateError } from '../../i18n/translate-error';

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
  const [state, setState] = useState<IntegrationState | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // Read from disk whenever Settings is opened: the entries may have changed meanwhile (another copy of
  // KieDrop installed them, or the program they start was moved or removed).
  useEffect(() => {
    if (!active) return;
    let live = true;
    void settle(api.integrationStatus()).then((res) => {
      if (!live) return;
      if (res.ok) setState(res.value);
      else setMessage({ error: true, text: translateError(res.error, t) });
    });
    return () => {
      live = false;
    };
  }, [active]);

  const run = async (action: 'install' | 'remove') => {
    setBusy(true);
    setMessage(null);
    const res = await settle(action === 'install' ? api.integrationInstall() : api.integrationUninstall());
    setBusy(false);
    if (!res.ok) {
      setMessage({ error: true, text: translateError(res.error, t) });
      // What is there now may have changed half-way; show it as it is.
      void settle(api.integrationStatus()).then((again) => again.ok && setState(again.value));
      return;
    }
    setState(res.value);
    setMessage({
      error: false,
      text: t(action === 'install' ? 'settings.shareMenu.installed' : 'settings.shareMenu.removed'),
    });
  };

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
