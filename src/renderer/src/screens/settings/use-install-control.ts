// The state behind an Install / Remove setting (the right-click menu, the kiedrop command): what is on the
// system, read again each time Settings opens; a busy flag while an action runs; and the line saying what
// the last action did or why it failed.
import { useEffect, useState } from 'react';
import type { IpcResult } from '../../../../shared/ipc-contract';
import { settle } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';

export type InstallAction = 'install' | 'remove';

export interface InstallCalls<S> {
  status: () => Promise<IpcResult<S>>;
  install: () => Promise<IpcResult<S>>;
  remove: () => Promise<IpcResult<S>>;
  /** What a finished action says, e.g. "Installed." */
  doneText: (action: InstallAction) => string;
}

export interface InstallControl<S> {
  /** null until the first read answers. */
  state: S | null;
  busy: boolean;
  message: { error: boolean; text: string } | null;
  run: (action: InstallAction) => Promise<void>;
}

export function useInstallControl<S>(active: boolean, calls: InstallCalls<S>): InstallControl<S> {
  const t = useT();
  const [state, setState] = useState<S | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // Read whenever Settings is opened: what is installed may have changed meanwhile (another copy of
  // KieDrop installed it, or the program it starts was moved or removed).
  useEffect(() => {
    if (!active) return;
    let live = true;
    void settle(calls.status()).then((res) => {
      if (!live) return;
      if (res.ok) setState(res.value);
      else setMessage({ error: true, text: translateError(res.error, t) });
    });
    return () => {
      live = false;
    };
  }, [active]);

  const run = async (action: InstallAction): Promise<void> => {
    setBusy(true);
    setMessage(null);
    const res = await settle(action === 'install' ? calls.install() : calls.remove());
    setBusy(false);
    if (!res.ok) {
      setMessage({ error: true, text: translateError(res.error, t) });
      // What is there now may have changed half-way; show it as it is.
      void settle(calls.status()).then((again) => again.ok && setState(again.value));
      return;
    }
    setState(res.value);
    setMessage({ error: false, text: calls.doneText(action) });
  };

  return { state, busy, message, run };
}
