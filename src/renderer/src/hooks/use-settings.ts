// The user's settings: loaded once, changed only through settingsSet (which validates and answers with the
// stored result), and shared with every screen through SettingsContext.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc-contract';
import type { Settings } from '../../../shared/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { api, settle } from '../api';
import { useApiEvent } from './use-api-event';

export interface SettingsHandle {
  settings: Settings;
  /** Saves a change; on failure the previous settings stay and the error says why. */
  update: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>;
}

export function useSettingsLoader(): SettingsHandle & { loaded: boolean; loadError: string | null } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void settle(api.settingsGet()).then((res) => {
      if (!live) return;
      if (res.ok) setSettings(res.value);
      else setLoadError(res.error.message);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);
  // Changed outside this window (the tray, the drop window being moved or hidden).
  useApiEvent('settings', (next) => {
    setSettings(next);
    setLoaded(true);
  });
  const update = useCallback(async (patch: Partial<Settings>) => {
    const res = await settle(api.settingsSet(patch));
    if (res.ok) setSettings(res.value);
    return res;
  }, []);
  return { settings, update, loaded, loadError };
}

export const SettingsContext = createContext<SettingsHandle>({
  settings: DEFAULT_SETTINGS,
  update: async () => ({ ok: false, error: { kind: 'internal', message: 'Settings are not loaded yet.' } }),
});

export function useSettings(): SettingsHandle {
  return useContext(SettingsContext);
}
