// The handler table: one plain function per channel over the core. Electron's ipcMain and the test
// harness's page binding both call this same object. Every failure leaves here as an IpcFailure with
// a kind and a message, and no message ever carries an API key.
import type { Handlers, InvokeChannel } from '../../../shared/ipc-contract';
import { historyHandlers } from './history-handlers';
import { IpcFailure, toIpcError } from './ipc-failure';
import { keyHandlers } from './key-handlers';
import type { HandlerDeps } from './types';
import { uploadHandlers } from './upload-handlers';

function appHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'app:info' | 'app:ready' | 'settings:get' | 'settings:set'> {
  return {
    'app:info': () => ({ ...deps.info, databaseRecovered: deps.engine.db.recovered }),
    'app:ready': () => deps.outbox.ready(),
    'settings:get': () => deps.settings.get(),
    'settings:set': (patch) => deps.settings.set(patch),
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const table: Handlers = {
    ...appHandlers(deps),
    ...keyHandlers(deps),
    ...uploadHandlers(deps),
    ...historyHandlers(deps),
  };
  const wrapped = {} as Record<InvokeChannel, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of Object.keys(table) as InvokeChannel[]) {
    const handler = table[channel] as (...args: unknown[]) => unknown;
    wrapped[channel] = async (...args) => {
      try {
        return await handler(...args);
      } catch (err) {
        const { kind, message } = toIpcError(err, deps.keys.secrets());
        throw new IpcFailure(kind, message);
      }
    };
  }
  return wrapped as unknown as Handlers;
}
