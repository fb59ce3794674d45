// The page's only door to the app: one object of named functions, never ipcRenderer itself. Built from
// the channel list, so every channel of the contract is here under its methodName().
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, eventWireChannel, isEventChannel } from '../shared/ipc-channels';
import { methodName } from '../shared/ipc-contract';
import type { EventChannel, KieDropApi } from '../shared/ipc-contract';

const api: Record<string, unknown> = {
  platform: process.platform,
  on(event: EventChannel, listener: (payload: unknown) => void): () => void {
    if (!isEventChannel(event)) {
      throw new Error(`"${String(event)}" is not a KieDrop event; use one of ${EVENT_CHANNELS.join(', ')}.`);
    }
    const channel = eventWireChannel(event);
    // The Electron event stays here: it carries the sender, which the page has no business holding.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  pathsForFiles(files: readonly File[]): string[] {
    return Array.from(files, (file) => webUtils.getPathForFile(file));
  },
};

for (const channel of INVOKE_CHANNELS) {
  api[methodName(channel)] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}

contextBridge.exposeInMainWorld('kiedrop', api as KieDropApi);
