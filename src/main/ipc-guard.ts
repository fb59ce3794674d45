// The one wrapper every IPC channel goes through: it refuses callers that are not our window's main
// frame and arguments of the wrong shape before any handler runs, and turns every outcome into
// IpcResult so the window never has to parse Electron's wrapped error text. No Electron import: the
// test harness uses the same guard around its page binding.
import { refusedArgumentError, toIpcError } from './core/app-service';
import type { InvokeChannel, IpcResult } from '../shared/ipc-contract';

export type ArgsCheck = { ok: true; args: unknown[] } | { ok: false; message: string };

export interface GuardOptions<E> {
  isTrustedSender(event: E): boolean;
  validate(channel: InvokeChannel, args: readonly unknown[]): ArgsCheck;
  /** Told about refused calls (for a log line); never given the arguments. */
  onRefused?(channel: InvokeChannel, error: { kind: string; message: string }): void;
}

export const FOREIGN_SENDER_MESSAGE = 'This request did not come from the KieDrop window, so it was refused.';

export type GuardedHandler<E> = (event: E, ...args: unknown[]) => Promise<IpcResult<unknown>>;

export function guardedHandler<E>(
  channel: InvokeChannel,
  handler: (...args: never[]) => unknown,
  options: GuardOptions<E>,
): GuardedHandler<E> {
  const call = handler as (...args: unknown[]) => unknown;
  return async (event, ...args) => {
    let trusted: boolean;
    try {
      trusted = options.isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      const error = { kind: 'forbidden', message: FOREIGN_SENDER_MESSAGE };
      options.onRefused?.(channel, error);
      return { ok: false, error };
    }
    const check = options.validate(channel, args);
    if (!check.ok) {
      const error = refusedArgumentError(check.message);
      options.onRefused?.(channel, error);
      return { ok: false, error };
    }
    try {
      return { ok: true, value: await call(...check.args) };
    } catch (err) {
      return { ok: false, error: toIpcError(err) };
    }
  };
}
