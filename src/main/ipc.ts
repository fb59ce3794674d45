// Registers every channel of the contract with ipcMain, each through the guard: only our window's main
// frame showing our page may call, and only with well-formed arguments.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../shared/ipc-channels';
import type { Handlers } from '../shared/ipc-contract';
import { isOwnAppUrl } from './app-url';
import { guardedHandler } from './ipc-guard';
import { validateArgs } from './ipc-validators';
import { isOwnMainFrame } from './trusted-sender';

export function setupIpc(handlers: Handlers, getWindow: () => BrowserWindow | null): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(
      channel,
      guardedHandler<IpcMainInvokeEvent>(channel, handlers[channel], {
        isTrustedSender: (event) => isOwnMainFrame(event, getWindow(), isOwnAppUrl),
        validate: validateArgs,
        onRefused: (name, error) => console.warn(`[ipc] refused ${name}: ${error.kind}: ${error.message}`),
      }),
    );
  }
}
