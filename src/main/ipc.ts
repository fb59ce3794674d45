// Registers every channel of the contract with ipcMain, each through the guard: only our windows' main
// frames showing our pages may call (the drop window only its few upload channels), and only with
// well-formed arguments.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { DROP_INVOKE_CHANNELS } from '../shared/drop-api';
import { INVOKE_CHANNELS } from '../shared/ipc-channels';
import type { Handlers } from '../shared/ipc-contract';
import { isOwnAppUrl, isOwnDropUrl } from './app-url';
import { guardedHandler } from './ipc-guard';
import { validateArgs } from './ipc-validators';
import { isTrustedCaller } from './trusted-sender';

export interface IpcWindows {
  main(): BrowserWindow | null;
  drop(): BrowserWindow | null;
}

const DROP_CHANNELS: ReadonlySet<string> = new Set(DROP_INVOKE_CHANNELS);
const PAGES = { isMainPage: isOwnAppUrl, isDropPage: isOwnDropUrl };

export function setupIpc(handlers: Handlers, windows: IpcWindows): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(
      channel,
      guardedHandler<IpcMainInvokeEvent>(channel, handlers[channel], {
        isTrustedSender: (event) =>
          isTrustedCaller(
            channel,
            event,
            { main: windows.main(), drop: windows.drop() },
            PAGES,
            DROP_CHANNELS,
          ),
        validate: validateArgs,
        onRefused: (name, error) => console.warn(`[ipc] refused ${name}: ${error.kind}: ${error.message}`),
      }),
    );
  }
}
