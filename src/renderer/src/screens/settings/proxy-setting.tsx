// Proxy: follow the system, go direct, or a manual proxy URL. "Manual" is only saved once a URL is given,
// since a manual proxy without an address is not a setting anyone can use.
import { useEffect, useId, useState } from 'react';
import type { ProxySetting } from '../../../../shared/settings';
import { SegmentedControl } from '../../components/segmented-control';
import { useT } from '../../i18n/i18n-context';
import { SettingRow } from './setting-row';
import { useFieldSave } from './use-field-save';

type Mode = ProxySetting['mode'];

export function ProxySettingRow({ value }: { value: ProxySetting }) {
  const t = useT();
  const field = useFieldSave();
  const urlId = useId();
  const hintId = useId();
  const errorId = useId();
  const [mode, setMode] = useState<Mode>(value.mode);
  const [url, setUrl] = useState(value.mode === 'manual' ? value.url : '');
  useEffect(() => {
    setMode(value.mode);
    if (value.mode === 'manual') setUrl(value.url);
  }, [value]);

  const chooseMode = (next: Mode) => {
    setMode(next);
    field.clearError();
    if (next === 'manual') {
      if (url.trim() !== '') void field.save({ proxy: { mode: 'manual', url: url.trim() } });
      return;
    }
    void field.save({ proxy: { mode: next } });
  };

  const saveUrl = () => {
    const trimmed = url.trim();
    if (value.mode === 'manual' && value.url === trimmed) return;
    if (trimmed === '') return;
    void field.save({ proxy: { mode: 'manual', url: trimmed } });
  };

  return (
    <SettingRow
      label={t('settings.proxy')}
      hint={t('settings.proxyHint')}
      hintId={hintId}
      error={field.error}
      errorId={errorId}
      saved={field.saved}
    >
      <div className="setting-stack">
        <SegmentedControl<Mode>
          label={t('settings.proxy')}
          value={mode}
          onChange={chooseMode}
          options={[
            { value: 'system', label: t('settings.proxy.system') },
            { value: 'none', label: t('settings.proxy.none') },
            { value: 'manual', label: t('settings.proxy.manual') },
          ]}
        />
        {mode === 'manual' ? (
          <>
            <label htmlFor={urlId} className="visually-hidden">
              {t('settings.proxy.url')}
            </label>
            <input
              id={urlId}
              className="input input-long input-mono"
              type="url"
              value={url}
              placeholder="http://127.0.0.1:8080"
              spellCheck={false}
              aria-invalid={field.error ? true : undefined}
              aria-describedby={field.error ? errorId : undefined}
              onChange={(event) => setUrl(event.target.value)}
              onBlur={saveUrl}
              onKeyDown={(event) => {
                if (event.key === 'Enter') saveUrl();
              }}
            />
          </>
        ) : null}
      </div>
    </SettingRow>
  );
}
